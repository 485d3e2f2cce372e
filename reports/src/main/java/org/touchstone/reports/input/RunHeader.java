package org.touchstone.reports.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What every report needs from {@code run.json} whatever the capability: the format, the run's id, the
 * capability evaluated (which decides how the rest of the {@code evaluation} block and the raw files are
 * read) and a summary of the system under test.
 *
 * @param runId      the run's id, or null when absent
 * @param capability one of {@link #CAPABILITIES}
 * @param system     the system under test
 */
public record RunHeader(String runId, String capability, VerificationRunSettings.SystemSummary system) {
    /** Capability of a 1:1 verification run. */
    public static final String VERIFICATION = "verification";
    /** Capability of a 1:N identification run. */
    public static final String IDENTIFICATION = "identification";
    /** Capability of a face analysis (attribute) run. */
    public static final String ANALYSIS = "analysis";
    /** Every capability the reports cover. */
    public static final List<String> CAPABILITIES = List.of(VERIFICATION, IDENTIFICATION, ANALYSIS);

    /**
     * @param runId      may be null
     * @param capability one of {@link #CAPABILITIES}
     * @param system     not null
     */
    public RunHeader {
        if (!CAPABILITIES.contains(capability)) {
            throw new IllegalArgumentException("unknown capability " + capability);
        }
        Objects.requireNonNull(system, "system");
    }

    /**
     * Reads the header of {@code run.json}.
     *
     * @param file the {@code run.json} file
     * @return the header
     * @throws RunDirectoryException when the format is not {@value VerificationRunSettings#FORMAT}, the capability is
     *                               unknown or the system block is malformed (naming line, column and path)
     * @throws IOException           when the file cannot be read
     */
    public static RunHeader read(Path file) throws IOException {
        return of(JsonDocument.read(file).root());
    }

    /** The header of an already parsed {@code run.json}, for the capability-specific readers. */
    static RunHeader of(JsonDocument.Value root) throws RunDirectoryException {
        JsonDocument.Value format = root.required("format", "\"" + VerificationRunSettings.FORMAT + "\"");
        if (!VerificationRunSettings.FORMAT.equals(format.asText())) {
            throw format.error("unsupported run-directory format \"" + format.asText() + "\": expected \""
                    + VerificationRunSettings.FORMAT + "\"");
        }
        JsonDocument.Value runId = root.optional("run_id");
        JsonDocument.Value evaluation = root.required("evaluation", "an object").asObject();
        JsonDocument.Value capability = evaluation.required("capability", "one of " + CAPABILITIES);
        if (!CAPABILITIES.contains(capability.asText())) {
            throw capability.error("unknown capability \"" + capability.asText() + "\": expected one of " + CAPABILITIES);
        }
        return new RunHeader(runId == null ? null : runId.asText(), capability.asText(), system(root));
    }

    /** The header of an already parsed {@code run.json} whose capability must be {@code expected}. */
    static RunHeader of(JsonDocument.Value root, String expected) throws RunDirectoryException {
        RunHeader header = of(root);
        if (!expected.equals(header.capability())) {
            throw root.required("evaluation", "an object").required("capability", "\"" + expected + "\"")
                    .error("expected capability \"" + expected + "\" here, found \"" + header.capability() + "\"");
        }
        return header;
    }

    private static VerificationRunSettings.SystemSummary system(JsonDocument.Value root) throws RunDirectoryException {
        JsonDocument.Value system = root.required("system", "an object").asObject();
        JsonDocument.Value vendor = system.optional("vendor");
        double rangeMin = Double.NaN;
        double rangeMax = Double.NaN;
        JsonDocument.Value range = system.optional("score_range");
        if (range != null) {
            range.asObject();
            rangeMin = range.required("min", "a number").asNumber();
            rangeMax = range.required("max", "a number").asNumber();
            if (!(rangeMin < rangeMax)) {
                throw range.error("expected min < max, found [" + rangeMin + ", " + rangeMax + "]");
            }
        }
        return new VerificationRunSettings.SystemSummary(system.required("id", "a string").asText(),
                vendor == null ? null : vendor.asText(), system.required("name", "a string").asText(),
                system.required("version", "a string").asText(), rangeMin, rangeMax);
    }
}
