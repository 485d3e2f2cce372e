package org.touchstone.runformat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.touchstone.runformat.columns.AnalysesCsv;
import org.touchstone.runformat.columns.CandidatesCsv;
import org.touchstone.runformat.columns.ComparisonsCsv;
import org.touchstone.runformat.columns.EstimatesCsv;
import org.touchstone.runformat.columns.FoldsCsv;
import org.touchstone.runformat.columns.GalleriesCsv;
import org.touchstone.runformat.columns.SearchesCsv;
import org.touchstone.runformat.columns.TemplatesCsv;
import org.touchstone.runformat.columns.TimingCsv;

/**
 * A version of the run-directory format, named in run.json's {@code format} field. The runner writes
 * {@link #CURRENT}; the readers accept every version listed here, so a run directory written by an older
 * Touchstone is still read after a newer format is added beside it. Code whose behaviour depends on the
 * version switches over this enum exhaustively, so that adding a version makes the compiler name every
 * place that must learn it.
 *
 * <p>A new version is added as a new constant with the files it holds (for example a binary score store
 * instead of {@code comparisons.csv}), documented in {@code docs/run-directory.md}; existing constants never
 * change, since run directories that name them exist.
 */
public enum RunFormatVersion {
    /**
     * {@code touchstone-run/1}: run.json, protocol.yaml and every raw table as CSV
     * ({@code docs/run-directory.md}). {@code folds.csv} exists only in runs of k-fold protocols; a run
     * directory without it (every one written before it was added) is read as before.
     */
    V1("touchstone-run/1", csvTables(), List.of(ComparisonsCsv.FILE)),
    /**
     * {@code touchstone-run/2}: as version 1, but a verification run's comparisons are in the binary score
     * store {@code comparisons.arrows} (an Apache Arrow IPC stream; {@code docs/run-directory.md}) instead
     * of {@code comparisons.csv}, which {@code touchstone export RUN --csv} writes on demand.
     */
    V2("touchstone-run/2",
            // comparisons.csv is not written by the runner any more, but export --csv writes it, column for column.
            csvTables(),
            // The store package's ComparisonStore.FILE; spelled out since that package sits above this one.
            List.of("comparisons.arrows"));

    /** The raw tables as CSV: every version's, version 2 keeping comparisons.csv as what export --csv writes. */
    private static List<RawFile> csvTables() {
        return List.of(
                RawFile.csv(TemplatesCsv.FILE, TemplatesCsv.values()),
                RawFile.csv(ComparisonsCsv.FILE, ComparisonsCsv.values()),
                RawFile.csv(FoldsCsv.FILE, FoldsCsv.values()),
                RawFile.csv(GalleriesCsv.FILE, GalleriesCsv.values()),
                RawFile.csv(SearchesCsv.FILE, SearchesCsv.values()),
                RawFile.csv(CandidatesCsv.FILE, CandidatesCsv.values()),
                RawFile.csv(AnalysesCsv.FILE, AnalysesCsv.values()),
                RawFile.csv(EstimatesCsv.FILE, EstimatesCsv.values()),
                RawFile.csv(TimingCsv.FILE, TimingCsv.values()));
    }

    /** The version this Touchstone writes. */
    public static final RunFormatVersion CURRENT = V2;

    private final String id;
    private final List<RawFile> rawFiles;
    private final List<String> comparisonFiles;

    RunFormatVersion(String id, List<RawFile> rawFiles, List<String> comparisonFiles) {
        this.id = id;
        this.rawFiles = rawFiles;
        this.comparisonFiles = comparisonFiles;
    }

    /**
     * Where a verification run of this version keeps its comparisons.
     *
     * @return {@code comparisons.csv} (version 1) or {@code comparisons.arrows} (version 2)
     */
    public String comparisonsFile() {
        return comparisonFiles.get(0);
    }

    /**
     * The name run.json's {@code format} field gives the version.
     *
     * @return for example {@code touchstone-run/1}
     */
    @JsonValue
    public String id() {
        return id;
    }

    /**
     * The raw tables a run directory of this version may hold (each capability writes some of them).
     *
     * @return the files, with their columns
     */
    public List<RawFile> rawFiles() {
        return rawFiles;
    }

    /**
     * The version a run.json names.
     *
     * @param id the {@code format} field
     * @return the version, or empty when this Touchstone does not know it
     */
    public static Optional<RunFormatVersion> of(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
    }

    /**
     * The version a run.json names, for reading it as a record.
     *
     * @param id the {@code format} field
     * @return the version
     * @throws IllegalArgumentException if this Touchstone does not know it
     */
    @JsonCreator
    public static RunFormatVersion fromId(String id) {
        return of(id).orElseThrow(() -> new IllegalArgumentException("unsupported run-directory format \"" + id
                + "\": expected one of " + ids()));
    }

    /**
     * Every version this Touchstone reads, by name, for messages.
     *
     * @return the ids, oldest first
     */
    public static List<String> ids() {
        return Arrays.stream(values()).map(RunFormatVersion::id).toList();
    }
}
