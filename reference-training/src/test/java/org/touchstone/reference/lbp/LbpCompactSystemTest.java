package org.touchstone.reference.lbp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.Candidate;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Gallery;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Identifier;
import org.touchstone.api.ImageFormat;
import org.touchstone.api.Result;
import org.touchstone.api.SystemContext;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;
import org.touchstone.protocols.synthetic.SyntheticFaceRenderer;
import org.touchstone.protocols.synthetic.SyntheticSpec;

/**
 * The lbp-compact system: its templates, its scores in 1:1 and 1:N, and its projection. In reference-training,
 * not beside the system in reference-algorithms, because this module's build fits the projection that the
 * system loads; its faces are the synthetic generator's, of a seed the projection was not fitted on.
 */
class LbpCompactSystemTest {
    @TempDir
    Path directory;

    private static final SyntheticFaceRenderer FACES = new SyntheticFaceRenderer(
            SyntheticSpec.parse("synthetic:subjects=10,images=2,seed=8080"));

    private FaceSystem open() {
        return new LbpCompactSystemProvider().open(context());
    }

    private SystemContext context() {
        return new SystemContext() {
            @Override
            public Optional<Path> configDirectory() {
                return Optional.empty();
            }

            @Override
            public Path workingDirectory() {
                return directory;
            }

            @Override
            public int callerThreads() {
                return 1;
            }
        };
    }

    private static FaceImage face(int identity, int sample) {
        return new FaceImage(FACES.spec().sampleId(identity, sample), ImageFormat.PNG,
                FACES.renderPng(identity, sample));
    }

    @Test
    void templatesAreTheProjectedDescriptionAtUnitLengthBehindA12ByteHeader() throws Exception {
        LbpProjection projection = LbpProjection.bundled();
        try (FaceSystem system = open()) {
            Template t = system.verifier().orElseThrow().createTemplate(List.of(face(1, 0)),
                    TemplateRole.VERIFICATION_ENROLMENT).value();
            assertThat(t.size()).isEqualTo(12 + 4 * 256).isEqualTo(1036);
            ByteBuffer bytes = t.buffer().order(ByteOrder.LITTLE_ENDIAN);
            assertThat(new String(new byte[] {bytes.get(0), bytes.get(1), bytes.get(2), bytes.get(3)},
                    java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("LBPC");
            assertThat(bytes.getShort(6)).isEqualTo((short) 256);
            assertThat(Arrays.copyOfRange(t.toByteArray(), 8, 12)).isEqualTo(Arrays.copyOf(projection.sha256(), 4));

            float[] expected = projection.project(new LbpFeatures().describe(face(1, 0).raster()).value());
            double norm = 0;
            for (float v : expected) {
                norm += (double) v * v;
            }
            for (int i = 0; i < 256; i++) {
                assertThat(bytes.getFloat(12 + 4 * i)).isCloseTo((float) (expected[i] / Math.sqrt(norm)), within(1e-6f));
            }
        }
    }

    @Test
    void aFaceMatchesItselfBestAndItsOwnOtherImageBetterThanOthers() throws Exception {
        try (FaceSystem system = open()) {
            Verifier verifier = system.verifier().orElseThrow();
            Template a = template(verifier, 2, 0);
            assertThat(verifier.compare(a, a).similarity()).isCloseTo(1.0, within(1e-6));
            double mated = verifier.compare(a, template(verifier, 2, 1)).similarity();
            for (int other : new int[] {0, 1, 3, 4, 5}) {
                assertThat(verifier.compare(a, template(verifier, other, 1)).similarity()).as("identity %d", other)
                        .isLessThan(mated);
            }
        }
    }

    private static Template template(Verifier verifier, int identity, int sample) {
        return verifier.createTemplate(List.of(face(identity, sample)),
                TemplateRole.VERIFICATION_PROBE).value();
    }

    @Test
    void searchScoresAreComparisonScores() throws Exception {
        try (FaceSystem system = open()) {
            Verifier verifier = system.verifier().orElseThrow();
            Identifier identifier = system.identifier().orElseThrow();
            List<GalleryEntry> entries = new ArrayList<>();
            for (int identity = 0; identity < 6; identity++) {
                entries.add(new GalleryEntry("id" + identity, identifier.createTemplate(
                        List.of(face(identity, 0)), TemplateRole.IDENTIFICATION_ENROLMENT).value()));
            }
            Gallery gallery = identifier.finalizeEnrolment(entries, directory).value();
            Template probe = template(verifier, 3, 1);
            List<Candidate> candidates = gallery.search(probe, 6).value();
            assertThat(candidates.get(0).templateId()).isEqualTo("id3");
            for (Candidate c : candidates) {
                Template enrolled = entries.get(Integer.parseInt(c.templateId().substring(2))).template();
                assertThat(c.score()).as(c.templateId()).isCloseTo(verifier.compare(enrolled, probe).similarity(),
                        within(1e-5));
            }
        }
    }

    @Test
    void templatesOfAnotherSystemOrProjectionAreRefused() throws Exception {
        try (FaceSystem system = open()) {
            Verifier verifier = system.verifier().orElseThrow();
            Template good = template(verifier, 0, 0);
            byte[] otherProjection = good.toByteArray();
            otherProjection[8] ^= 1;
            ComparisonResult r = verifier.compare(Template.of(otherProjection), good);
            assertThat(r.isSuccess()).isFalse();
            assertThat(r.failure().orElseThrow().code()).isEqualTo(FailureCode.TEMPLATE_FORMAT_ERROR);
            assertThat(r.failure().orElseThrow().message()).startsWith("enrolment template: lbp-compact template of"
                    + " format version 1, dimension 256, projection");

            Template lbp = new LbpSystemProvider().open(context())
                    .verifier().orElseThrow().createTemplate(List.of(face(0, 0)),
                            TemplateRole.VERIFICATION_PROBE).value();
            assertThat(verifier.compare(good, lbp).failure().orElseThrow().message())
                    .isEqualTo("probe template: not an lbp-compact template: it does not start with \"LBPC\"");
            Result<Gallery> gallery = system.identifier().orElseThrow().finalizeEnrolment(
                    List.of(new GalleryEntry("x", lbp)), directory);
            assertThat(gallery.failure().orElseThrow().code()).isEqualTo(FailureCode.TEMPLATE_FORMAT_ERROR);
        }
    }

    @Test
    void theBundledProjectionReadsBackToItsOwnBytesAndSaysWhatProducedIt() {
        LbpProjection projection = LbpProjection.bundled();
        assertThat(projection.componentsPerCell()).isEqualTo(8);
        assertThat(projection.dimension()).isEqualTo(256);
        assertThat(LbpProjection.read(projection.toBytes()).toBytes()).isEqualTo(projection.toBytes());
        assertThat(projection.comments()).anySatisfy(c -> assertThat(c).contains("seed=271828"));
    }

    @Test
    void aDamagedProjectionIsRefused() {
        byte[] bytes = LbpProjection.bundled().toBytes();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> LbpProjection.read(Arrays.copyOf(bytes, bytes.length - 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated LBP projection");
        byte[] extra = Arrays.copyOf(bytes, bytes.length + 4);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> LbpProjection.read(extra)))
                .hasMessage("4 bytes after the parameters");
        bytes[0] = 'X';
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> LbpProjection.read(bytes)))
                .hasMessage("not an LBP projection of format version 1");
    }
}
