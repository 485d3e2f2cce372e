package org.touchstone.protocols;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version {@code MAJOR.MINOR.PATCH} (Semantic Versioning 2.0.0 without pre-release or build
 * suffixes: a released protocol has a plain version). Ordered numerically: {@code 1.10.0 > 1.9.0}.
 *
 * @param major incompatible changes (results are not comparable across majors)
 * @param minor compatible additions
 * @param patch corrections that change no result
 */
public record SemanticVersion(int major, int minor, int patch) implements Comparable<SemanticVersion> {
    // No leading zeros (as SemVer requires); at most 9 digits so every part fits an int.
    private static final Pattern FORMAT =
            Pattern.compile("(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})");
    private static final Comparator<SemanticVersion> ORDER = Comparator.comparingInt(SemanticVersion::major)
            .thenComparingInt(SemanticVersion::minor).thenComparingInt(SemanticVersion::patch);

    /** Checks that no part is negative. */
    public SemanticVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version parts must be >= 0: " + major + "." + minor + "." + patch);
        }
    }

    /**
     * @param text such as {@code "1.0.0"}
     * @return the version
     * @throws IllegalArgumentException if {@code text} is not {@code MAJOR.MINOR.PATCH} with decimal parts
     *                                  without leading zeros
     */
    public static SemanticVersion parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a semantic version MAJOR.MINOR.PATCH such as 1.0.0"
                    + " (no leading zeros, no suffix), found '" + text + "'");
        }
        return new SemanticVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
    }

    @Override
    public int compareTo(SemanticVersion other) {
        return ORDER.compare(this, other);
    }

    /** @return {@code MAJOR.MINOR.PATCH} */
    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
