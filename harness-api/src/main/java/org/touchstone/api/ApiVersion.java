package org.touchstone.api;

/**
 * The semantic version of this SPI. A system built against one major version runs on any harness of
 * the same major version; minor versions only add.
 */
public final class ApiVersion {
    /** The version of the SPI in this jar. */
    public static final String VERSION = "1.0.0";
    /** The major version, which must match between a system and the harness that loads it. */
    public static final int MAJOR = 1;

    private ApiVersion() {
    }
}
