package org.touchstone.protocols.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SyntheticFaceRendererTest {
    private static final SyntheticSpec SPEC = SyntheticSpec.of(10, 3, 7);

    private static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    @Test
    void rendersSquareRgbImagesOfTheSpecsSize() throws IOException {
        SyntheticSpec spec = new SyntheticSpec(10, 1, 7, 64, DifficultyProfile.DEFAULT);
        SyntheticFaceRenderer renderer = new SyntheticFaceRenderer(spec);

        BufferedImage image = renderer.render(0, 0);
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(64);

        byte[] png = renderer.renderPng(0, 0);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(decoded.getWidth()).isEqualTo(64);
        assertThat(decoded.getColorModel().getNumComponents()).isEqualTo(3);
        int[] expected = pixels(image);
        int[] actual = decoded.getRGB(0, 0, 64, 64, null, 0, 64);
        for (int i = 0; i < actual.length; i++) {
            actual[i] &= 0xFFFFFF;
        }
        assertThat(actual).as("PNG is lossless").isEqualTo(expected);
    }

    @Test
    void sameSpecGivesTheSameImagesAndBytesEveryTime() {
        byte[] first = new SyntheticFaceRenderer(SPEC).renderPng(3, 2);
        byte[] second = new SyntheticFaceRenderer(SyntheticSpec.parse(SPEC.canonical())).renderPng(3, 2);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aSubjectLooksTheSameWhateverTheDatasetSizeOrRenderingOrder() {
        SyntheticFaceRenderer small = new SyntheticFaceRenderer(SyntheticSpec.of(10, 3, 7));
        SyntheticFaceRenderer large = new SyntheticFaceRenderer(SyntheticSpec.of(5000, 8, 7));
        // Render other subjects first, so any state carried between calls would show.
        large.render(4999, 7);
        large.render(2, 0);

        assertThat(pixels(large.render(7, 1))).isEqualTo(pixels(small.render(7, 1)));
        assertThat(large.labels(7, 1)).isEqualTo(small.labels(7, 1));
    }

    @Test
    void differentSeedsSubjectsAndImagesDiffer() {
        int[] base = pixels(new SyntheticFaceRenderer(SPEC).render(0, 0));

        assertThat(pixels(new SyntheticFaceRenderer(SyntheticSpec.of(10, 3, 8)).render(0, 0))).isNotEqualTo(base);
        assertThat(pixels(new SyntheticFaceRenderer(SPEC).render(1, 0))).isNotEqualTo(base);
        assertThat(pixels(new SyntheticFaceRenderer(SPEC).render(0, 1))).isNotEqualTo(base);
    }

    @Test
    void difficultyChangesOnlyTheImagesOfTheNamedGroupAndNotTheirLabels() {
        SyntheticSpec plain = new SyntheticSpec(20, 1, 7, 48, DifficultyProfile.NONE);
        SyntheticSpec harder = new SyntheticSpec(20, 1, 7, 48, DifficultyProfile.parse("skin_tone.darker*2"));
        SyntheticFaceRenderer plainRenderer = new SyntheticFaceRenderer(plain);
        SyntheticFaceRenderer harderRenderer = new SyntheticFaceRenderer(harder);
        int darker = 0;
        int lighter = 0;
        for (int subject = 0; subject < 20; subject++) {
            SyntheticLabels labels = plainRenderer.labels(subject, 0);
            assertThat(harderRenderer.labels(subject, 0)).isEqualTo(labels);
            int[] plainPixels = pixels(plainRenderer.render(subject, 0));
            int[] harderPixels = pixels(harderRenderer.render(subject, 0));
            if (labels.skinTone().equals(SyntheticLabels.DARKER)) {
                darker++;
                assertThat(harderPixels).as("darker subject %d", subject).isNotEqualTo(plainPixels);
            } else {
                lighter++;
                assertThat(harderPixels).as("lighter subject %d", subject).isEqualTo(plainPixels);
            }
        }
        assertThat(darker).isPositive();
        assertThat(lighter).isPositive();
    }

    @Test
    void labelsFollowTheDocumentedDistributions() {
        int subjects = 200;
        int images = 10;
        SyntheticFaceRenderer renderer = new SyntheticFaceRenderer(SyntheticSpec.of(subjects, images, 7));
        int female = 0;
        int darker = 0;
        int[] bands = new int[3];
        int smiles = 0;
        int glasses = 0;
        Set<Integer> skinTypes = new HashSet<>();
        for (int s = 0; s < subjects; s++) {
            SyntheticLabels first = renderer.labels(s, 0);
            for (int i = 0; i < images; i++) {
                SyntheticLabels labels = renderer.labels(s, i);
                assertThat(labels.sex()).isEqualTo(first.sex());
                assertThat(labels.age()).isEqualTo(first.age());
                assertThat(labels.skinType()).isEqualTo(first.skinType());
                smiles += labels.smile() ? 1 : 0;
                glasses += labels.eyeglasses() ? 1 : 0;
            }
            female += first.sex().equals("female") ? 1 : 0;
            darker += first.skinTone().equals(SyntheticLabels.DARKER) ? 1 : 0;
            bands[List.of("18-30", "31-50", "51+").indexOf(first.ageBand())]++;
            assertThat(first.age()).isBetween(18, 80);
            assertThat(first.skinTone()).isEqualTo(first.skinType() <= 3 ? "lighter" : "darker");
            skinTypes.add(first.skinType());
        }
        // Binomial standard deviations at n = 200: about 7 subjects for p = 1/2, 6.7 for p = 1/3.
        assertThat(female).isBetween(80, 120);
        assertThat(darker).isBetween(80, 120);
        for (int band : bands) {
            assertThat(band).isBetween(47, 87);
        }
        assertThat(skinTypes).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
        // Smile: each subject smiles in U(0.2, 0.6) of images, 0.4 on average.
        assertThat(smiles / 2000.0).isBetween(0.35, 0.45);
        // Eyeglasses: a quarter wear them in 80% of images, the others in 3%: 0.2225 on average.
        assertThat(glasses / 2000.0).isBetween(0.15, 0.30);
    }

    @Test
    void indexesOutsideTheSpecAreRejected() {
        SyntheticFaceRenderer renderer = new SyntheticFaceRenderer(SPEC);

        assertThatThrownBy(() -> renderer.render(10, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("subjectIndex must be 0..9");
        assertThatThrownBy(() -> renderer.labels(0, 3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("imageIndex must be 0..2");
    }

    @Test
    void identityDominatesNuisanceForAnLbpVerifier() {
        // 40 subjects x 3 images at the default profile: 120 genuine and 7,020 impostor comparisons.
        SyntheticFaceRenderer renderer = new SyntheticFaceRenderer(SyntheticSpec.of(40, 3, 11));
        List<float[]> features = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            for (int i = 0; i < 3; i++) {
                features.add(LbpDescriptor.describe(renderer.render(s, i)));
            }
        }
        List<Double> genuine = new ArrayList<>();
        List<Double> impostor = new ArrayList<>();
        for (int a = 0; a < features.size(); a++) {
            for (int b = a + 1; b < features.size(); b++) {
                double d = LbpDescriptor.chiSquare(features.get(a), features.get(b));
                (a / 3 == b / 3 ? genuine : impostor).add(d);
            }
        }
        double meanGenuine = genuine.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double meanImpostor = impostor.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double eer = LbpDescriptor.equalErrorRate(genuine, impostor);

        assertThat(meanGenuine).isLessThan(0.85 * meanImpostor);
        // Far better than chance (0.5), but not perfect: nuisance must matter too.
        assertThat(eer).isBetween(0.01, 0.2);
    }

    @Test
    void lbpDescriptorHasTheUsual58UniformPatterns() {
        assertThat(LbpDescriptor.uniformPatternCount()).isEqualTo(58);
    }
}
