package org.touchstone.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
    @Test
    void refittingReproducesTheCommittedProjectionExactly() {
        LbpProjection refitted = LbpProjectionTrainer.train();
        assertThat(refitted.comments()).isEqualTo(LbpProjection.committed().comments());
        // Byte equality: every parameter, as the float the system computes with.
        assertThat(refitted.toBytes())
                .as("the committed %s is stale: refit as LbpProjectionTrainer's Javadoc says", LbpProjection.RESOURCE)
                .isEqualTo(LbpProjection.committed().toBytes());
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
