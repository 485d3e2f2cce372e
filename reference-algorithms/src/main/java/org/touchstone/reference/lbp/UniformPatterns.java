package org.touchstone.reference.lbp;

/**
 * The "u2" mapping of 8-bit LBP codes to histogram labels (Ojala, Pietikäinen and Mäenpää 2002). A code
 * is uniform when its bits, read around the circle, change between 0 and 1 at most twice. The 58
 * uniform codes get labels 0 to 57 in increasing code order; the 198 others share label 58.
 */
final class UniformPatterns {
    /** The number of neighbours the table is for. */
    static final int NEIGHBOURS = 8;
    /** Labels of the uniform codes plus one shared label for all others. */
    static final int LABELS = 59;
    /** The label every non-uniform code maps to. */
    static final int NON_UNIFORM_LABEL = LABELS - 1;

    private static final byte[] LABEL_OF_CODE = buildTable();

    private UniformPatterns() {
    }

    /**
     * @param code an 8-bit LBP code, 0 to 255
     * @return its histogram label, 0 to 58
     */
    static int label(int code) {
        return LABEL_OF_CODE[code];
    }

    /**
     * @param code an 8-bit LBP code
     * @return the number of 0/1 changes between circularly adjacent bits
     */
    static int transitions(int code) {
        int rotated = ((code >>> 1) | (code << (NEIGHBOURS - 1))) & 0xFF;
        return Integer.bitCount(code ^ rotated);
    }

    private static byte[] buildTable() {
        byte[] table = new byte[1 << NEIGHBOURS];
        int next = 0;
        for (int code = 0; code < table.length; code++) {
            table[code] = (byte) (transitions(code) <= 2 ? next++ : NON_UNIFORM_LABEL);
        }
        if (next != NON_UNIFORM_LABEL) {
            throw new AssertionError("expected 58 uniform codes, found " + next);
        }
        return table;
    }
}
