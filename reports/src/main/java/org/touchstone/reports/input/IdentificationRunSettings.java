package org.touchstone.reports.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.touchstone.reports.verification.NamedThreshold;
import org.touchstone.runformat.RunDirectoryException;
import org.touchstone.runformat.runjson.IdentificationEvaluation;
import org.touchstone.runformat.runjson.RunJson;
import org.touchstone.runformat.runjson.VerificationEvaluation;

/**
 * What the identification reports need from {@code run.json}: the header and the {@code evaluation} block
 * of an {@code "identification"} run ({@code docs/run-directory.md}, "Identification (1:N) raw files").
 *
 * @param header              format, run id, capability and system
 * @param candidateListLength L, the number of candidates each search asks for
 * @param ranks               ranks R at which rank-R identification rates are reported, each in 1..L
 * @param fpirTargets         FPIR targets in (0, 1], in the order given
 * @param thresholds          named thresholds (usually the vendor's), in the order given
 * @param groupColumns        group column names (without {@code group:}), in the order given
 * @param intersections       intersections of group columns (optional in run.json; empty when absent)
 * @param fnirRank            R of FNIR(N, R, T) at the FPIR targets (run.json's {@code fnir_rank}; L when absent)
 * @param galleryAverage      whether each rate is also averaged over the galleries ({@code gallery_average})
 */
public record IdentificationRunSettings(RunHeader header, int candidateListLength, List<Integer> ranks,
                                        List<Double> fpirTargets, List<NamedThreshold> thresholds,
                                        List<String> groupColumns, List<List<String>> intersections,
                                        int fnirRank, boolean galleryAverage) {
    /** The only failure policy defined for identification. */
    public static final String FAILURE_POLICY = VerificationEvaluation.NON_MATCH;

    /**
     * @param header              not null
     * @param candidateListLength {@code >= 1}
     * @param ranks               copied
     * @param fpirTargets         copied
     * @param thresholds          copied
     * @param groupColumns        copied
     * @param intersections       copied
     */
    public IdentificationRunSettings {
        Objects.requireNonNull(header, "header");
        ranks = List.copyOf(ranks);
        fpirTargets = List.copyOf(fpirTargets);
        thresholds = List.copyOf(thresholds);
        groupColumns = List.copyOf(groupColumns);
        intersections = intersections.stream().map(List::copyOf).toList();
    }

    /**
     * The settings of an identification run.
     *
     * @param run run.json, as run-format read and checked it
     * @return the settings
     * @throws ClassCastException if it is not an identification run
     */
    public static IdentificationRunSettings of(RunJson run) {
        IdentificationEvaluation evaluation = (IdentificationEvaluation) run.evaluation();
        return new IdentificationRunSettings(RunHeader.of(run), evaluation.candidateListLength(), evaluation.ranks(),
                evaluation.fpirTargets(), RunHeader.thresholds(evaluation), evaluation.groupColumns(),
                evaluation.intersections() == null ? List.of() : evaluation.intersections(),
                evaluation.fnirRank() == null ? evaluation.candidateListLength() : evaluation.fnirRank(),
                Boolean.TRUE.equals(evaluation.galleryAverage()));
    }

    /**
     * Reads the settings of an identification run.
     *
     * @param file the {@code run.json} file
     * @return the settings
     * @throws RunDirectoryException when a field is missing or malformed, naming its line, column and path, or
     *                               the run is of another capability
     * @throws IOException           when the file cannot be read
     */
    public static IdentificationRunSettings read(Path file) throws IOException {
        return of(RunHeader.read(file, RunHeader.IDENTIFICATION));
    }
}
