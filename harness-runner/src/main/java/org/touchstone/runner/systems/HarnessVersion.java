package org.touchstone.runner.systems;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The harness's own version, filtered into a resource at build time. */
public final class HarnessVersion {
    private static final String VERSION = load();

    private HarnessVersion() {
    }

    /** @return the Maven project version of the runner, e.g. {@code 1.0.0-SNAPSHOT} */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        Properties p = new Properties();
        try (InputStream in = HarnessVersion.class.getResourceAsStream("/touchstone/runner/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
