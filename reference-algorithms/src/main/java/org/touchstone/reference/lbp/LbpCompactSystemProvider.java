package org.touchstone.reference.lbp;

import java.util.Map;
import org.touchstone.api.Capability;
import org.touchstone.api.Concurrency;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.Identifier;
import org.touchstone.api.OperatingThreshold;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.api.Verifier;
import org.touchstone.reference.identification.ExactCosineIdentifier;

/**
 * The reference system {@code lbp-compact}: the {@code lbp} system's description (uniform LBP histograms
 * of an 8x8 grid, Hellinger-mapped) projected by a learned linear map ({@link LbpProjection}) to a
 * short whitened embedding, compared by cosine. Its templates are 15 times smaller than {@code lbp}'s
 * (1,036 bytes against 15,116), which is what lets a gallery of a million fit in a gigabyte for exact
 * search, and whitening makes it separate synthetic faces better than the full histograms. The same
 * cosine serves 1:1 and 1:N (exact search, {@code org.touchstone.reference.identification}).
 *
 * <p>It has no configuration: the projection was fitted for the LBP defaults.
 */
public final class LbpCompactSystemProvider implements FaceSystemProvider {
    /** Creates the provider; cheap, as {@link java.util.ServiceLoader} requires (the parameters load on first use). */
    public LbpCompactSystemProvider() {
    }

    /**
     * @return the descriptor, which names the projection's shape and training
     * @throws IllegalStateException if the projection is not on the class path ({@link LbpProjection#bundled()})
     */
    @Override
    public SystemDescriptor descriptor() {
        return Described.DESCRIPTOR;
    }

    /**
     * The descriptor, made on first use rather than when the provider is: the projection comes from
     * reference-training's jar, and a class path without it (this module's own tests) must still be able to
     * instantiate every provider that {@link java.util.ServiceLoader} lists.
     */
    private static final class Described {
        static final SystemDescriptor DESCRIPTOR = describe(LbpProjection.bundled());
    }

    /**
     * @param context ignored: the system has no configuration
     * @return the system, offering verification and identification
     */
    @Override
    public FaceSystem open(SystemContext context) {
        LbpProjection projection = LbpProjection.bundled();
        CompactTemplateFormat format = new CompactTemplateFormat(projection);
        Verifier verifier = new LbpCompactVerifier(projection, format);
        Identifier identifier = new ExactCosineIdentifier(verifier, format);
        return new LbpFaceSystem(verifier, identifier,
                Map.of("projection-sha256", java.util.HexFormat.of().formatHex(projection.sha256())));
    }

    private static SystemDescriptor describe(LbpProjection projection) {
        CompactTemplateFormat format = new CompactTemplateFormat(projection);
        SystemDescriptor.Builder builder = SystemDescriptor.builder("lbp-compact")
                .vendor("Touchstone reference algorithms")
                .name("LBP histograms, whitened PCA embedding")
                .version("1.0.0")
                .description("The lbp system's description (uniform LBP(8, 2) histograms of an 8x8 grid, square"
                        + " roots of the bins) projected by a whitened two-stage PCA fitted on synthetic training"
                        + " faces to " + projection.dimension() + " values, compared by cosine; compact templates for"
                        + " exact search in galleries of a million. No face detection: images are taken to be face"
                        + " crops.")
                .capabilities(Capability.VERIFICATION, Capability.IDENTIFICATION)
                .scoreRange(new ScoreRange(-1, 1))
                .concurrency(Concurrency.THREAD_SAFE)
                .property("input", "as lbp: whole image converted to grey and resampled to "
                        + LbpFeatureExtractor.WORKING_SIZE + "x" + LbpFeatureExtractor.WORKING_SIZE)
                .property("description", LbpFeatures.DIMENSION + " values: lbp's defaults (radius 2, grid 8x8, no"
                        + " photometric normalisation), each histogram bin replaced by its square root")
                .property("projection", "per cell, the " + projection.componentsPerCell() + " leading principal"
                        + " components of the cell's " + LbpFeatures.BINS + " values, whitened; then the "
                        + projection.dimension() + " leading principal components of those "
                        + LbpFeatures.CELLS * projection.componentsPerCell() + ", whitened (resource "
                        + LbpProjection.RESOURCE + ")")
                .property("training", String.join("; ", projection.comments()))
                .property("multiple-images", "the template is the normalised mean of the images' normalised embeddings")
                .property("template-format", "\"LBPC\" magic, format version " + CompactTemplateFormat.FORMAT_VERSION
                        + ", dimension, 4 bytes of the projection's SHA-256, then " + projection.dimension()
                        + " float32 little-endian of unit length; " + format.templateBytes() + " bytes")
                .property("similarity", "cosine of the embeddings, in [-1, 1]; 1:N by exact search over the same cosine")
                .property("configuration", "none: the projection was fitted for the lbp defaults");
        for (OperatingThreshold threshold : LbpCompactThresholds.all()) {
            builder.threshold(threshold);
        }
        return builder.build();
    }
}
