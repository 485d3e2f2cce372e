package org.touchstone.reference.lbp;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceImage;
import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;
import org.touchstone.api.ImageFormat;
import org.touchstone.api.Result;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;

class LbpVerifierTest {
    private final LbpVerifier verifier = new LbpVerifier(LbpSettings.defaults());
    private final LbpTemplateFormat format = new LbpTemplateFormat(LbpSettings.defaults());

    private Template template(FaceImage... images) {
        Result<Template> result = verifier.createTemplate(List.of(images), TemplateRole.VERIFICATION_ENROLMENT);
        assertThat(result.failure()).isEmpty();
        return result.value();
    }

    private float[][] histograms(Template template) throws Exception {
        float[][] histograms = format.newHistograms();
        format.decode(template, histograms);
        return histograms;
    }

    private Failure templateFailure(List<FaceImage> images) {
        Result<Template> result = verifier.createTemplate(images, TemplateRole.VERIFICATION_PROBE);
        assertThat(result.isSuccess()).as("template creation should fail").isFalse();
        return result.failure().orElseThrow();
    }

    private static void assertFormatError(ComparisonResult result, String... messageParts) {
        assertThat(result.isSuccess()).as("comparison should fail: %s", result).isFalse();
        Failure failure = result.failure().orElseThrow();
        assertThat(failure.code()).isEqualTo(FailureCode.TEMPLATE_FORMAT_ERROR);
        assertThat(failure.message()).contains(messageParts);
    }

    @Test
    void theSameImagesGiveTheSameTemplateBytes() {
        // Separate FaceImage objects, so nothing decoded or cached is shared.
        Template first = template(SyntheticFaces.face(1, 0), SyntheticFaces.face(1, 1));
        Template second = template(SyntheticFaces.face(1, 0), SyntheticFaces.face(1, 1));
        assertThat(second).isEqualTo(first);
        assertThat(first.size()).isEqualTo(15_116);
    }

    @Test
    void theRoleDoesNotChangeTheTemplate() {
        FaceImage face = SyntheticFaces.face(2, 0);
        Template expected = template(face);
        for (TemplateRole role : TemplateRole.values()) {
            assertThat(verifier.createTemplate(List.of(face), role).value()).as(role.name()).isEqualTo(expected);
        }
    }

    @Test
    void aFaceComparedWithItselfScoresExactlyOne() {
        Template face = template(SyntheticFaces.face(3, 0));
        assertThat(verifier.compare(face, face).similarity()).isEqualTo(1.0);
        assertThat(verifier.compare(face, template(SyntheticFaces.face(3, 0))).similarity()).isEqualTo(1.0);
    }

    @Test
    void similarityIsSymmetricAndInsideTheScoreRange() {
        Template[] templates = {
            template(SyntheticFaces.face(0, 0)), template(SyntheticFaces.face(0, 1)),
            template(SyntheticFaces.face(4, 0)), template(SyntheticFaces.face(5, 2))};
        for (Template a : templates) {
            for (Template b : templates) {
                double ab = verifier.compare(a, b).similarity();
                assertThat(ab).isEqualTo(verifier.compare(b, a).similarity()).isBetween(0.0, 1.0);
            }
        }
        assertThat(verifier.compare(templates[0], templates[2]).similarity()).isLessThan(1.0);
    }

    @Test
    void aMultiImageTemplateIsTheAverageOfTheImagesHistograms() throws Exception {
        FaceImage a = SyntheticFaces.face(6, 0);
        FaceImage b = SyntheticFaces.face(6, 1);
        float[][] ha = histograms(template(a));
        float[][] hb = histograms(template(b));
        float[][] both = histograms(template(a, b));
        for (int row = 0; row < both.length; row++) {
            for (int i = 0; i < both[row].length; i++) {
                assertThat(both[row][i]).isEqualTo((ha[row][i] + hb[row][i]) / 2);
            }
        }
        // Averaging an image with itself gives back that image's template, bit for bit.
        assertThat(template(a, a)).isEqualTo(template(a));
        assertThat(template(a, b)).isNotEqualTo(template(a));
    }

    @Test
    void aColourImageIsReadThroughItsBrightness() {
        BufferedImage grey = SyntheticFaces.draw(7, 0);
        BufferedImage colour = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_INT_RGB);
        colour.getGraphics().drawImage(grey, 0, 0, null);
        assertThat(template(SyntheticFaces.png("colour", colour))).isEqualTo(template(SyntheticFaces.png("grey", grey)));
    }

    @Test
    void largeImagesAreAccepted() {
        BufferedImage small = SyntheticFaces.draw(8, 0);
        BufferedImage large = new BufferedImage(450, 400, BufferedImage.TYPE_BYTE_GRAY);
        large.createGraphics().drawImage(small, 0, 0, 450, 400, null);
        double similarity = verifier.compare(template(SyntheticFaces.png("small", small)),
                template(SyntheticFaces.png("large", large))).similarity();
        assertThat(similarity).isGreaterThan(0.8);
    }

    @Test
    void noImagesIsANumDataError() {
        assertThat(templateFailure(List.of()).code()).isEqualTo(FailureCode.NUM_DATA_ERROR);
    }

    @Test
    void undecodableBytesAreAParseError() {
        FaceImage corrupt = new FaceImage("corrupt", ImageFormat.PNG, "not a PNG at all".getBytes(StandardCharsets.UTF_8));
        Failure failure = templateFailure(List.of(SyntheticFaces.face(1, 0), corrupt));
        assertThat(failure.code()).isEqualTo(FailureCode.PARSE_ERROR);
        assertThat(failure.message()).contains("corrupt");
    }

    @Test
    void tinyAndBlankImagesAreRefused() {
        BufferedImage tiny = new BufferedImage(20, 30, BufferedImage.TYPE_BYTE_GRAY);
        new Random(1).nextBytes(((java.awt.image.DataBufferByte) tiny.getRaster().getDataBuffer()).getData());
        Failure tooSmall = templateFailure(List.of(SyntheticFaces.png("tiny", tiny)));
        assertThat(tooSmall.code()).isEqualTo(FailureCode.REFUSE_INPUT);
        assertThat(tooSmall.message()).contains("tiny", "20x30", "too small");

        BufferedImage blank = new BufferedImage(100, 100, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((java.awt.image.DataBufferByte) blank.getRaster().getDataBuffer()).getData();
        Random noise = new Random(2);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (120 + noise.nextInt(4));
        }
        Failure isBlank = templateFailure(List.of(SyntheticFaces.png("blank", blank)));
        assertThat(isBlank.code()).isEqualTo(FailureCode.REFUSE_INPUT);
        assertThat(isBlank.message()).contains("blank");
    }

    @Test
    void foreignAndDamagedTemplatesAreFormatErrorsOnEitherSide() {
        Template good = template(SyntheticFaces.face(1, 0));
        byte[] bytes = good.toByteArray();

        Template foreign = Template.of("{\"embedding\": [0.1, 0.2]}".getBytes(StandardCharsets.UTF_8));
        assertFormatError(verifier.compare(foreign, good), "enrolment", "not an LBP histogram template");
        assertFormatError(verifier.compare(good, foreign), "probe", "not an LBP histogram template");
        assertFormatError(verifier.compare(good, Template.of(new byte[0])), "probe", "0 bytes");
        assertFormatError(verifier.compare(good, null), "probe", "null");

        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 4);
        assertFormatError(verifier.compare(Template.of(truncated), good), "15112 bytes", "15116");

        byte[] newerVersion = bytes.clone();
        newerVersion[4] = 2;
        assertFormatError(verifier.compare(Template.of(newerVersion), good), "version 2");

        byte[] otherGrid = bytes.clone();
        otherGrid[8] = 4;
        assertFormatError(verifier.compare(Template.of(otherGrid), good), "grid 4x8", "grid 8x8");

        byte[] nanValues = bytes.clone();
        java.nio.ByteBuffer.wrap(nanValues).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(100, Float.NaN);
        assertFormatError(verifier.compare(Template.of(nanValues), good), "corrupt");
    }

    @Test
    void aTemplateMadeWithOtherSettingsIsAFormatError() {
        LbpVerifier radiusOne = new LbpVerifier(new LbpSettings(1, 8, 8, Similarity.CHI_SQUARE,
                PhotometricNormalisation.NONE));
        Template fromRadiusOne = radiusOne.createTemplate(List.of(SyntheticFaces.face(1, 0)),
                TemplateRole.VERIFICATION_PROBE).value();
        Template fromDefaults = template(SyntheticFaces.face(1, 0));
        assertThat(fromRadiusOne.size()).isEqualTo(fromDefaults.size());
        assertFormatError(verifier.compare(fromDefaults, fromRadiusOne), "radius 1", "radius 2");
    }

    @Test
    void compareManyGivesTheSameResultsAsCompareInOrder() {
        Template probe = template(SyntheticFaces.face(0, 0));
        Template damaged = Template.of(new byte[] {1, 2, 3});
        List<Template> enrolments = List.of(template(SyntheticFaces.face(0, 1)), damaged,
                template(SyntheticFaces.face(1, 0)), probe);
        List<ComparisonResult> results = verifier.compareMany(probe, enrolments);
        assertThat(results).hasSize(4);
        for (int i = 0; i < enrolments.size(); i++) {
            assertThat(results.get(i)).isEqualTo(verifier.compare(enrolments.get(i), probe));
        }
        assertThat(results.get(1).failure().orElseThrow().code()).isEqualTo(FailureCode.TEMPLATE_FORMAT_ERROR);
        assertThat(results.get(3).similarity()).isEqualTo(1.0);
    }

    @Test
    void concurrentCallersGetTheSameScoresAsOneCaller() throws Exception {
        List<Template> templates = new java.util.ArrayList<>();
        for (int id = 0; id < 4; id++) {
            templates.add(template(SyntheticFaces.face(id, 0)));
            templates.add(template(SyntheticFaces.face(id, 1)));
        }
        List<List<ComparisonResult>> expected = new java.util.ArrayList<>();
        for (Template probe : templates) {
            expected.add(verifier.compareMany(probe, templates));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> agreements = new java.util.ArrayList<>();
            for (int task = 0; task < 16; task++) {
                int offset = task;
                agreements.add(pool.submit(() -> {
                    boolean same = true;
                    for (int round = 0; round < 20; round++) {
                        int p = (offset + round) % templates.size();
                        same &= verifier.compareMany(templates.get(p), templates).equals(expected.get(p));
                        for (int e = 0; e < templates.size(); e++) {
                            same &= verifier.compare(templates.get(e), templates.get(p)).equals(expected.get(p).get(e));
                        }
                    }
                    return same;
                }));
            }
            for (java.util.concurrent.Future<Boolean> agreement : agreements) {
                assertThat(agreement.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void compareManyWithADamagedProbeFailsEveryComparison() {
        List<Template> enrolments = List.of(template(SyntheticFaces.face(0, 1)), template(SyntheticFaces.face(1, 0)));
        List<ComparisonResult> results = verifier.compareMany(Template.of(new byte[20]), enrolments);
        assertThat(results).hasSize(2).allSatisfy(r -> assertFormatError(r, "probe"));
    }
}
