package org.touchstone.protocols;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.touchstone.api.Capability;
import org.touchstone.runformat.io.Sha256;

/**
 * A validated protocol: what to test, how, and with which seed, together with the exact text it was
 * read from. A protocol is identified by {@link #ref()} ({@code id@version}) and, byte for byte, by
 * {@link #sha256()}. Obtain one from {@link ProtocolRepository} or {@link ProtocolLoader}.
 *
 * @param id           lower-case name, such as {@code verification}; see {@link #ID_PATTERN}
 * @param version      the protocol's version; a released version never changes
 * @param capability   the capability the protocol tests
 * @param title        one line
 * @param description  what the protocol measures and how, for people
 * @param seed         the seed of every random choice the protocol makes
 * @param sha256       the SHA-256 of the protocol file's bytes ({@link #bytes()}), lower-case hex
 * @param source       where it was read from: a resource name or a file path
 * @param yaml         the protocol file's text, exactly as read
 * @param verification   the settings of a verification protocol; present iff the capability is verification
 * @param identification the settings of an identification protocol; present iff the capability is
 *                       identification
 * @param analysis       the settings of an attribute protocol; present iff the capability is analysis
 */
public record ProtocolDefinition(String id, SemanticVersion version, Capability capability, String title,
                                 String description, long seed, String sha256, String source, String yaml,
                                 Optional<VerificationSettings> verification,
                                 Optional<IdentificationSettings> identification,
                                 Optional<AnalysisSettings> analysis) {
    /** What a protocol id looks like: lower-case letters, digits, '.', '_' and '-', not starting with a symbol. */
    public static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    /** Checks the arguments, including that {@code sha256} is the hash of {@code yaml}. */
    public ProtocolDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(identification, "identification");
        Objects.requireNonNull(analysis, "analysis");
        if (!ID_PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException("protocol id '" + id + "' must match " + ID_PATTERN);
        }
        if (verification.isPresent() != (capability == Capability.VERIFICATION)
                || identification.isPresent() != (capability == Capability.IDENTIFICATION)
                || analysis.isPresent() != (capability == Capability.ANALYSIS)) {
            throw new IllegalArgumentException("exactly the settings of the protocol's capability must be present;"
                    + " capability is " + capability);
        }
        if (!sha256.equals(Sha256.hex(yaml.getBytes(StandardCharsets.UTF_8)))) {
            throw new IllegalArgumentException("sha256 " + sha256 + " is not the hash of the protocol text");
        }
    }

    /** @return {@code id@version}, such as {@code verification@1.0.0}: how users and run directories name it */
    public String ref() {
        return id + "@" + version;
    }

    /**
     * @return the protocol file's bytes, exactly as read (its text is valid UTF-8, so encoding
     *         {@link #yaml()} gives them back); a fresh copy
     */
    public byte[] bytes() {
        return yaml.getBytes(StandardCharsets.UTF_8);
    }

    /** @return the capability as written in protocol files and run directories, such as {@code verification} */
    public String capabilityName() {
        return ExternalNames.of(capability);
    }

    /** @return {@link #ref()} and the source, without the (long) text */
    @Override
    public String toString() {
        return "ProtocolDefinition[" + ref() + " from " + source + ", sha256 " + sha256 + "]";
    }
}
