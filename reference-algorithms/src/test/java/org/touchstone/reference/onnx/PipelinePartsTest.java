package org.touchstone.reference.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.touchstone.api.Candidate;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Template;

/** The parts of the ONNX pipeline that need no model: configuration, geometry, templates, search. */
class PipelinePartsTest {
    @Test
    void umeyamaRecoversAKnownSimilarityExactly() {
        SimilarityTransform truth = new SimilarityTransform(0.8 * Math.cos(0.3), 0.8 * Math.sin(0.3), 12, -7);
        double[][] from = {{10, 20}, {50, 22}, {30, 40}, {15, 60}, {48, 61}};
        double[][] to = new double[5][];
        for (int i = 0; i < 5; i++) {
            to[i] = truth.apply(from[i][0], from[i][1]);
        }
        SimilarityTransform fitted = SimilarityTransform.estimate(from, to);

        assertThat(fitted.a()).isCloseTo(truth.a(), within(1e-12));
        assertThat(fitted.b()).isCloseTo(truth.b(), within(1e-12));
        assertThat(fitted.tx()).isCloseTo(12, within(1e-9));
        assertThat(fitted.ty()).isCloseTo(-7, within(1e-9));
        // The inverse map takes the template back onto the image points.
        double[] m = fitted.inverseMap();
        assertThat(m[0] * to[3][0] + m[1] * to[3][1] + m[2]).isCloseTo(15, within(1e-9));
        assertThat(m[3] * to[3][0] + m[4] * to[3][1] + m[5]).isCloseTo(60, within(1e-9));
    }

    @Test
    void theReferenceConfigurationParsesAndPinsEveryModel() throws FaceSystemException {
        PipelineConfig config = PipelineConfig.load(Optional.empty());

        assertThat(config.reference()).isTrue();
        assertThat(config.detector().scoreThreshold()).isEqualTo(0.7);
        assertThat(config.landmarks().layout()).isEqualTo(PipelineConfig.LandmarkLayout.IBUG_68);
        assertThat(config.template()[0]).containsExactly(38.2946, 51.6963);
        assertThat(config.sex().orElseThrow().maleHigh()).isTrue();
        assertThat(config.age().orElseThrow().range()).isEqualTo(101);
        for (PipelineConfig.Model m : List.of(config.detector().model(), config.landmarks().model(),
                config.embedding().model(), config.sex().get().model(), config.age().get().model())) {
            assertThat(m.sha256()).hasSize(64);
            assertThat(m.file().toString()).contains("faceplugin-face-recognition-js@0.0.1");
        }
    }

    @Test
    void everyBadKeyIsReportedAtOnceWithTheFileName() {
        String text = """
                format = touchstone-onnx-system/1
                name = broken
                models.dir = /models
                detector.model = d.onnx
                detector.input.colour = purple
                detector.input.mean = 127
                detector.input.std = 0
                detector.output.scores = scores
                detector.output.boxes = boxes
                detector.output.boxes.format = normalised-corners
                detector.score-treshold = 0.5
                landmarks.model = l.onnx
                landmarks.input.colour = grey
                landmarks.input.mean = 0
                landmarks.input.std = 256
                landmarks.output = output
                landmarks.layout = ibug-68
                alignment.template = 1,2; 3,4
                embedding.model = e.onnx
                embedding.input.colour = rgb
                embedding.input.mean = 127, 127
                embedding.input.std = 128
                embedding.output = output
                """;
        assertThatThrownBy(() -> PipelineConfig.parse("my/system.properties", text.getBytes(StandardCharsets.UTF_8),
                null, false))
                .isInstanceOf(FaceSystemException.class)
                .satisfies(e -> assertThat(((FaceSystemException) e).code()).isEqualTo(FailureCode.CONFIG_ERROR))
                .hasMessageStartingWith("my/system.properties: ")
                .hasMessageContaining("key 'detector.input.colour' is 'purple'; expected one of rgb | bgr | grey")
                .hasMessageContaining("key 'detector.input.std' has a zero")
                .hasMessageContaining("key 'alignment.template' has 2 points")
                .hasMessageContaining("key 'embedding.input.mean' has 2 values; expected 1 or 3")
                .hasMessageContaining("key 'detector.score-treshold' is not a known key here");
    }

    @Test
    void inputEncodingPutsChannelsWhereTheLayoutSays() {
        float[] patch = {10, 20, 30, 40, 50, 60}; // two pixels, RGB
        InputEncoding bgrPlanar = new InputEncoding(InputEncoding.Colour.BGR, new double[] {0, 0, 0},
                new double[] {10, 10, 10}, InputEncoding.Layout.NCHW);
        InputEncoding rgbInterleaved = new InputEncoding(InputEncoding.Colour.RGB, new double[] {10, 20, 30},
                new double[] {1, 1, 1}, InputEncoding.Layout.NHWC);

        assertThat(bgrPlanar.encode(patch, 2, 1)).containsExactly(3, 6, 2, 5, 1, 4);
        assertThat(rgbInterleaved.encode(patch, 2, 1)).containsExactly(0, 0, 0, 30, 30, 30);
    }

    @Test
    void templatesRoundTripAndForeignBytesAreRefused() {
        float[] unit = Embeddings.normalised(new float[] {3, 4, 0});
        Template t = EmbeddingTemplate.write(unit);

        assertThat(t.size()).isEqualTo(EmbeddingTemplate.HEADER_BYTES + 12);
        assertThat(EmbeddingTemplate.read(t, 3)).containsExactly(0.6f, 0.8f, 0f);
        assertThat(EmbeddingTemplate.read(t, 4)).isNull();
        assertThat(EmbeddingTemplate.read(Template.of(new byte[24]), 3)).isNull();
    }

    @Test
    void theGalleryRanksByCosineAndBreaksTiesByEnrolmentOrder() {
        CosineGallery gallery = new CosineGallery(List.of("a", "b", "c", "d"), List.of(
                new float[] {1, 0}, new float[] {0, 1}, new float[] {0.6f, 0.8f}, new float[] {0, 1}), 2);

        List<Candidate> top = gallery.search(EmbeddingTemplate.write(new float[] {0, 1}), 3).value();
        assertThat(top).extracting(Candidate::templateId).containsExactly("b", "d", "c");
        assertThat(top.get(2).score()).isCloseTo(0.8, within(1e-6));
        assertThat(gallery.search(Template.of(new byte[3]), 1).failure().orElseThrow().code())
                .isEqualTo(FailureCode.TEMPLATE_FORMAT_ERROR);
    }

    @Test
    void overlappingDetectionsKeepOnlyTheStrongest() {
        List<FaceDetector.Face> kept = FaceDetector.suppressOverlaps(List.of(
                new FaceDetector.Face(0, 0, 10, 10, 0.9), new FaceDetector.Face(1, 1, 11, 11, 0.8),
                new FaceDetector.Face(20, 20, 30, 30, 0.7)), 0.4);

        assertThat(kept).extracting(FaceDetector.Face::score).containsExactly(0.9, 0.7);
    }
}
