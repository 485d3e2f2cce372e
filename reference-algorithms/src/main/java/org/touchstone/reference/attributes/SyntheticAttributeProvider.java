package org.touchstone.reference.attributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.touchstone.api.Attribute;
import org.touchstone.api.AttributeAnalyzer;
import org.touchstone.api.AttributeEstimate;
import org.touchstone.api.BoundingBox;
import org.touchstone.api.Capability;
import org.touchstone.api.Concurrency;
import org.touchstone.api.FaceAnalysis;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.ImageDecodeException;
import org.touchstone.api.OperatingThreshold;
import org.touchstone.api.Raster;
import org.touchstone.api.Result;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;

/**
 * The reference attribute analyzer, for the built-in synthetic faces: sex, smile and eyeglasses by
 * logistic regression (confidence = the Platt-calibrated probability of the label given), age by ridge
 * regression (confidence = the share of calibration estimates within the declared tolerance). It
 * treats the whole image as one face and finds none in a flat image.
 *
 * <p>The fitted parameters ({@link AttributeModels#bundled()}) are read when a system is opened, not when the
 * provider is made or described: they come from {@code reference-training}'s jar, and a class path without it
 * (this module's own tests) must still be able to instantiate and describe every provider that
 * {@link java.util.ServiceLoader} lists.
 */
public final class SyntheticAttributeProvider implements FaceSystemProvider {
    private static final SystemDescriptor DESCRIPTOR = SystemDescriptor.builder("synthetic-attributes")
            .vendor("Touchstone reference algorithms")
            .name("Synthetic-face attribute analyzer")
            .version("1.0.0")
            .description("Baseline facial analysis for Touchstone's synthetic faces: logistic regressions for sex,"
                    + " smile and eyeglasses and a ridge regression for age, on a standardised 24x24 grey thumbnail"
                    + " and its gradient magnitudes, fitted on a synthetic training set (module reference-training).")
            .capabilities(Capability.ANALYSIS)
            .attributes(Attribute.SEX, Attribute.AGE, Attribute.SMILE, Attribute.EYEGLASSES)
            .concurrency(Concurrency.THREAD_SAFE)
            .threshold(new OperatingThreshold("default", Capability.ANALYSIS, 0.9,
                    "report an attribute only when at least 90% sure"))
            .property("features", "FaceFeatures v" + FaceFeatures.VERSION + ": " + FaceFeatures.LENGTH + " values")
            .property("parameters", AttributeModels.RESOURCE)
            .property("face-detection", "none: the whole image is the face; a flat image (grey-level standard"
                    + " deviation under " + FaceFeatures.MIN_CONTRAST + ") has no face")
            .build();

    @Override
    public SystemDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public FaceSystem open(SystemContext context) {
        AttributeModels models = AttributeModels.bundled();
        AttributeAnalyzer analyzer = image -> analyze(models, image);
        Map<String, String> runtime = Map.of("parameters", String.join(" | ", models.comments()));
        return new FaceSystem() {
            @Override
            public Optional<AttributeAnalyzer> analyzer() {
                return Optional.of(analyzer);
            }

            @Override
            public Map<String, String> runtimeProperties() {
                return runtime;
            }
        };
    }

    static Result<List<FaceAnalysis>> analyze(AttributeModels models, FaceImage image) {
        Raster raster;
        try {
            raster = image.raster();
        } catch (ImageDecodeException e) {
            return Result.failure(e.toFailure());
        }
        double[] features = FaceFeatures.extract(raster);
        if (features == null) {
            return Result.success(List.of());
        }
        double[] z = models.standardise(features);
        List<AttributeEstimate> estimates = new ArrayList<>();
        for (Map.Entry<String, AttributeModels.Classifier> e : models.classifiers().entrySet()) {
            AttributeModels.Classifier c = e.getValue();
            double p = c.probability(z);
            Attribute attribute = Attribute.standard(e.getKey());
            estimates.add(p >= 0.5 ? AttributeEstimate.label(attribute, c.positive(), p)
                    : AttributeEstimate.label(attribute, c.negative(), 1 - p));
        }
        AttributeModels.Regressor age = models.age();
        estimates.add(AttributeEstimate.value(Attribute.AGE, age.estimate(z), age.confidence()));
        return Result.success(List.of(FaceAnalysis.of(new BoundingBox(0, 0, raster.width(), raster.height()), 1.0,
                estimates)));
    }
}
