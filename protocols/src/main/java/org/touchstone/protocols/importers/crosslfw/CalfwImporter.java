package org.touchstone.protocols.importers.crosslfw;

import java.util.Locale;
import java.util.regex.Pattern;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.support.TextLines;

/**
 * CALFW: {@code calfw/pairs_CALFW.txt} (tokens: the fold 1..10 on positive pairs, 0 on negatives; the
 * official file recognised by the SHA-256 a third-party audit gives) and LFW-style names with four-digit
 * numbers ({@code Carl_Reiner_0001.jpg}) in {@code aligned images/}. List {@code calfw}.
 */
public final class CalfwImporter extends TwoLinePairsImporter {
    private static final Pattern NAME = Pattern.compile("(.+)_([0-9]{4})\\.jpg");

    @Override
    public String kind() {
        return "calfw";
    }

    @Override
    String upperName() {
        return "CALFW";
    }

    @Override
    Pattern imageName() {
        return NAME;
    }

    @Override
    int foldOfToken(TextLines lines, TextLines.Line line, String token, boolean positive) throws ImportException {
        int value = lines.number(token, line, "a token (the fold 1-10 for a positive pair, 0 for a negative)");
        if (positive ? value < 1 || value > FOLDS : value != 0) {
            throw lines.problem(line, positive ? "a positive pair's token is its fold, 1 to 10; found " + value
                    : "a negative pair's token is 0; found " + value);
        }
        return positive ? value : 0;
    }

    @Override
    String officialSha256() {
        return "871a2f047d57754bd8ed176b9bbcdb42a7b9ba03cd839702c0a28dfdebc9f8fc";
    }

    @Override
    String fixtureName(String person, int number) {
        return String.format(Locale.ROOT, "%s_%04d.jpg", person, number);
    }

    @Override
    String fixtureToken(boolean positive, int fold) {
        return positive ? Integer.toString(fold) : "0";
    }
}
