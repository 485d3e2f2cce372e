package org.touchstone.protocols.importers.crosslfw;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.support.FixtureFaces;
import org.touchstone.protocols.importers.support.TextLines;

/**
 * CPLFW: {@code cplfw/pairs_CPLFW.txt} (tokens: 1 on positive pairs, 0 on negatives) and unpadded numbers
 * ({@code AJ_Cook_1.jpg}) in {@code aligned images/}, where a few malformed upstream names
 * ({@code Landon_Donovan_3jpg.jpg}, {@code Leni_Bjorklund-2.jpg}, ...) are used by no pair and so never read.
 * List {@code cplfw}. The reference gives no checksum of the official file.
 */
public final class CplfwImporter extends TwoLinePairsImporter {
    private static final Pattern NAME = Pattern.compile("(.+)_([1-9][0-9]*)\\.jpg");

    @Override
    public String kind() {
        return "cplfw";
    }

    @Override
    String upperName() {
        return "CPLFW";
    }

    @Override
    Pattern imageName() {
        return NAME;
    }

    @Override
    int foldOfToken(TextLines lines, TextLines.Line line, String token, boolean positive) throws ImportException {
        String expected = positive ? "1" : "0";
        if (!token.equals(expected)) {
            throw lines.problem(line, "expected the label " + expected + " (" + (positive ? "positive pairs come first"
                    : "negative pairs follow the positives") + "), found '" + token + "'");
        }
        return 0;
    }

    @Override
    String officialSha256() {
        return null;
    }

    @Override
    String fixtureName(String person, int number) {
        return person + "_" + number + ".jpg";
    }

    @Override
    String fixtureToken(boolean positive, int fold) {
        return positive ? "1" : "0";
    }

    @Override
    void writeQuirks(Path images, FixtureFaces faces) throws IOException {
        faces.write(images.resolve("Landon_Donovan_3jpg.jpg"), 0, 3);
        faces.write(images.resolve("Leni_Bjorklund-2.jpg"), 1, 3);
        faces.write(images.resolve("Mike_Montgomery_3.jip.jpg"), 2, 3);
    }
}
