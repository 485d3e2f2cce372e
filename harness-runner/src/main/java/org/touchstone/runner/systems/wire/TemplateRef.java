package org.touchstone.runner.systems.wire;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.touchstone.api.Template;

/**
 * A template's reference in version 2 of the HTTP API: the lower-case hex SHA-256 of its bytes. Client
 * and server compute it independently, so a reference needs no round trip to be learnt and cannot name
 * bytes other than those hashed.
 */
public final class TemplateRef {
    private TemplateRef() {
    }

    /**
     * @param template a template
     * @return its reference
     */
    public static String of(Template template) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(template.buffer());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
