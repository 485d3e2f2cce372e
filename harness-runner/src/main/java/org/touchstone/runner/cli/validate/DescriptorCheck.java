package org.touchstone.runner.cli.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.touchstone.api.ApiVersion;
import org.touchstone.api.Capability;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.runner.cli.validate.CheckResult.Verdict;

/**
 * {@code descriptor.complete}: the descriptor names the system, its capabilities, score range and a
 * compatible SPI version; and {@code descriptor.informative} (advisory): it says what the system is,
 * recommends thresholds and bounds its scores.
 */
final class DescriptorCheck {
    private DescriptorCheck() {
    }

    static void check(SystemDescriptor d, CheckLog log) {
        List<String> problems = new ArrayList<>();
        String major = d.apiVersion().split("\\.", 2)[0];
        if (!major.equals(Integer.toString(ApiVersion.MAJOR))) {
            problems.add("built against SPI " + d.apiVersion() + ", this harness runs SPI " + ApiVersion.VERSION);
        }
        boolean recognition = d.offers(Capability.VERIFICATION) || d.offers(Capability.IDENTIFICATION);
        String facts = d.id() + ", " + d.vendor() + " " + d.name() + " " + d.version() + "; "
                + d.capabilities().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList()
                + (recognition ? "; scores in [" + d.scoreRange().orElseThrow().min() + ", "
                + d.scoreRange().orElseThrow().max() + "]" : "") + "; " + d.thresholds().size() + " threshold(s)";
        log.add("descriptor.complete", "the descriptor names the system, its capabilities, score range and SPI version",
                true, problems.isEmpty() ? Verdict.PASS : Verdict.FAIL,
                problems.isEmpty() ? facts : String.join("; ", problems), Map.of());
        List<String> advice = new ArrayList<>();
        if (d.description().isBlank()) {
            advice.add("no description");
        }
        if (recognition && d.thresholds().isEmpty()) {
            advice.add("no recommended threshold: reports can only show the system at thresholds chosen from data");
        }
        if (recognition && (Double.isInfinite(d.scoreRange().orElseThrow().min())
                || Double.isInfinite(d.scoreRange().orElseThrow().max()))) {
            advice.add("an unbounded score range: out-of-range scores cannot be detected");
        }
        log.add("descriptor.informative", "the descriptor says what the system is and recommends thresholds", false,
                advice.isEmpty() ? Verdict.PASS : Verdict.WARN, advice.isEmpty() ? "description and thresholds given"
                        : String.join("; ", advice), Map.of());
    }
}
