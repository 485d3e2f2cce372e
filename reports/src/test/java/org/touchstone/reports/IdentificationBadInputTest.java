package org.touchstone.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.touchstone.reports.input.RunDirectoryException;

/** Identification input that breaks the contract fails with file, line, column and what was expected. */
class IdentificationBadInputTest {
    private static final String RUN = TinyIdentificationRun.RUN_JSON;
    private static final String TEMPLATES = TinyIdentificationRun.TEMPLATES_CSV;
    private static final String GALLERIES = TinyIdentificationRun.GALLERIES_CSV;
    private static final String SEARCHES = TinyIdentificationRun.SEARCHES_CSV;
    private static final String CANDIDATES = TinyIdentificationRun.CANDIDATES_CSV;

    @TempDir
    Path tempDir;

    private RunDirectoryException failure(String runJson, String templates, String galleries, String searches,
                                          String candidates) throws IOException {
        return ReportFiles.failure(TinyIdentificationRun.write(tempDir.resolve("run"), runJson, templates, galleries, searches, candidates));
    }

    private RunDirectoryException badCandidates(String from, String to) throws IOException {
        return failure(RUN, TEMPLATES, GALLERIES, SEARCHES, ReportFiles.replace(CANDIDATES, from, to));
    }

    private RunDirectoryException badSearches(String from, String to) throws IOException {
        return failure(RUN, TEMPLATES, GALLERIES, ReportFiles.replace(SEARCHES, from, to), CANDIDATES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "", "0.3.1"})
    void scoreThatIsNotAFiniteDecimalNumber(String score) throws IOException {
        // G0000000,PA,2,EB,0.3 is line 3; score is the 5th column.
        RunDirectoryException e = badCandidates("G0000000,PA,2,EB,0.3", "G0000000,PA,2,EB," + score);
        assertThat(e.getMessage()).contains("candidates.csv line 3, column 5 (score): expected a finite decimal number");
    }

    @Test
    void candidatesNotSortedByScore() throws IOException {
        RunDirectoryException e = badCandidates("G0000000,PA,2,EB,0.3", "G0000000,PA,2,EB,0.95");
        assertThat(e.getMessage()).contains("candidates.csv line 3, column 5 (score): candidates must be sorted by"
                + " descending score: 0.95 at rank 2 is above 0.9 at rank 1");
    }

    @Test
    void unknownCandidateTemplate() throws IOException {
        RunDirectoryException e = badCandidates("G0000000,PA,2,EB,0.3", "G0000000,PA,2,EQ,0.3");
        assertThat(e.getMessage()).contains("candidates.csv line 3, column 4 (candidate_template): unknown template"
                + " \"EQ\": templates.csv has no row with that template_id and role identification_enrolment");
    }

    @Test
    void aFailedTemplateWasNeverEnrolled() throws IOException {
        RunDirectoryException e = badCandidates("G0000000,PA,2,EB,0.3", "G0000000,PA,2,EC,0.3");
        assertThat(e.getMessage()).contains("line 3, column 4 (candidate_template): template EC failed in"
                + " templates.csv, so it was never enrolled");
    }

    @Test
    void theSameTemplateTwiceInOneList() throws IOException {
        RunDirectoryException e = badCandidates("G0000000,PA,2,EB,0.3", "G0000000,PA,2,EA,0.3");
        assertThat(e.getMessage()).contains("line 3, column 4 (candidate_template): template EA appears twice in one"
                + " candidate list");
    }

    @Test
    void aRankSkipped() throws IOException {
        RunDirectoryException e = badCandidates("G0000000,PA,2,EB,0.3", "G0000000,PA,3,EB,0.3");
        assertThat(e.getMessage()).contains("line 3, column 3 (rank): expected rank 2, found 3");
    }

    @Test
    void theProbesOwnSubjectInANonMatedSearch() throws IOException {
        RunDirectoryException e = failure(RUN, TEMPLATES, GALLERIES,
                ReportFiles.replace(SEARCHES, "G0000000,PA,A,true,ok", "G0000000,PA,A,false,ok"), CANDIDATES);
        assertThat(e.getMessage()).contains("candidates.csv line 2, column 4 (candidate_template): candidate EA shows"
                + " subject A, the probe's own, but searches.csv (line 2) says the search is not mated");
    }

    @Test
    void fewerCandidatesThanDeclared() throws IOException {
        RunDirectoryException e = badSearches("G0000000,PA,A,true,ok,,,2,10", "G0000000,PA,A,true,ok,,,3,10");
        assertThat(e.getMessage()).contains("the candidate list of PA in gallery G0000000 ends with 2 candidates, but"
                + " searches.csv (line 2) declares 3");
    }

    @Test
    void moreCandidatesThanDeclared() throws IOException {
        RunDirectoryException e = badSearches("G0000000,PA,A,true,ok,,,2,10", "G0000000,PA,A,true,ok,,,1,10");
        assertThat(e.getMessage()).contains("candidates.csv line 3, column 3 (rank): rank 2 exceeds the 1 candidates"
                + " declared in searches.csv (line 2)");
    }

    @Test
    void declaredCandidatesThatNeverCome() throws IOException {
        RunDirectoryException e = badSearches("G0000000,PY,Y,false,ok,,,0,10", "G0000000,PY,Y,false,ok,,,1,10");
        assertThat(e.getMessage()).contains("searches.csv line 6 (candidates): the search of PY declares 1 candidates,"
                + " but candidates.csv has none for it");
    }

    @Test
    void aListLongerThanAsked() throws IOException {
        RunDirectoryException e = badSearches("G0000000,PY,Y,false,ok,,,0,10", "G0000000,PY,Y,false,ok,,,4,10");
        assertThat(e.getMessage()).contains("searches.csv line 6, column 8 (candidates): expected at most"
                + " candidate_list_length = 3 candidates, found 4");
    }

    @Test
    void candidatesOfAFailedSearch() throws IOException {
        RunDirectoryException e = badCandidates("G0000002,PC,1,ED,0.5", "G0000002,PB,1,EB,0.6\nG0000002,PC,1,ED,0.5");
        assertThat(e.getMessage()).contains("(probe_template): search of PB in gallery G0000002 has status search_failed"
                + " in searches.csv: it has no candidates");
    }

    @Test
    void listsSplitAcrossTheFile() throws IOException {
        RunDirectoryException e = badCandidates("G0000000,PB,1,EA,0.7\nG0000000,PB,2,EB,0.6\nG0000000,PC,1,EB,0.4\n",
                "G0000000,PB,1,EA,0.7\nG0000000,PC,1,EB,0.4\nG0000000,PB,2,EB,0.6\n");
        assertThat(e.getMessage()).contains("the candidate list of PB in gallery G0000000 ends with 1 candidates");
    }

    @Test
    void aListResumedAfterAnother() throws IOException {
        RunDirectoryException e = badCandidates("G0000000,PX,1,EA,0.65\nG0000000,PX,2,EB,0.65\n",
                "G0000000,PX,1,EA,0.65\nG0000000,PX,2,EB,0.65\nG0000000,PA,3,EE,0.1\n");
        assertThat(e.getMessage()).contains("candidates.csv line 10, column 2 (probe_template): the candidates of PA in"
                + " gallery G0000000 must be on consecutive lines");
    }

    @Test
    void unknownGallery() throws IOException {
        RunDirectoryException e = badSearches("G0000000,PY,Y,false,ok,,,0,10", "G0000009,PY,Y,false,ok,,,0,10");
        assertThat(e.getMessage()).contains("searches.csv line 6, column 1 (gallery_id): unknown gallery \"G0000009\"");
    }

    @Test
    void searchedWithAFailedProbeTemplate() throws IOException {
        RunDirectoryException e = badSearches("G0000000,PZ,Z,false,template_failed,FACE_DETECTION_ERROR,,0,",
                "G0000000,PZ,Z,false,ok,,,0,10");
        assertThat(e.getMessage()).contains("searches.csv line 7, column 5 (status): expected \"template_failed\":"
                + " template PZ failed, so no search was made");
    }

    @Test
    void probeSubjectContradictsTheTemplates() throws IOException {
        RunDirectoryException e = badSearches("G0000000,PY,Y,false", "G0000000,PY,X,false");
        assertThat(e.getMessage()).contains("line 6, column 3 (probe_subject): expected \"Y\", the subject of PY");
    }

    @Test
    void matedSearchForASubjectNeverEnrolled() throws IOException {
        RunDirectoryException e = badSearches("G0000000,PY,Y,false", "G0000000,PY,Y,true");
        assertThat(e.getMessage()).contains("line 6, column 4 (mated): mated is true but subject Y has no"
                + " identification_enrolment template");
    }

    @Test
    void repeatedSearch() throws IOException {
        RunDirectoryException e = badSearches("G0000000,PY,Y,false,ok,,,0,10\n",
                "G0000000,PY,Y,false,ok,,,0,10\nG0000000,PY,Y,false,ok,,,0,10\n");
        assertThat(e.getMessage()).contains("line 7, column 1 (gallery_id): the search of PY in gallery G0000000"
                + " appears again; first on line 6");
    }

    @Test
    void rankOutsideTheCandidateList() throws IOException {
        RunDirectoryException e = failure(ReportFiles.replace(RUN, "\"ranks\": [1, 3]", "\"ranks\": [1, 4]"), TEMPLATES,
                GALLERIES, SEARCHES, CANDIDATES);
        assertThat(e.getMessage()).contains("(evaluation.ranks[1]): expected a rank in 1..3, found 4.0");
    }

    @Test
    void unknownCapability() throws IOException {
        RunDirectoryException e = failure(ReportFiles.replace(RUN, "\"capability\": \"identification\"", "\"capability\": \"1:n\""),
                TEMPLATES, GALLERIES, SEARCHES, CANDIDATES);
        assertThat(e.getMessage()).contains("(evaluation.capability): unknown capability \"1:n\": expected one of"
                + " [verification, identification, analysis]");
    }

    @Test
    void intersectionOfAnUnknownColumn() throws IOException {
        RunDirectoryException e = failure(ReportFiles.replace(RUN, "[[\"sex\", \"age_band\"]]", "[[\"sex\", \"age\"]]"),
                TEMPLATES, GALLERIES, SEARCHES, CANDIDATES);
        assertThat(e.getMessage()).contains("(evaluation.intersections[0][1]): unknown group column \"age\"");
    }
}
