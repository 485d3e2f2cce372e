package org.touchstone.reference.lbp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import org.touchstone.api.Template;

/**
 * The bytes of an LBP template, version {@value #FORMAT_VERSION}:
 *
 * <pre>
 * offset  size  content
 *  0      4     magic "LBPH" (ASCII)
 *  4      1     format version, 1
 *  5      1     LBP radius
 *  6      1     LBP neighbours, 8
 *  7      1     labels per cell, 59
 *  8      1     grid columns
 *  9      1     grid rows
 * 10      1     photometric normalisation (ordinal of {@link PhotometricNormalisation})
 * 11      1     reserved, 0
 * 12      4n    the n = columns * rows * 59 histogram values, float32 little-endian, cells in row-major
 *               order, each cell's 59 bins in label order
 * </pre>
 *
 * The header records everything that makes two templates comparable, so a template from another
 * system, another format version or another configuration is rejected rather than compared. Values are
 * little-endian, the native order of x86-64 and AArch64, so the JDK copies them in bulk without
 * swapping bytes.
 *
 * <p>Immutable and thread safe.
 */
final class LbpTemplateFormat {
    /** The current format version. */
    static final int FORMAT_VERSION = 1;
    /** Bytes before the histogram values. */
    static final int HEADER_BYTES = 12;

    private static final byte[] MAGIC = "LBPH".getBytes(StandardCharsets.US_ASCII);

    private final LbpSettings settings;
    private final byte[] header;

    /**
     * @param settings the settings whose templates this format writes and accepts
     */
    LbpTemplateFormat(LbpSettings settings) {
        this.settings = settings;
        this.header = new byte[] {MAGIC[0], MAGIC[1], MAGIC[2], MAGIC[3], (byte) FORMAT_VERSION,
            (byte) settings.radius(), (byte) UniformPatterns.NEIGHBOURS, (byte) UniformPatterns.LABELS,
            (byte) settings.gridColumns(), (byte) settings.gridRows(), (byte) settings.normalisation().ordinal(), 0};
    }

    /** @return the size of every template of these settings, in bytes */
    int templateBytes() {
        return HEADER_BYTES + Float.BYTES * settings.valuesPerGridRow() * settings.gridRows();
    }

    /**
     * @param histograms one array per grid row, as made by {@link LbpFeatureExtractor}
     * @return the template's bytes
     */
    byte[] encode(float[][] histograms) {
        ByteBuffer bytes = ByteBuffer.allocate(templateBytes());
        bytes.put(header);
        FloatBuffer values = bytes.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        for (float[] row : histograms) {
            values.put(row);
        }
        return bytes.array();
    }

    /** @return arrays of the shape {@link #decode} fills: one per grid row */
    float[][] newHistograms() {
        float[][] histograms = new float[settings.gridRows()][];
        for (int row = 0; row < histograms.length; row++) {
            histograms[row] = new float[settings.valuesPerGridRow()];
        }
        return histograms;
    }

    /**
     * Reads a template's histograms into arrays the caller reuses, copying the values once, straight
     * from the template's buffer: allocating fresh arrays per comparison would cost more than comparing.
     *
     * @param template   a template
     * @param histograms arrays from {@link #newHistograms()}; overwritten
     * @throws InvalidTemplateException if the template is not one of this format and these settings
     */
    void decode(Template template, float[][] histograms) throws InvalidTemplateException {
        if (template == null) {
            throw new InvalidTemplateException("template is null");
        }
        ByteBuffer bytes = template.buffer();
        checkHeader(bytes);
        if (bytes.remaining() != templateBytes()) {
            throw new InvalidTemplateException("template has " + bytes.remaining() + " bytes; an LBP template with grid "
                    + settings.grid() + " has " + templateBytes());
        }
        FloatBuffer values = bytes.position(HEADER_BYTES).slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        for (float[] row : histograms) {
            values.get(row);
        }
    }

    private void checkHeader(ByteBuffer bytes) throws InvalidTemplateException {
        if (bytes.remaining() < HEADER_BYTES) {
            throw new InvalidTemplateException("template has " + bytes.remaining()
                    + " bytes, fewer than the " + HEADER_BYTES + "-byte header of an LBP template");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes.get(i) != MAGIC[i]) {
                throw new InvalidTemplateException("not an LBP histogram template: it does not start with \"LBPH\"");
            }
        }
        int version = bytes.get(4) & 0xFF;
        if (version != FORMAT_VERSION) {
            throw new InvalidTemplateException("LBP template format version " + version + "; this system reads version "
                    + FORMAT_VERSION);
        }
        for (int i = 5; i < HEADER_BYTES; i++) {
            if (bytes.get(i) != header[i]) {
                throw new InvalidTemplateException("LBP template made with other settings (" + describeHeader(bytes)
                        + "); this system uses " + describeHeader(ByteBuffer.wrap(header)));
            }
        }
    }

    private static String describeHeader(ByteBuffer bytes) {
        int normalisation = bytes.get(10) & 0xFF;
        PhotometricNormalisation[] all = PhotometricNormalisation.values();
        return "radius " + (bytes.get(5) & 0xFF) + ", neighbours " + (bytes.get(6) & 0xFF)
                + ", labels " + (bytes.get(7) & 0xFF) + ", grid " + (bytes.get(8) & 0xFF) + "x" + (bytes.get(9) & 0xFF)
                + ", normalisation " + (normalisation < all.length ? all[normalisation].configName() : "#" + normalisation)
                + ", reserved byte " + (bytes.get(11) & 0xFF);
    }

    /** A template that is not of this format and these settings. Expected on bad input, so it has no stack trace. */
    static final class InvalidTemplateException extends Exception {
        private static final long serialVersionUID = 1L;

        /**
         * @param message what is wrong with the template
         */
        InvalidTemplateException(String message) {
            super(message, null, false, false);
        }
    }
}
