package org.touchstone.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.touchstone.reports.input.RunDirectoryException;

/** Analysis input that breaks the contract fails with file, line, column and what was expected. */
class AnalysisBadInputTest {
    private static final String RUN = TinyAnalysisRun.RUN_JSON;
    private static final String ANALYSES = TinyAnalysisRun.ANALYSES_CSV;
    private static final String ESTIMATES = TinyAnalysisRun.ESTIMATES_CSV;

    @TempDir
    Path tempDir;

    private RunDirectoryException failure(String runJson, String analyses, String estimates) throws IOException {
        return ReportFiles.failure(TinyAnalysisRun.write(tempDir.resolve("run"), runJson, analyses, estimates));
    }

    private RunDirectoryException badEstimates(String from, String to) throws IOException {
        return failure(RUN, ANALYSES, ReportFiles.replace(ESTIMATES, from, to));
    }

    private RunDirectoryException badAnalyses(String from, String to) throws IOException {
        return failure(RUN, ReportFiles.replace(ANALYSES, from, to), ESTIMATES);
    }

    private RunDirectoryException badRunJson(String from, String to) throws IOException {
        return failure(ReportFiles.replace(RUN, from, to), ANALYSES, ESTIMATES);
    }

    @Test
    void estimateOfAnUnknownImage() throws IOException {
        RunDirectoryException e = badEstimates("s1,age,,19,0.8", "s0,age,,19,0.8");
        assertThat(e.getMessage()).contains("estimates.csv line 2, column 1 (sample_id): unknown sample \"s0\"");
    }

    @Test
    void estimateOfAnImageWithoutAFace() throws IOException {
        RunDirectoryException e = badEstimates("s6,sex,female,,0.5", "s5,sex,female,,0.5");
        assertThat(e.getMessage()).contains("line 14, column 1 (sample_id): sample s5 has status no_face in"
                + " analyses.csv: it has no estimates");
    }

    @Test
    void estimateOfAnAttributeNotEvaluated() throws IOException {
        RunDirectoryException e = badEstimates("s1,smile,true,,0.6", "s1,emotion,happy,,0.6");
        assertThat(e.getMessage()).contains("estimates.csv line 4, column 2 (attribute): attribute \"emotion\" is not"
                + " evaluated: run.json's evaluation.attributes are [age, sex, smile]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "-0.1", "NaN", ""})
    void confidenceOutsideTheUnitInterval(String confidence) throws IOException {
        RunDirectoryException e = badEstimates("s1,sex,female,,0.95", "s1,sex,female,," + confidence);
        assertThat(e.getMessage()).contains("estimates.csv line 3, column 5 (confidence): expected a");
    }

    @Test
    void bothALabelAndAValue() throws IOException {
        RunDirectoryException e = badEstimates("s1,sex,female,,0.95", "s1,sex,female,1,0.95");
        assertThat(e.getMessage()).contains("line 3, column 4 (value): expected exactly one of label (categorical) and"
                + " value (numeric)");
    }

    @Test
    void aLabelForAnAttributeWhoseEstimatesAreValues() throws IOException {
        RunDirectoryException e = badEstimates("s2,age,,15,0.9", "s2,age,teen,,0.9");
        assertThat(e.getMessage()).contains("line 5, column 3 (label): attribute age is numeric (line 2), but this row"
                + " gives a label");
    }

    @Test
    void aSecondEstimateOfOneAttribute() throws IOException {
        RunDirectoryException e = badEstimates("s1,smile,true,,0.6", "s1,smile,true,,0.6\ns1,smile,false,,0.3");
        assertThat(e.getMessage()).contains("line 5, column 2 (attribute): a second estimate of smile for sample s1,"
                + " first on line 4");
    }

    @Test
    void aNumericTruthThatIsNotANumber() throws IOException {
        RunDirectoryException e = badAnalyses("s3,B,ok,,,1,100,30,", "s3,B,ok,,,1,100,thirty,");
        assertThat(e.getMessage()).contains("analyses.csv line 4, column 8 (label:age): attribute age is numeric (its"
                + " estimates are values), so its truth must be a finite decimal number or empty, found \"thirty\"");
    }

    @Test
    void duplicateImage() throws IOException {
        RunDirectoryException e = badAnalyses("s2,A,ok", "s1,A,ok");
        assertThat(e.getMessage()).contains("analyses.csv line 3, column 1 (sample_id): duplicate sample \"s1\", first"
                + " on line 2");
    }

    @Test
    void unknownStatusAndContradictoryCode() throws IOException {
        assertThat(badAnalyses("s7,D,failed,VENDOR_ERROR", "s7,D,crashed,VENDOR_ERROR").getMessage())
                .contains("line 8, column 3 (status): expected one of [ok, no_face, failed], found \"crashed\"");
        assertThat(badAnalyses("s7,D,failed,VENDOR_ERROR", "s7,D,failed,").getMessage())
                .contains("line 8, column 4 (failure_code): status failed needs a failure code");
    }

    @Test
    void missingTruthColumn() throws IOException {
        RunDirectoryException e = badAnalyses("label:smile,", "label:smiling,");
        assertThat(e.getMessage()).contains("analyses.csv line 1 (label:smile): missing column \"label:smile\"");
    }

    @Test
    void unknownFailurePolicy() throws IOException {
        RunDirectoryException e = badRunJson("\"failure_policy\": \"undecided\"", "\"failure_policy\": \"non-match\"");
        assertThat(e.getMessage()).contains("(evaluation.failure_policy): unknown failure policy \"non-match\": expected"
                + " one of [undecided, error]");
    }

    @Test
    void calibrationBinsOutOfRange() throws IOException {
        RunDirectoryException e = badRunJson("\"calibration_bins\": 10", "\"calibration_bins\": 0");
        assertThat(e.getMessage()).contains("(evaluation.calibration_bins): expected a whole number from 1 to 1000,"
                + " found 0.0");
    }

    @Test
    void attributeNameThatCannotNameAFile() throws IOException {
        RunDirectoryException e = badRunJson("[\"age\", \"sex\", \"smile\"]", "[\"age\", \"sex\", \"../smile\"]");
        assertThat(e.getMessage()).contains("(evaluation.attributes[2]): expected an attribute name of letters");
    }

    @Test
    void confidenceThresholdOutsideTheUnitInterval() throws IOException {
        RunDirectoryException e = badRunJson("[0.5, 0.9]", "[0.5, 1.5]");
        assertThat(e.getMessage()).contains("(evaluation.confidence_thresholds[1]): expected a confidence threshold in"
                + " [0, 1], found 1.5");
    }

    @Test
    void capabilityTheReaderDoesNotExpect() throws IOException {
        // Said to be verification, run.json is read as verification settings, which the analysis fields are not.
        RunDirectoryException e = badRunJson("\"capability\": \"analysis\"", "\"capability\": \"verification\"");
        assertThat(e.getMessage())
                .contains("(evaluation.failure_policy): unknown failure policy \"undecided\": expected \"non-match\"");
    }
}
