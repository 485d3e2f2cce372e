package org.touchstone.reference.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.touchstone.api.Attribute;
import org.touchstone.api.Capability;
import org.touchstone.api.Concurrency;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.OperatingThreshold;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;

/**
 * The reference system {@code onnx-faceplugin}: a real multi-model face system on ONNX Runtime, tested
 * as one black box. Five models run in sequence: a face detector, a 68-point landmark locator, a
 * five-point similarity alignment to the ArcFace template, a 512-value embedding (recognition: cosine
 * similarity), and SSR-Net sex and age estimators (analysis).
 *
 * <p>Which models, and how each input is encoded and each output decoded, is configuration: with no
 * configuration directory the system runs the shipped reference configuration for the
 * faceplugin-face-recognition-js@0.0.1 models (fetched by {@code scripts/fetch-real-data.sh}); with
 * {@code --config DIR}, it runs {@code DIR/system.properties}, so anyone can evaluate their own ONNX face
 * models without writing Java. The descriptor, and its thresholds, describe the reference configuration;
 * the run's provenance records the configuration and the models actually loaded, with their SHA-256.
 * docs/onnx-system.md documents every key and what was measured about the models.
 */
public final class OnnxFacepluginProvider implements FaceSystemProvider {
    private static final SystemDescriptor DESCRIPTOR = describe();

    /** Creates the provider; cheap, as {@link java.util.ServiceLoader} requires: models load in {@link #open}. */
    public OnnxFacepluginProvider() {
    }

    @Override
    public SystemDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Reads the configuration, checks and loads every model in its own ONNX Runtime session.
     *
     * @param context the configuration directory (optional: the reference configuration otherwise) and
     *                how many threads will call; each model call then uses all cores divided among them
     * @return the system, offering verification, identification and analysis
     * @throws FaceSystemException {@code CONFIG_ERROR} naming the file and the keys at fault, a missing
     *                             model (with how to fetch it), a model whose SHA-256 differs from the
     *                             pinned one, or a model whose inputs and outputs do not fit its keys
     */
    @Override
    public FaceSystem open(SystemContext context) throws FaceSystemException {
        PipelineConfig config = PipelineConfig.load(context.configDirectory());
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = config.intraOpThreads() > 0 ? config.intraOpThreads()
                : Math.max(1, cores / Math.max(1, context.callerThreads()));
        FacePipeline pipeline = new FacePipeline(config, threads);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("configuration", config.reference() ? "reference (" + PipelineConfig.REFERENCE_RESOURCE + ")"
                : "custom (" + PipelineConfig.FILE_NAME + " from the configuration directory)");
        properties.put("configuration-sha256", config.sha256());
        properties.put("model-set", config.name());
        for (OnnxModel model : pipeline.models()) {
            properties.put("model." + model.stage(), model.describe());
        }
        properties.put("detector.score-threshold", Double.toString(config.detector().scoreThreshold()));
        properties.put("onnxruntime", OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR)
                .getVersion());
        properties.put("intra-op-threads", threads + " per model call (" + cores + " cores, "
                + context.callerThreads() + " calling threads)");
        return new OnnxFaceSystem(pipeline, properties);
    }

    private static SystemDescriptor describe() {
        SystemDescriptor.Builder builder = SystemDescriptor.builder("onnx-faceplugin")
                .vendor("Touchstone reference algorithms")
                .name("ONNX multi-model face pipeline (faceplugin models)")
                .version("1.0.0")
                .description("A real multi-model face system run whole, as a black box: Ultra-Light RFB-320 face "
                        + "detection, 68-point landmarks, five-point similarity alignment (Umeyama) to the ArcFace "
                        + "112x112 template, a 512-value embedding compared by cosine, and SSR-Net sex and age "
                        + "estimation, on ONNX Runtime with the faceplugin-face-recognition-js@0.0.1 models "
                        + "(package says MIT; origin of the weights undocumented). Configurable: any ONNX models "
                        + "of the same kinds can be evaluated through a system.properties file.")
                .capabilities(Capability.VERIFICATION, Capability.IDENTIFICATION, Capability.ANALYSIS)
                .scoreRange(new ScoreRange(-1, 1))
                .attributes(Attribute.SEX, Attribute.AGE)
                .concurrency(Concurrency.THREAD_SAFE)
                .property("pipeline", "detect -> largest face -> 68 landmarks -> 5 points -> similarity warp to "
                        + "112x112 -> embedding -> L2 normalisation; analysis: detect -> every face -> crop 1.4x "
                        + "the square box -> SSR-Net sex and age")
                .property("score", "cosine similarity of the unit-length embeddings, in [-1, 1]")
                .property("multiple-images", "the template is the normalised mean of the images' embeddings; "
                        + "images without a face are left out (the template fails only when all do)")
                .property("template-format", "\"TSOX\" magic, format version " + EmbeddingTemplate.FORMAT_VERSION
                        + ", " + EmbeddingTemplate.HEADER_BYTES + "-byte header, then the unit embedding as "
                        + "float32 little-endian (2,060 bytes for 512 values)")
                .property("template-role", "the role does not change the template")
                .property("identification", "exact exhaustive cosine search of the gallery")
                .property("sex-confidence", "the SSR-Net output (0 female to 1 male) read as the probability of "
                        + "male; the confidence is that of the label given, at least 0.5; not calibrated")
                .property("age-confidence", "the largest stage-1 SSR-Net bin probability (how peaked the coarse "
                        + "age estimate is); not calibrated")
                .property("configuration", "with no configuration directory, the reference "
                        + PipelineConfig.REFERENCE_RESOURCE + " (models from " + PipelineConfig.CACHE_VARIABLE
                        + ", see scripts/fetch-real-data.sh); else " + PipelineConfig.FILE_NAME
                        + " in the directory; these thresholds are calibrated for the reference one only");
        for (OperatingThreshold threshold : OnnxOperatingThresholds.all()) {
            builder.threshold(threshold);
        }
        return builder.build();
    }
}
