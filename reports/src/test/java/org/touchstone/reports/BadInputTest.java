package org.touchstone.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.touchstone.reports.input.RunDirectoryException;

/** Input that breaks the contract fails with the file, line, column and what was expected; nothing is written. */
class BadInputTest {
    @TempDir
    Path tempDir;

    private RunDirectoryException failure(String runJson, String templates, String comparisons) throws IOException {
        Path runDir = TinyRun.write(tempDir.resolve("run"), runJson, templates, comparisons);
        RunDirectoryException e = catchThrowableOfType(RunDirectoryException.class, () -> RunReports.generate(runDir));
        assertThat(e).as("expected a RunDirectoryException").isNotNull();
        assertThat(runDir.resolve("metrics.json")).doesNotExist();
        assertThat(runDir.resolve("tables")).doesNotExist();
        return e;
    }

    private RunDirectoryException badComparisons(String from, String to) throws IOException {
        assertThat(TinyRun.COMPARISONS_CSV).contains(from);
        return failure(TinyRun.RUN_JSON, TinyRun.TEMPLATES_CSV, TinyRun.COMPARISONS_CSV.replace(from, to));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e999", " 0.3", "0x1p-2", "0.3d", "", "0.3.1"})
    void scoreThatIsNotAFiniteDecimalNumber(String score) throws IOException {
        // E_A,P_B is on line 3 (the header is line 1); score is the 6th column.
        RunDirectoryException e = badComparisons("E_A,P_B,false,ok,,0.3,10", "E_A,P_B,false,ok,,\"" + score + "\",10");
        assertThat(e.getMessage()).contains("comparisons.csv line 3, column 6 (score): expected a finite decimal number");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(6);
        assertThat(e.location()).isEqualTo("score");
    }

    @Test
    void unknownTemplate() throws IOException {
        RunDirectoryException e = badComparisons("E_D,P_B,false,ok,,0.3,10", "E_X,P_B,false,ok,,0.3,10");
        assertThat(e.getMessage()).contains("comparisons.csv line 15, column 1 (enrolment_template): unknown template \"E_X\"");
    }

    @Test
    void probeTemplateLookedUpInItsOwnRole() throws IOException {
        // E_A exists, but as an enrolment template, not as a probe.
        RunDirectoryException e = badComparisons("E_A,P_D,false,ok,,0.1,10", "E_A,E_B,false,ok,,0.1,10");
        assertThat(e.getMessage()).contains("line 5, column 2 (probe_template)").contains("role verification_probe");
    }

    @Test
    void missingColumn() throws IOException {
        RunDirectoryException e = badComparisons("mated,status,failure_code,score,latency_ns",
                "mated,status,failure_code,latency_ns");
        assertThat(e.getMessage()).contains("comparisons.csv line 1 (score): missing column \"score\"");
    }

    @Test
    void missingGroupColumnInTemplates() throws IOException {
        RunDirectoryException e = failure(TinyRun.RUN_JSON,
                TinyRun.TEMPLATES_CSV.replace(",group:age_band\n", ",group:age\n"), TinyRun.COMPARISONS_CSV);
        assertThat(e.getMessage()).contains("templates.csv line 1 (group:age_band): missing column \"group:age_band\"");
    }

    @Test
    void rowWithTheWrongNumberOfFields() throws IOException {
        RunDirectoryException e = badComparisons("E_B,P_B,true,ok,,0.6,10", "E_B,P_B,true,ok,,0.6");
        assertThat(e.getMessage()).contains("comparisons.csv line 7: expected 7 fields as in the header, found 6");
    }

    @Test
    void matedContradictsTheSubjects() throws IOException {
        RunDirectoryException e = badComparisons("E_A,P_B,false,ok,,0.3,10", "E_A,P_B,true,ok,,0.3,10");
        assertThat(e.getMessage()).contains("line 3, column 3 (mated): mated is true but templates E_A (subject A) and P_B"
                + " (subject B) show different subjects");
    }

    @Test
    void scoredComparisonWithAFailedTemplate() throws IOException {
        RunDirectoryException e = badComparisons("E_A,P_C,false,template_failed,FACE_DETECTION_ERROR,,",
                "E_A,P_C,false,ok,,0.2,10");
        assertThat(e.getMessage()).contains("line 4, column 4 (status): expected \"template_failed\": template P_C failed");
    }

    @Test
    void failedComparisonWithAScore() throws IOException {
        RunDirectoryException e = badComparisons("E_B,P_A,false,comparison_failed,MATCH_ERROR,,10",
                "E_B,P_A,false,comparison_failed,MATCH_ERROR,0.4,10");
        assertThat(e.getMessage()).contains("line 6, column 6 (score): expected no score for status comparison_failed");
    }

    @Test
    void repeatedPairNamesBothLines() throws IOException {
        RunDirectoryException e = badComparisons("E_D,P_D,true,ok,,0.8,10\n", "E_D,P_D,true,ok,,0.8,10\nE_A,P_B,false,ok,,0.3,10\n");
        assertThat(e.getMessage()).contains("comparisons.csv line 18: the pair (E_A, P_B) appears again; first on line 3");
    }

    @Test
    void duplicateTemplate() throws IOException {
        RunDirectoryException e = failure(TinyRun.RUN_JSON,
                TinyRun.TEMPLATES_CSV + "E_B,verification_enrolment,B,s9,ok,,,512,1000,female,20-39\n", TinyRun.COMPARISONS_CSV);
        assertThat(e.getMessage()).contains("templates.csv line 10, column 1 (template_id): duplicate template (E_B,"
                + " verification_enrolment), first on line 3");
    }

    @Test
    void missingRunJsonFieldNamesItsParent() throws IOException {
        RunDirectoryException e = failure(TinyRun.RUN_JSON.replace("\"fmr_targets\": [0.25, 0.1, 0.01, 1e-6],", ""),
                TinyRun.TEMPLATES_CSV, TinyRun.COMPARISONS_CSV);
        // Located at the start of the evaluation object (line 6, column 17).
        assertThat(e.getMessage()).contains("run.json line 6, column 17 (evaluation.fmr_targets): missing field:"
                + " expected an array of numbers in (0, 1]");
    }

    @Test
    void fmrTargetOutOfRangeIsLocatedExactly() throws IOException {
        String runJson = TinyRun.RUN_JSON.replace("[0.25, 0.1, 0.01, 1e-6]", "[0.25, 1.5, 0.01, 1e-6]");
        RunDirectoryException e = failure(runJson, TinyRun.TEMPLATES_CSV, TinyRun.COMPARISONS_CSV);
        String line = runJson.lines().filter(l -> l.contains("1.5")).findFirst().orElseThrow();
        long lineNumber = runJson.lines().toList().indexOf(line) + 1;
        assertThat(e.getMessage()).contains("run.json line " + lineNumber + ", column " + (line.indexOf("1.5") + 1)
                + " (evaluation.fmr_targets[1]): expected an FMR target in (0, 1], found 1.5");
    }

    @Test
    void wrongTypeInRunJson() throws IOException {
        RunDirectoryException e = failure(TinyRun.RUN_JSON.replace("\"value\": 0.65", "\"value\": \"0.65\""),
                TinyRun.TEMPLATES_CSV, TinyRun.COMPARISONS_CSV);
        assertThat(e.getMessage()).contains("(evaluation.thresholds[0].value): expected a finite number, found string \"0.65\"");
    }

    @Test
    void unknownFailurePolicy() throws IOException {
        RunDirectoryException e = failure(TinyRun.RUN_JSON.replace("\"non-match\"", "\"ignore\""),
                TinyRun.TEMPLATES_CSV, TinyRun.COMPARISONS_CSV);
        assertThat(e.getMessage()).contains("(evaluation.failure_policy): unknown failure policy \"ignore\"");
    }

    @Test
    void invalidJson() throws IOException {
        RunDirectoryException e = failure(TinyRun.RUN_JSON.replace("\"status\": \"complete\",", "\"status\": \"complete\""),
                TinyRun.TEMPLATES_CSV, TinyRun.COMPARISONS_CSV);
        assertThat(e.getMessage()).contains("run.json line 4").contains("not valid JSON");
    }

    @Test
    void duplicateKeyInJson() throws IOException {
        RunDirectoryException e = failure(TinyRun.RUN_JSON.replace("\"run_id\": \"tiny-1\",", "\"run_id\": \"a\", \"run_id\": \"b\","),
                TinyRun.TEMPLATES_CSV, TinyRun.COMPARISONS_CSV);
        assertThat(e.getMessage()).contains("run.json line 4").contains("Duplicate field 'run_id'");
    }

    @Test
    void aPreviousCompleteReportIsLeftAsItWasWhenInputTurnsBad() throws IOException {
        Path runDir = TinyRun.write(tempDir.resolve("run"));
        RunReports.generate(runDir);
        byte[] before = Files.readAllBytes(runDir.resolve("metrics.json"));
        Files.writeString(runDir.resolve("comparisons.csv"), TinyRun.COMPARISONS_CSV.replace(",0.9,", ",NaN,"));
        catchThrowableOfType(RunDirectoryException.class, () -> RunReports.generate(runDir));
        assertThat(Files.readAllBytes(runDir.resolve("metrics.json"))).isEqualTo(before);
    }
}
