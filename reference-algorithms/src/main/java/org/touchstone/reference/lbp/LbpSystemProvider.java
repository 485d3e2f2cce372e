package org.touchstone.reference.lbp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.touchstone.api.Capability;
import org.touchstone.api.Concurrency;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.Identifier;
import org.touchstone.api.OperatingThreshold;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.api.Verifier;
import org.touchstone.reference.identification.ExactCosineIdentifier;

/**
 * The classical reference system {@code lbp}: face verification by local binary pattern histograms
 * (Ahonen, Hadid and Pietikäinen, "Face Description with Local Binary Patterns: Application to Face
 * Recognition", IEEE TPAMI 28(12), 2006). It gives a baseline that any modern system should beat, and
 * is found by {@link java.util.ServiceLoader} exactly like a vendor's system.
 *
 * <p>Each image is converted to grey and resampled to 96x96 pixels (the whole image: the system expects
 * face crops and does no detection). Every pixel gets its uniform LBP(8, R) label, the labels are
 * counted per cell of a grid, each cell's histogram is normalised, and the template is the concatenation
 * (averaged over several images of one person). Templates are compared by the Bhattacharyya coefficient
 * of their cell histograms, a similarity in [0, 1] that is also the cosine of the histograms' square
 * roots, so 1:1 comparisons and 1:N exact cosine search give the very same scores (chi-square, the
 * paper's measure, separates the synthetic faces no better and is one setting away).
 *
 * <p>The configuration directory may hold {@code lbp.properties} to change the radius, grid, similarity
 * and photometric normalisation:
 * <pre>
 * radius = 2                     # 1 or 2
 * grid = 8x8                     # columns x rows, each 1 to 24
 * similarity = bhattacharyya     # bhattacharyya | chi-square | intersection
 * normalisation = none           # none | contrast-stretch | histogram-equalisation
 * </pre>
 * Unknown keys and bad values make {@link #open} fail with a {@code CONFIG_ERROR} naming the file and
 * the key. The descriptor describes the defaults, and its thresholds are calibrated for them only.
 */
public final class LbpSystemProvider implements FaceSystemProvider {
    private static final SystemDescriptor DESCRIPTOR = describe(LbpSettings.defaults());

    /** Creates the provider; cheap, as {@link java.util.ServiceLoader} requires. */
    public LbpSystemProvider() {
    }

    @Override
    public SystemDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Opens the system: reads {@code lbp.properties} from the configuration directory, if present.
     *
     * @param context the configuration directory (optional) and working directory; only the former is used
     * @return the system, offering {@link Capability#VERIFICATION}
     * @throws FaceSystemException with {@code CONFIG_ERROR} naming the file and key, if the configuration
     *                             directory is missing or the file is unreadable, has an unknown key or
     *                             a bad value
     */
    @Override
    public FaceSystem open(SystemContext context) throws FaceSystemException {
        LbpSettings settings = LbpSettings.load(context.configDirectory());
        Verifier verifier = new LbpVerifier(settings);
        Identifier identifier = new ExactCosineIdentifier(verifier, new LbpHellingerCodec(settings));
        Map<String, String> inEffect = new LinkedHashMap<>();
        inEffect.put("radius", Integer.toString(settings.radius()));
        inEffect.put("grid", settings.grid());
        inEffect.put("similarity", settings.similarity().configName());
        inEffect.put("normalisation", settings.normalisation().configName());
        inEffect.put("defaults", Boolean.toString(settings.equals(LbpSettings.defaults())));
        return new LbpFaceSystem(verifier, identifier, Collections.unmodifiableMap(inEffect));
    }

    private static SystemDescriptor describe(LbpSettings settings) {
        LbpTemplateFormat format = new LbpTemplateFormat(settings);
        int features = settings.cells() * UniformPatterns.LABELS;
        SystemDescriptor.Builder builder = SystemDescriptor.builder("lbp")
                .vendor("Touchstone reference algorithms")
                .name("LBP histogram matcher")
                .version("1.0.0")
                .description("Classical baseline: uniform local binary pattern histograms over a grid of face "
                        + "regions, compared by the Bhattacharyya coefficient (one score for 1:1 and 1:N), after"
                        + " Ahonen, Hadid and Pietikäinen, "
                        + "\"Face Description with Local Binary Patterns: Application to Face Recognition\", "
                        + "IEEE TPAMI 28(12):2037-2041, 2006. No face detection: images are taken to be face crops.")
                .capabilities(Capability.VERIFICATION, Capability.IDENTIFICATION)
                .scoreRange(new ScoreRange(0, 1))
                .concurrency(Concurrency.THREAD_SAFE)
                .property("input", "whole image converted to grey (BT.601 luma) and resampled to "
                        + LbpFeatureExtractor.WORKING_SIZE + "x" + LbpFeatureExtractor.WORKING_SIZE
                        + " (2x2 averaging, then bilinear); images under " + LbpFeatureExtractor.MIN_IMAGE_SIDE
                        + " pixels a side or spanning under " + LbpFeatureExtractor.MIN_BRIGHTNESS_RANGE
                        + " grey levels are refused")
                .property("photometric-normalisation", settings.normalisation().configName())
                .property("operator", "uniform LBP(" + UniformPatterns.NEIGHBOURS + ", " + settings.radius()
                        + ") u2: " + UniformPatterns.NEIGHBOURS + " neighbours on a circle of radius "
                        + settings.radius() + " px, bilinear interpolation, " + UniformPatterns.LABELS + " labels")
                .property("grid", settings.grid() + " cells, one " + UniformPatterns.LABELS
                        + "-bin histogram per cell normalised to sum 1; " + features + " values")
                .property("similarity", settings.similarity().configName() + ": " + settings.similarity().formula())
                .property("multiple-images", "the template is the average of the images' histograms")
                .property("template-format", "\"LBPH\" magic, format version " + LbpTemplateFormat.FORMAT_VERSION
                        + ", " + LbpTemplateFormat.HEADER_BYTES + "-byte header recording the settings, then "
                        + features + " float32 little-endian; " + format.templateBytes() + " bytes")
                .property("template-role", "the role does not change the template")
                .property("identification", "exact cosine search (org.touchstone.reference.identification) over the"
                        + " Hellinger map of the histograms (element-wise square root): the cosine of two templates is"
                        + " their mean per-cell Bhattacharyya coefficient, in [0, 1]")
                .property("configuration", "optional " + LbpSettings.FILE_NAME
                        + " (radius, grid, similarity, normalisation); this descriptor shows the defaults");
        for (OperatingThreshold threshold : LbpOperatingThresholds.all()) {
            builder.threshold(threshold);
        }
        return builder.build();
    }
}
