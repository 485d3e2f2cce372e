package org.touchstone.reports.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.touchstone.runformat.RunDirectoryException;
import org.touchstone.runformat.columns.CandidatesCsv;
import org.touchstone.runformat.columns.CellValue;
import org.touchstone.runformat.columns.GalleriesCsv;
import org.touchstone.runformat.columns.SearchesCsv;
import org.touchstone.runformat.columns.TemplatesCsv;

/**
 * The galleries, searches and candidate lists of an identification run ({@code galleries.csv},
 * {@code searches.csv}, {@code candidates.csv}), validated against each other and {@code templates.csv}.
 *
 * <p>Of each candidate list it keeps the scores (for FPIR and selectivity) and where the probe's mate
 * first appears (for FNIR and the CMC): the mate is a candidate whose enrolment template shows the probe's
 * subject. A subject may be enrolled with several templates; its first, best-ranked one counts.
 */
public final class SearchData {
    /** Role of the templates enrolled in galleries. */
    public static final String ENROLMENT_ROLE = TemplatesCsv.Role.IDENTIFICATION_ENROLMENT.text();
    /** Role of the templates searched. */
    public static final String PROBE_ROLE = TemplatesCsv.Role.IDENTIFICATION_PROBE.text();

    private static final String OK = SearchesCsv.Status.OK.text();
    private static final String TEMPLATE_FAILED = SearchesCsv.Status.TEMPLATE_FAILED.text();
    private static final String GALLERY_FAILED = SearchesCsv.Status.GALLERY_FAILED.text();
    private static final List<String> NOT_SEARCHED = List.of(TEMPLATE_FAILED, GALLERY_FAILED);
    private static final List<String> SEARCHED_WITHOUT_LIST = List.of(SearchesCsv.Status.SEARCH_FAILED.text(),
            SearchesCsv.Status.INVALID_OUTPUT.text());

    /**
     * One row of {@code galleries.csv}.
     *
     * @param index              0-based position in the file (the sweep order)
     * @param id                 gallery id
     * @param matedSubjects      subjects enrolled whose probes are searched as mated searches
     * @param distractorSubjects further subjects enrolled who are never searched for
     * @param enrolledTemplates  templates handed to {@code finalizeEnrolment}: N
     * @param failed             whether the gallery could not be built
     * @param failureCode        empty when built
     */
    public record Gallery(int index, String id, long matedSubjects, long distractorSubjects, long enrolledTemplates,
                          boolean failed, String failureCode) {
    }

    /**
     * One row of {@code searches.csv}, with what its candidate list says.
     *
     * @param probe           the probe template
     * @param mated           whether the probe's subject is enrolled in the gallery
     * @param status          {@code ok}, {@code search_failed}, {@code invalid_output}, {@code template_failed}
     *                        or {@code gallery_failed}
     * @param failureCode     empty when ok
     * @param candidateScores the candidates' scores in rank order (non-increasing); empty unless ok
     * @param mateRank        the 1-based rank of the mate's first appearance, 0 when absent (always 0 for a
     *                        non-mated search)
     * @param selfRank        the 1-based rank of the candidate that is the probe's own template id enrolled (a
     *                        template made in both roles, as MegaFace Challenge 1 makes them), 0 when absent
     */
    public record Search(TemplateTable.Template probe, boolean mated, String status, String failureCode,
                         double[] candidateScores, int mateRank, int selfRank) {
        /**
         * The mate's score.
         *
         * @return the score at {@link #mateRank()}, NaN when the mate is absent
         */
        public double mateScore() {
            return mateRank == 0 ? Double.NaN : candidateScores[mateRank - 1];
        }
    }

    private final List<Gallery> galleries;
    private final List<List<Search>> searches;
    private final SortedMap<FailureKey, Long> failures;

    private SearchData(List<Gallery> galleries, List<List<Search>> searches, SortedMap<FailureKey, Long> failures) {
        this.galleries = galleries;
        this.searches = searches;
        this.failures = failures;
    }

    /**
     * The galleries, in sweep order.
     *
     * @return the galleries
     */
    public List<Gallery> galleries() {
        return galleries;
    }

    /**
     * The searches of one gallery, in file order.
     *
     * @param gallery index into {@link #galleries()}
     * @return its searches
     */
    public List<Search> searches(int gallery) {
        return searches.get(gallery);
    }

    /**
     * Failed galleries and searches by kind, status and failure code.
     *
     * @return the counts, in {@link FailureKey} order
     */
    public SortedMap<FailureKey, Long> failures() {
        return failures;
    }

    /**
     * Reads and validates the three files.
     *
     * @param runDir              the run directory
     * @param templates           the run's templates, already read
     * @param candidateListLength L from run.json: no list may be longer
     * @return the searches
     * @throws RunDirectoryException when a file breaks the contract: a missing column, a malformed field, an
     *                               unknown gallery or template, a status that contradicts the templates or
     *                               the gallery, a candidate list that is unsorted, too long, repeats a
     *                               template, shows the probe's subject in a non-mated search, or does not
     *                               match the number of candidates declared in searches.csv
     * @throws IOException           when a file cannot be read
     */
    public static SearchData read(Path runDir, TemplateTable templates, int candidateListLength) throws IOException {
        SortedMap<FailureKey, Long> failures = new TreeMap<>();
        List<Gallery> galleries = readGalleries(runDir.resolve(GalleriesCsv.FILE), failures);
        Map<String, Gallery> galleryById = new HashMap<>();
        galleries.forEach(g -> galleryById.put(g.id(), g));
        Set<String> enrolledSubjects = new HashSet<>();
        for (TemplateTable.Template template : templates.templates()) {
            if (template.role().equals(ENROLMENT_ROLE)) {
                enrolledSubjects.add(template.subjectId());
            }
        }
        PendingSearches pending = readSearches(runDir.resolve(SearchesCsv.FILE), templates, galleryById,
                enrolledSubjects, candidateListLength, failures);
        readCandidates(runDir.resolve(CandidatesCsv.FILE), templates, galleryById, pending, candidateListLength);
        pending.requireAllListsRead(runDir.resolve(SearchesCsv.FILE));

        List<List<Search>> byGallery = new ArrayList<>();
        galleries.forEach(g -> byGallery.add(new ArrayList<>()));
        for (int i = 0; i < pending.rows.size(); i++) {
            PendingSearch row = pending.rows.get(i);
            byGallery.get(row.gallery).add(new Search(row.probe, row.mated, row.status, row.failureCode,
                    row.scores.stream().mapToDouble(Double::doubleValue).toArray(), row.mateRank, row.selfRank));
        }
        return new SearchData(List.copyOf(galleries), byGallery.stream().map(List::copyOf).toList(),
                Collections.unmodifiableSortedMap(failures));
    }

    private static List<Gallery> readGalleries(Path file, SortedMap<FailureKey, Long> failures) throws IOException {
        List<Gallery> galleries = new ArrayList<>();
        Map<String, Long> lines = new HashMap<>();
        try (CsvTable table = CsvTable.open(file, GalleriesCsv.GALLERY_ID, GalleriesCsv.MATED_SUBJECTS,
                GalleriesCsv.DISTRACTOR_SUBJECTS, GalleriesCsv.ENROLLED_TEMPLATES, GalleriesCsv.STATUS,
                GalleriesCsv.FAILURE_CODE)) {
            int id = table.column(GalleriesCsv.GALLERY_ID);
            int mated = table.column(GalleriesCsv.MATED_SUBJECTS);
            int distractors = table.column(GalleriesCsv.DISTRACTOR_SUBJECTS);
            int enrolled = table.column(GalleriesCsv.ENROLLED_TEMPLATES);
            int status = table.column(GalleriesCsv.STATUS);
            int code = table.column(GalleriesCsv.FAILURE_CODE);
            while (table.next()) {
                String galleryId = table.nonEmpty(id);
                Long previous = lines.putIfAbsent(galleryId, table.line());
                if (previous != null) {
                    throw table.error(id, "duplicate gallery \"" + galleryId + "\", first on line " + previous);
                }
                boolean failed = table.okOrFailed(status, code);
                if (failed) {
                    failures.merge(new FailureKey(FailureKey.GALLERY, FailureKey.GALLERY, GalleriesCsv.Status.FAILED.text(),
                            table.get(code)),
                            1L, Long::sum);
                }
                galleries.add(new Gallery(galleries.size(), galleryId, table.count(mated), table.count(distractors),
                        table.count(enrolled), failed, table.get(code)));
            }
        }
        return galleries;
    }

    private static PendingSearches readSearches(Path file, TemplateTable templates, Map<String, Gallery> galleries,
                                                Set<String> enrolledSubjects, int candidateListLength,
                                                SortedMap<FailureKey, Long> failures) throws IOException {
        PendingSearches pending = new PendingSearches();
        try (CsvTable table = CsvTable.open(file, SearchesCsv.GALLERY_ID, SearchesCsv.PROBE_TEMPLATE,
                SearchesCsv.PROBE_SUBJECT, SearchesCsv.MATED, SearchesCsv.STATUS, SearchesCsv.FAILURE_CODE,
                SearchesCsv.CANDIDATES)) {
            int galleryColumn = table.column(SearchesCsv.GALLERY_ID);
            int probeColumn = table.column(SearchesCsv.PROBE_TEMPLATE);
            int subjectColumn = table.column(SearchesCsv.PROBE_SUBJECT);
            int matedColumn = table.column(SearchesCsv.MATED);
            int statusColumn = table.column(SearchesCsv.STATUS);
            int codeColumn = table.column(SearchesCsv.FAILURE_CODE);
            int candidatesColumn = table.column(SearchesCsv.CANDIDATES);
            while (table.next()) {
                Gallery gallery = gallery(table, galleryColumn, galleries);
                TemplateTable.Template probe = templates.require(table, probeColumn, PROBE_ROLE);
                if (!table.get(subjectColumn).equals(probe.subjectId())) {
                    throw table.error(subjectColumn, "expected \"" + probe.subjectId() + "\", the subject of "
                            + probe.id() + " in templates.csv, found \"" + table.get(subjectColumn) + "\"");
                }
                boolean mated = table.bool(matedColumn);
                if (mated && !enrolledSubjects.contains(probe.subjectId())) {
                    throw table.error(matedColumn, "mated is true but subject " + probe.subjectId()
                            + " has no " + ENROLMENT_ROLE + " template in templates.csv");
                }
                String status = checkStatus(table, statusColumn, gallery, probe);
                table.requireCodeExactlyWhenFailed(codeColumn, !status.equals(OK), status);
                int declared = table.count(candidatesColumn);
                if (!status.equals(OK) && declared != 0) {
                    throw table.error(candidatesColumn, "expected 0 candidates for status " + status + ", found " + declared);
                }
                if (declared > candidateListLength) {
                    throw table.error(candidatesColumn, "expected at most candidate_list_length = "
                            + candidateListLength + " candidates, found " + declared);
                }
                if (!status.equals(OK)) {
                    failures.merge(new FailureKey(FailureKey.SEARCH, mated ? FailureKey.MATED : FailureKey.NON_MATED,
                            status, table.get(codeColumn)), 1L, Long::sum);
                }
                pending.add(table, galleryColumn, new PendingSearch(gallery, probe, mated, status,
                        table.get(codeColumn), declared, table.line()));
            }
        }
        return pending;
    }

    private static Gallery gallery(CsvTable table, int column, Map<String, Gallery> galleries)
            throws RunDirectoryException {
        Gallery gallery = galleries.get(table.get(column));
        if (gallery == null) {
            throw table.error(column, "unknown gallery \"" + table.get(column) + "\": galleries.csv has no such gallery_id");
        }
        return gallery;
    }

    /** Checks the status against the gallery and the probe template; returns it. */
    private static String checkStatus(CsvTable table, int column, Gallery gallery, TemplateTable.Template probe)
            throws RunDirectoryException {
        String status = table.get(column);
        if (status.equals(GALLERY_FAILED) && !gallery.failed()) {
            throw table.error(column, "status gallery_failed, but gallery " + gallery.id() + " is ok in galleries.csv");
        }
        if (status.equals(TEMPLATE_FAILED) && !probe.failed()) {
            throw table.error(column, "status template_failed, but template " + probe.id() + " is ok in templates.csv");
        }
        if (status.equals(OK) || SEARCHED_WITHOUT_LIST.contains(status)) {
            if (gallery.failed() || probe.failed()) {
                throw table.error(column, "expected \"" + (gallery.failed() ? GALLERY_FAILED : TEMPLATE_FAILED)
                        + "\": " + (gallery.failed() ? "gallery " + gallery.id() : "template " + probe.id())
                        + " failed, so no search was made");
            }
        } else if (!NOT_SEARCHED.contains(status)) {
            throw table.error(column, "expected one of " + String.join(", ", CellValue.texts(SearchesCsv.Status.class))
                    + ", found \"" + status + "\"");
        }
        return status;
    }

    private static void readCandidates(Path file, TemplateTable templates, Map<String, Gallery> galleries,
                                       PendingSearches pending, int candidateListLength) throws IOException {
        try (CsvTable table = CsvTable.open(file, CandidatesCsv.values())) {
            int galleryColumn = table.column(CandidatesCsv.GALLERY_ID);
            int probeColumn = table.column(CandidatesCsv.PROBE_TEMPLATE);
            int rankColumn = table.column(CandidatesCsv.RANK);
            int candidateColumn = table.column(CandidatesCsv.CANDIDATE_TEMPLATE);
            int scoreColumn = table.column(CandidatesCsv.SCORE);
            PendingSearch current = null;
            Set<String> listed = new HashSet<>();
            while (table.next()) {
                Gallery gallery = gallery(table, galleryColumn, galleries);
                TemplateTable.Template probe = templates.require(table, probeColumn, PROBE_ROLE);
                PendingSearch search = pending.find(gallery.index(), probe.index());
                if (search == null) {
                    throw table.error(probeColumn, "no search of " + probe.id() + " in gallery " + gallery.id()
                            + " in searches.csv");
                }
                if (search != current) {
                    if (current != null) {
                        current.requireComplete(table);
                    }
                    if (search.listStarted) {
                        throw table.error(probeColumn, "the candidates of " + probe.id() + " in gallery " + gallery.id()
                                + " must be on consecutive lines; they resume here after another search");
                    }
                    if (!search.status.equals(OK)) {
                        throw table.error(probeColumn, "search of " + probe.id() + " in gallery " + gallery.id()
                                + " has status " + search.status + " in searches.csv: it has no candidates");
                    }
                    search.listStarted = true;
                    current = search;
                    listed.clear();
                }
                int rank = table.count(rankColumn);
                if (rank != search.scores.size() + 1) {
                    throw table.error(rankColumn, "expected rank " + (search.scores.size() + 1) + ", found " + rank);
                }
                if (rank > candidateListLength || rank > search.declared) {
                    throw table.error(rankColumn, "rank " + rank + " exceeds the " + search.declared
                            + " candidates declared in searches.csv (line " + search.line + ")");
                }
                TemplateTable.Template candidate = templates.require(table, candidateColumn, ENROLMENT_ROLE);
                if (candidate.failed()) {
                    throw table.error(candidateColumn, "template " + candidate.id() + " failed in templates.csv,"
                            + " so it was never enrolled");
                }
                if (!listed.add(candidate.id())) {
                    throw table.error(candidateColumn, "template " + candidate.id() + " appears twice in one candidate list");
                }
                double score = table.finiteDecimal(scoreColumn);
                if (!search.scores.isEmpty() && score > search.scores.get(search.scores.size() - 1)) {
                    throw table.error(scoreColumn, "candidates must be sorted by descending score: " + score
                            + " at rank " + rank + " is above " + search.scores.get(search.scores.size() - 1)
                            + " at rank " + (rank - 1));
                }
                if (candidate.subjectId().equals(probe.subjectId())) {
                    if (!search.mated) {
                        throw table.error(candidateColumn, "candidate " + candidate.id() + " shows subject "
                                + probe.subjectId() + ", the probe's own, but searches.csv (line " + search.line
                                + ") says the search is not mated");
                    }
                    if (search.mateRank == 0) {
                        search.mateRank = rank;
                    }
                }
                if (candidate.id().equals(probe.id())) {
                    search.selfRank = rank;
                }
                search.scores.add(score);
            }
            if (current != null) {
                current.requireComplete(table);
            }
        }
    }

    /** A search read from searches.csv whose candidate list is being read. */
    private static final class PendingSearch {
        final int gallery;
        final String galleryId;
        final TemplateTable.Template probe;
        final boolean mated;
        final String status;
        final String failureCode;
        final int declared;
        final long line;
        final List<Double> scores = new ArrayList<>();
        int mateRank;
        int selfRank;
        boolean listStarted;

        PendingSearch(Gallery gallery, TemplateTable.Template probe, boolean mated, String status, String failureCode,
                      int declared, long line) {
            this.gallery = gallery.index();
            this.galleryId = gallery.id();
            this.probe = Objects.requireNonNull(probe);
            this.mated = mated;
            this.status = status;
            this.failureCode = failureCode;
            this.declared = declared;
            this.line = line;
        }

        /** At the end of a list in candidates.csv: it must hold as many candidates as searches.csv says. */
        void requireComplete(CsvTable table) throws RunDirectoryException {
            if (scores.size() != declared) {
                throw table.error("the candidate list of " + probe.id() + " in gallery " + galleryId
                        + " ends with " + scores.size() + " candidates, but searches.csv (line " + line + ") declares "
                        + declared);
            }
        }
    }

    /** The searches by (gallery, probe), unique. */
    private static final class PendingSearches {
        final List<PendingSearch> rows = new ArrayList<>();
        final Map<Long, PendingSearch> byKey = new HashMap<>();

        void add(CsvTable table, int galleryColumn, PendingSearch search) throws RunDirectoryException {
            PendingSearch previous = byKey.putIfAbsent(key(search.gallery, search.probe.index()), search);
            if (previous != null) {
                throw table.error(galleryColumn, "the search of " + search.probe.id() + " in gallery "
                        + search.galleryId + " appears again; first on line " + previous.line);
            }
            rows.add(search);
        }

        PendingSearch find(int gallery, int probe) {
            return byKey.get(key(gallery, probe));
        }

        /** Every ok search that declares candidates must have had its list in candidates.csv. */
        void requireAllListsRead(Path searchesFile) throws RunDirectoryException {
            for (PendingSearch search : rows) {
                if (search.declared > 0 && !search.listStarted) {
                    throw new RunDirectoryException(searchesFile, search.line, 0, "candidates", "the search of "
                            + search.probe.id() + " declares " + search.declared + " candidates, but candidates.csv"
                            + " has none for it");
                }
            }
        }

        private static long key(int gallery, int probe) {
            return ((long) gallery << 32) | probe;
        }
    }
}
