package org.touchstone.runner.cli.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.runner.systems.HarnessVersion;
import org.touchstone.runformat.io.AtomicFiles;
import org.touchstone.runner.systems.SystemArtifact;
import org.touchstone.runner.systems.wire.WireJson;

/**
 * The outcome of {@code touchstone validate}: every check with its verdict, printed for people and
 * written as JSON (format {@value #FORMAT}).
 *
 * @param system     how the system was named
 * @param descriptor its descriptor, or null when it could not be obtained
 * @param artifact   where its code comes from, or null
 * @param limits     the time limits applied
 * @param checks     the checks, in the order run
 */
public record ValidationReport(String system, SystemDescriptor descriptor, SystemArtifact artifact,
                               ValidationLimits limits, List<CheckResult> checks) {
    /** Format identifier of the JSON file. */
    public static final String FORMAT = "touchstone-validation/1";

    /** Canonical form: the checks are copied. */
    public ValidationReport {
        checks = List.copyOf(checks);
    }

    /** @return true when no required check failed */
    public boolean passed() {
        return checks.stream().noneMatch(CheckResult::failsValidation);
    }

    /**
     * @param id a check's id
     * @return its result
     * @throws IllegalArgumentException if there is no such check
     */
    public CheckResult check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check " + id));
    }

    /** @param out where to print one line per check and the verdict */
    public void print(PrintWriter out) {
        int width = checks.stream().mapToInt(c -> c.id().length()).max().orElse(10);
        for (CheckResult c : checks) {
            out.printf(Locale.ROOT, "  %-4s  %-" + width + "s  %-8s  %s%n", c.verdict(), c.id(),
                    c.required() ? "required" : "advisory", c.detail());
        }
        long failed = checks.stream().filter(CheckResult::failsValidation).count();
        long warnings = checks.stream().filter(c -> c.verdict() == CheckResult.Verdict.WARN
                || !c.required() && c.verdict() == CheckResult.Verdict.FAIL).count();
        out.printf("Verdict: %s (%d checks, %d required failed, %d warnings)%n", passed() ? "PASS" : "FAIL",
                checks.size(), failed, warnings);
    }

    /**
     * @param file where to write the JSON report
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        ObjectNode root = WireJson.object();
        root.put("format", FORMAT);
        root.put("verdict", passed() ? "pass" : "fail");
        root.put("system", system);
        root.put("harness_version", HarnessVersion.get());
        if (descriptor != null) {
            root.set("descriptor", WireJson.descriptor(descriptor));
        }
        if (artifact != null) {
            ObjectNode a = root.putObject("artifact");
            a.put("location", artifact.location());
            a.put("sha256", artifact.sha256());
        }
        ObjectNode l = root.putObject("time_limits");
        l.put("template_ms_per_image", limits.templateMillisPerImage());
        l.put("comparison_us", limits.comparisonMicros());
        l.put("search_ms", limits.searchMillis());
        l.put("analysis_ms_per_image", limits.analysisMillisPerImage());
        root.put("max_template_bytes", limits.maxTemplateBytes());
        ArrayNode array = root.putArray("checks");
        ObjectMapper mapper = new ObjectMapper();
        for (CheckResult c : checks) {
            ObjectNode o = array.addObject();
            o.put("id", c.id());
            o.put("title", c.title());
            o.put("required", c.required());
            o.put("verdict", c.verdict().name().toLowerCase(Locale.ROOT));
            o.put("detail", c.detail());
            o.set("measurements", mapper.valueToTree(c.measurements()));
        }
        byte[] bytes = (new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, bytes);
    }
}
