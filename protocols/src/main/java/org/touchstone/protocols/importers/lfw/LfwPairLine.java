package org.touchstone.protocols.importers.lfw;

import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.support.TextLines;

/**
 * One line of an LFW-format pair file ({@code pairs.txt}, RFW's {@code <Race>_pairs.txt}): three fields
 * {@code name n1 n2} for a matched pair, four fields {@code name1 n1 name2 n2} for a mismatched one (the rule
 * torchvision, facenet and FaceX-Zoo apply). Image numbers are unpadded in the file and padded to four digits
 * in file names. Fields are TAB-separated officially; any whitespace is accepted.
 *
 * @param name1   the first person
 * @param number1 the first image's number, 1 and up
 * @param name2   the second person (equal to {@code name1} for a matched pair)
 * @param number2 the second image's number
 * @param matched whether the line has three fields
 */
public record LfwPairLine(String name1, int number1, String name2, int number2, boolean matched) {
    /**
     * @param file     the pair file
     * @param line     one of its lines
     * @param expected whether a matched pair (3 fields) is expected there; null if either may be
     * @return the parsed line
     * @throws ImportException if it has neither form, a number is not a whole number >= 1, or its kind is not
     *                         the one expected at that place of the file
     */
    public static LfwPairLine parse(TextLines file, TextLines.Line line, Boolean expected) throws ImportException {
        String[] f = line.fields();
        LfwPairLine pair;
        if (f.length == 3) {
            pair = new LfwPairLine(f[0], imageNumber(file, line, f[1]), f[0], imageNumber(file, line, f[2]), true);
        } else if (f.length == 4) {
            pair = new LfwPairLine(f[0], imageNumber(file, line, f[1]), f[2], imageNumber(file, line, f[3]), false);
        } else {
            throw file.problem(line, "expected a matched pair 'name<TAB>n1<TAB>n2' or a mismatched pair"
                    + " 'name1<TAB>n1<TAB>name2<TAB>n2', found " + f.length + " fields");
        }
        if (expected != null && pair.matched != expected) {
            throw file.problem(line, expected
                    ? "expected a matched pair 'name<TAB>n1<TAB>n2' here (each fold lists its matched pairs first)"
                    : "expected a mismatched pair 'name1<TAB>n1<TAB>name2<TAB>n2' here (each fold lists its"
                    + " mismatched pairs after its matched ones)");
        }
        return pair;
    }

    private static int imageNumber(TextLines file, TextLines.Line line, String field) throws ImportException {
        int n = file.number(field, line, "an image number");
        if (n < 1 || n > 9999) {
            throw file.problem(line, "image numbers run from 1 to 9999, found " + n);
        }
        return n;
    }

    /**
     * @param name   a person
     * @param number an image number
     * @return the image's file stem, such as {@code George_W_Bush_0010}
     */
    public static String stem(String name, int number) {
        return String.format(java.util.Locale.ROOT, "%s_%04d", name, number);
    }
}
