package org.touchstone.reports.summary;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the first screen of a report says: the headline figures, the operating points the data cannot support,
 * and the demographic verdicts, read from metrics.json by the capability's {@link SummarySection}s.
 *
 * @param capability   metrics.json's capability
 * @param headlines    every headline figure, measured or not, in order
 * @param demographics the demographic verdicts
 */
public record RunSummary(String capability, List<Headline> headlines, List<DemographicVerdict> demographics) {
    /**
     * The sections that summarise each capability, in the order their figures are shown. A new section of a
     * capability's report adds its {@link SummarySection} here.
     */
    static final Map<String, List<SummarySection>> SECTIONS = Map.of(
            "verification", List.of(new VerificationSummary()),
            "identification", List.of(new IdentificationSummary()),
            "analysis", List.of(new AnalysisSummary()));

    /** @param headlines copied; @param demographics copied */
    public RunSummary {
        headlines = List.copyOf(headlines);
        demographics = List.copyOf(demographics);
    }

    /**
     * @param metrics a metrics.json
     * @return its summary; empty for a capability with no sections
     */
    public static RunSummary of(JsonNode metrics) {
        String capability = metrics.path("capability").asText("");
        List<Headline> headlines = new ArrayList<>();
        List<DemographicVerdict> demographics = new ArrayList<>();
        for (SummarySection section : sections(capability)) {
            headlines.addAll(section.headlines(metrics));
            demographics.addAll(section.demographics(metrics));
        }
        return new RunSummary(capability, headlines, demographics);
    }

    static List<SummarySection> sections(String capability) {
        return SECTIONS.getOrDefault(capability, List.of());
    }

    /** @return the measured figures shown large */
    public List<Headline> prominent() {
        return headlines.stream().filter(h -> h.measured() && h.prominent()).toList();
    }

    /** @return the measured figures listed below the large ones */
    public List<Headline> secondary() {
        return headlines.stream().filter(h -> h.measured() && !h.prominent()).toList();
    }

    /** @return the figures the data cannot support or that are undefined */
    public List<Headline> notMeasured() {
        return headlines.stream().filter(h -> !h.measured()).toList();
    }

    /** @return the first prominent measured figure: the one a leaderboard ranks by; null when none */
    public Headline first() {
        List<Headline> shown = prominent();
        return shown.isEmpty() ? null : shown.get(0);
    }
}
