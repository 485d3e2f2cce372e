package org.touchstone.reference.attributes;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.touchstone.api.Attribute;
import org.touchstone.api.AttributeAnalyzer;
import org.touchstone.api.AttributeEstimate;
import org.touchstone.api.Capability;
import org.touchstone.api.FaceAnalysis;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.FailureCode;
import org.touchstone.api.ImageFormat;
import org.touchstone.api.Result;
import org.touchstone.api.SystemContext;

/**
 * The synthetic-attributes system with its fitted models. In reference-training, not beside the system in
 * reference-algorithms, because this module's build fits the models that the system loads.
 */
class SyntheticAttributeSystemTest {
    private static final SystemContext CONTEXT = new SystemContext() {
        @Override
        public Optional<Path> configDirectory() {
            return Optional.empty();
        }

        @Override
        public Path workingDirectory() {
            return Path.of(".");
        }

        @Override
        public int callerThreads() {
            return 1;
        }
    };

    private static AttributeAnalyzer analyzer() throws Exception {
        // Chosen by class, so that no other provider's descriptor is made.
        FaceSystemProvider provider = ServiceLoader.load(FaceSystemProvider.class).stream()
                .filter(p -> p.type() == SyntheticAttributeProvider.class).map(ServiceLoader.Provider::get)
                .findFirst().orElseThrow();
        assertThat(provider.descriptor().id()).isEqualTo("synthetic-attributes");
        assertThat(provider.descriptor().capabilities()).containsExactly(Capability.ANALYSIS);
        FaceSystem system = provider.open(CONTEXT);
        assertThat(system.verifier()).isEmpty();
        return system.analyzer().orElseThrow();
    }

    private static FaceImage png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return new FaceImage("test", ImageFormat.PNG, out.toByteArray());
    }

    @Test
    void aFaceGetsEveryDeclaredAttributeWithAProbabilityAsConfidence() throws Exception {
        BufferedImage image = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(120, 120, 120));
        g.fillRect(0, 0, 96, 96);
        g.setColor(new Color(200, 160, 130));
        g.fillOval(20, 12, 56, 72);
        g.setColor(Color.DARK_GRAY);
        g.fillOval(34, 38, 8, 5);
        g.fillOval(54, 38, 8, 5);
        g.drawArc(38, 58, 20, 10, 180, 180);
        g.dispose();
        Result<List<FaceAnalysis>> result = analyzer().analyze(png(image));
        FaceAnalysis face = result.value().get(0);
        assertThat(face.estimates().keySet()).containsExactlyInAnyOrder(Attribute.SEX, Attribute.SMILE,
                Attribute.EYEGLASSES, Attribute.AGE);
        for (Attribute binary : List.of(Attribute.SEX, Attribute.SMILE, Attribute.EYEGLASSES)) {
            AttributeEstimate e = face.estimate(binary).orElseThrow();
            assertThat(e.confidence()).as("%s confidence is the probability of the label given", binary)
                    .isBetween(0.5, 1.0);
        }
        AttributeEstimate age = face.estimate(Attribute.AGE).orElseThrow();
        assertThat(age.confidence()).isEqualTo(AttributeModels.bundled().age().confidence());
    }

    @Test
    void aFlatImageHasNoFaceAndCorruptBytesAreAParseError() throws Exception {
        BufferedImage flat = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
        assertThat(analyzer().analyze(png(flat)).value()).isEmpty();
        Result<List<FaceAnalysis>> corrupt = analyzer().analyze(new FaceImage("x", ImageFormat.PNG, new byte[] {1, 2}));
        assertThat(corrupt.failure().orElseThrow().code()).isEqualTo(FailureCode.PARSE_ERROR);
    }

    @Test
    void theBundledParametersReadBackToTheSameText() throws Exception {
        AttributeModels models = AttributeModels.bundled();
        String text = models.toText();
        AttributeModels again = AttributeModels.read(new java.io.ByteArrayInputStream(
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(again.toText()).isEqualTo(text);
        assertThat(models.mean()).hasSize(FaceFeatures.LENGTH);
    }
}
