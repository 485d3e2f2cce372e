package org.touchstone.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.ImageFormat;
import org.touchstone.api.SystemContext;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;
import org.touchstone.protocols.synthetic.SyntheticFaceRenderer;
import org.touchstone.protocols.synthetic.SyntheticSpec;
import org.touchstone.reference.lbp.LbpCompactSystemProvider;
import org.touchstone.reference.lbp.LbpProjection;
import org.touchstone.reference.lbp.LbpSystemProvider;

class LbpProjectionTrainerTest {
    /**
     * The SHA-256 of the projection this module's build fits (the lbp-compact-projection.bin that was committed
     * until the build made it). A deliberate change of the LBP description, the generator or the recipe changes
     * it: record the new digest here in the same commit, and recalibrate LbpCompactThresholds.
     */
    static final String PROJECTION_SHA256 = "4fd8b93d72ce5bc936b94ed03775a6783347d79749261919639417abca8f3ef6";

    /**
     * The build ran the trainer (or found its output up to date); the projection on the class path is what it
     * wrote, and nothing else provides the resource (a stale copy in reference-algorithms would shadow it).
     */
    @Test
    void theBuildFitsTheRecordedProjectionExactly() throws Exception {
        byte[] bytes = BundledResource.theOneCopy(LbpProjection.RESOURCE);
        LbpProjection bundled = LbpProjection.bundled();
        // Byte equality (through the digest): every parameter, as the float the system computes with.
        assertThat(bundled.toBytes()).isEqualTo(bytes);
        assertThat(HexFormat.of().formatHex(bundled.sha256()))
                .as("the fitted %s changed: if deliberately, record its digest here", LbpProjection.RESOURCE)
                .isEqualTo(PROJECTION_SHA256);
        assertThat(bundled.comments().get(1)).startsWith("data: " + SyntheticSpec.parse(
                LbpProjectionTrainer.TRAINING_SPEC).canonical());
    }

    /**
     * On faces of a seed neither the projection nor its thresholds saw, the compact system finds more people
     * at rank 1 than the full histograms: what the projection is for, besides its size.
     */
    @Test
    void onHeldOutFacesTheCompactEmbeddingIdentifiesMoreThanTheFullHistograms() throws Exception {
        SyntheticSpec spec = SyntheticSpec.parse("synthetic:subjects=150,images=2,seed=8080");
        SyntheticFaceRenderer renderer = new SyntheticFaceRenderer(spec);
        int compact = rankOneHits(new LbpCompactSystemProvider(), renderer);
        int full = rankOneHits(new LbpSystemProvider(), renderer);
        assertThat(compact).as("rank-1 hits of lbp-compact (%d) and lbp (%d) of 150", compact, full)
                .isGreaterThan(full);
    }

    /** Each subject's second image searched among every subject's first, by exhaustive 1:1 comparison. */
    private static int rankOneHits(FaceSystemProvider provider, SyntheticFaceRenderer renderer) throws Exception {
        SyntheticSpec spec = renderer.spec();
        try (FaceSystem system = provider.open(new SystemContext() {
            @Override
            public java.util.Optional<java.nio.file.Path> configDirectory() {
                return java.util.Optional.empty();
            }

            @Override
            public java.nio.file.Path workingDirectory() {
                return java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
            }

            @Override
            public int callerThreads() {
                return 1;
            }
        })) {
            Verifier verifier = system.verifier().orElseThrow();
            List<Template> gallery = new ArrayList<>();
            List<Template> probes = new ArrayList<>();
            for (int s = 0; s < spec.subjects(); s++) {
                gallery.add(template(verifier, renderer, s, 0));
                probes.add(template(verifier, renderer, s, 1));
            }
            int hits = 0;
            for (int s = 0; s < probes.size(); s++) {
                double[] scores = verifier.compareMany(probes.get(s), gallery).stream()
                        .mapToDouble(r -> r.similarity()).toArray();
                int best = 0;
                for (int g = 1; g < scores.length; g++) {
                    best = scores[g] > scores[best] ? g : best;
                }
                hits += best == s ? 1 : 0;
            }
            return hits;
        }
    }

    private static Template template(Verifier verifier, SyntheticFaceRenderer renderer, int subject, int image) {
        FaceImage face = new FaceImage(renderer.spec().sampleId(subject, image), ImageFormat.PNG,
                renderer.renderPng(subject, image));
        return verifier.createTemplate(List.of(face), TemplateRole.VERIFICATION_PROBE).value();
    }
}
