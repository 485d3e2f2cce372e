package org.touchstone.runformat.runjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.runformat.RunDirectoryException;

/** A run.json that breaks the format is refused with the file, line, column and path of the value at fault. */
class RunJsonBadInputTest {
    /** The least run.json the reports accept, one value per line so that each can be located. */
    private static final String MINIMAL = """
            {
              "format": "touchstone-run/1",
              "status": "complete",
              "run_id": "tiny-1",
              "evaluation": {
                "capability": "identification",
                "candidate_list_length": 3,
                "ranks": [1, 3],
                "fpir_targets": [0.5, 0.1],
                "thresholds": [
                  { "name": "default", "value": 0.65, "source": "vendor" }
                ],
                "failure_policy": "non-match",
                "group_columns": ["sex", "age_band"],
                "intersections": [["sex", "age_band"]]
              },
              "system": { "id": "demo", "name": "Demo", "version": "2.1",
                          "score_range": { "min": 0, "max": 1 } }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void theLeastRunJsonTheReportsNeedIsAccepted() throws IOException {
        RunJson run = read(MINIMAL);
        assertThat(run.system().scoreRange()).isEqualTo(new ScoreRangeBlock(0.0, 1.0));
        assertThat(run.harness()).isNull();
        assertThat(((IdentificationEvaluation) run.evaluation()).thresholds().get(0).description()).isNull();
    }

    @Test
    void anUnboundedSideOfTheScoreRangeIsAccepted() throws IOException {
        // A worker may declare a null bound; run.json records it as "-Infinity" (DescriptorJson.toRunRecord).
        RunJson run = read(MINIMAL.replace("{ \"min\": 0, \"max\": 1 }", "{ \"min\": \"-Infinity\", \"max\": 1 }"));
        assertThat(run.system().scoreRange()).isEqualTo(new ScoreRangeBlock(Double.NEGATIVE_INFINITY, 1.0));
        assertThat(failure(MINIMAL.replace("{ \"min\": 0, \"max\": 1 }", "{ \"min\": \"Infinity\", \"max\": 1 }"))
                .getMessage()).contains("expected min < max");
        assertThat(failure(MINIMAL.replace("{ \"min\": 0, \"max\": 1 }", "{ \"min\": \"NaN\", \"max\": 1 }"))
                .getMessage()).contains("system.score_range.min");
    }

    @Test
    void aMissingFieldIsLocatedAtItsParent() throws IOException {
        RunDirectoryException e = failure(MINIMAL.replace("\"fpir_targets\": [0.5, 0.1],", ""));
        assertThat(e.getMessage()).contains("run.json line 5, column 17 (evaluation.fpir_targets): missing field:"
                + " expected an array of numbers in (0, 1]");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.location()).isEqualTo("evaluation.fpir_targets");
    }

    @Test
    void aValueOutOfRangeIsLocatedExactly() throws IOException {
        String json = MINIMAL.replace("[0.5, 0.1]", "[0.5, 1.5]");
        String line = json.lines().filter(l -> l.contains("1.5")).findFirst().orElseThrow();
        RunDirectoryException e = failure(json);
        assertThat(e.getMessage()).contains("run.json line " + (json.lines().toList().indexOf(line) + 1) + ", column "
                + (line.indexOf("1.5") + 1) + " (evaluation.fpir_targets[1]): expected an FPIR target in (0, 1], found 1.5");
        assertThat(failure(MINIMAL.replace("\"ranks\": [1, 3]", "\"ranks\": [1, 4]")).getMessage())
                .contains("(evaluation.ranks[1]): expected a rank in 1..3, found 4");
        assertThat(failure(MINIMAL.replace("\"ranks\": [1, 3]", "\"ranks\": [3, 3]")).getMessage())
                .contains("(evaluation.ranks[1]): duplicate rank 3");
    }

    @Test
    void aValueOfAnotherKindIsNeverConverted() throws IOException {
        assertThat(failure(MINIMAL.replace("\"value\": 0.65", "\"value\": \"0.65\"")).getMessage())
                .contains("line 11, column 37 (evaluation.thresholds[0].value): expected a finite number, found"
                        + " string \"0.65\"");
        assertThat(failure(MINIMAL.replace("\"name\": \"Demo\"", "\"name\": 5")).getMessage())
                .contains("(system.name): expected a string, found number 5");
        assertThat(failure(MINIMAL.replace("\"candidate_list_length\": 3", "\"candidate_list_length\": 3.5"))
                .getMessage()).contains("(evaluation.candidate_list_length): expected a whole number, found number 3.5");
        assertThat(failure(MINIMAL.replace("\"status\": \"complete\"", "\"status\": \"done\"")).getMessage())
                .contains("(status): expected one of [running, complete, failed], found string \"done\"");
    }

    @Test
    void namesAndPoliciesMustBeKnown() throws IOException {
        assertThat(failure(MINIMAL.replace("\"non-match\"", "\"ignore\"")).getMessage())
                .contains("(evaluation.failure_policy): unknown failure policy \"ignore\": expected \"non-match\"");
        assertThat(failure(MINIMAL.replace("\"identification\"", "\"1:n\"")).getMessage())
                .contains("(evaluation.capability): unknown capability \"1:n\": expected one of"
                        + " [verification, identification, analysis]");
        assertThat(failure(MINIMAL.replace("[[\"sex\", \"age_band\"]]", "[[\"sex\", \"age\"]]")).getMessage())
                .contains("(evaluation.intersections[0][1]): unknown group column \"age\"");
        assertThat(failure(MINIMAL.replace("touchstone-run/1", "touchstone-run/9")).getMessage())
                .contains("run.json line 2, column 13 (format): unsupported run-directory format"
                        + " \"touchstone-run/9\": expected one of [touchstone-run/1, touchstone-run/2]");
    }

    @Test
    void theSystemMustBeNamedAndItsScoreRangeOrdered() throws IOException {
        assertThat(failure(MINIMAL.replace("\"version\": \"2.1\",", "")).getMessage())
                .contains("(system.version): missing field: expected a string");
        assertThat(failure(MINIMAL.replace("\"min\": 0, \"max\": 1", "\"min\": 1, \"max\": 0")).getMessage())
                .contains("(system.score_range): expected min < max, found [1.0, 0.0]");
    }

    @Test
    void malformedJsonIsRefusedWithTheParsersPosition() throws IOException {
        assertThat(failure(MINIMAL.replace("\"status\": \"complete\",", "\"status\": \"complete\"")).getMessage())
                .contains("run.json line 4").contains("not valid JSON");
        assertThat(failure(MINIMAL.replace("\"run_id\": \"tiny-1\",", "\"run_id\": \"a\", \"run_id\": \"b\","))
                .getMessage()).contains("run.json line 4").contains("Duplicate field 'run_id'");
        assertThat(failure("[]").getMessage()).contains("expected a JSON object at the top level");
    }

    @Test
    void eachCapabilityHasItsOwnChecks() throws IOException {
        String verification = MINIMAL.replace("\"identification\"", "\"verification\"")
                .replace("\"candidate_list_length\": 3,", "\"fmr_targets\": [0.1],");
        assertThat(read(verification).evaluation()).isInstanceOf(VerificationEvaluation.class);
        assertThat(failure(verification.replace("[0.1]", "[0.1, 0.1]")).getMessage())
                .contains("(evaluation.fmr_targets[1]): duplicate FMR target 0.1");

        String analysis = MINIMAL.replace("\"identification\"", "\"analysis\"")
                .replace("\"non-match\"", "\"undecided\"")
                .replace("\"candidate_list_length\": 3,", "\"attributes\": [\"age\", \"sex\"], \"calibration_bins\": 10,"
                        + " \"confidence_thresholds\": [0.5],");
        assertThat(read(analysis).evaluation()).isInstanceOf(AnalysisEvaluation.class);
        assertThat(failure(analysis.replace("\"calibration_bins\": 10", "\"calibration_bins\": 0")).getMessage())
                .contains("(evaluation.calibration_bins): expected a whole number from 1 to 1000, found 0");
        assertThat(failure(analysis.replace("[\"age\", \"sex\"]", "[\"age\", \"../sex\"]")).getMessage())
                .contains("(evaluation.attributes[1]): expected an attribute name of letters");
        assertThat(failure(analysis.replace("\"value\": 0.65", "\"value\": 1.65")).getMessage())
                .contains("(evaluation.thresholds[0].value): expected a threshold in [0, 1], found 1.65");
    }

    private RunJson read(String json) throws IOException {
        return RunJsonFile.read(Files.writeString(dir.resolve("run.json"), json)).run();
    }

    private RunDirectoryException failure(String json) throws IOException {
        Path file = Files.writeString(dir.resolve("run.json"), json);
        return catchThrowableOfType(RunDirectoryException.class, () -> RunJsonFile.read(file));
    }
}
