package org.touchstone.runner.cli.validate;

import org.touchstone.runner.systems.guard.TemplateMaker;

/**
 * The speed a system must reach to pass {@code touchstone validate}, per operation, measured as medians
 * on one thread. The defaults are NIST FRVT's published limits where it has one (template creation
 * about 1.5 s per image on one core, comparison 0.1 ms); the protocol model has none yet, so they are
 * set here and on the command line.
 *
 * @param templateMillisPerImage  median template-creation time per image
 * @param comparisonMicros        median time per comparison, in batched calls
 * @param searchMillis            median 1:N search time (on the validation's small gallery)
 * @param analysisMillisPerImage  median analysis time per image
 * @param maxTemplateBytes        the largest template, as a run enforces it (not a time: checked by
 *                                {@code TemplateSizeCheck})
 */
public record ValidationLimits(double templateMillisPerImage, double comparisonMicros, double searchMillis,
                               double analysisMillisPerImage, long maxTemplateBytes) {
    /** Every limit must be positive. */
    public ValidationLimits {
        if (!(templateMillisPerImage > 0 && comparisonMicros > 0 && searchMillis > 0 && analysisMillisPerImage > 0)) {
            throw new IllegalArgumentException("time limits must be positive");
        }
        if (maxTemplateBytes < 1) {
            throw new IllegalArgumentException("the template size limit must be at least 1 byte, was "
                    + maxTemplateBytes);
        }
    }

    /**
     * Time limits with a run's default template size limit.
     *
     * @param templateMillisPerImage median template-creation time per image
     * @param comparisonMicros       median time per comparison
     * @param searchMillis           median 1:N search time
     * @param analysisMillisPerImage median analysis time per image
     */
    public ValidationLimits(double templateMillisPerImage, double comparisonMicros, double searchMillis,
                            double analysisMillisPerImage) {
        this(templateMillisPerImage, comparisonMicros, searchMillis, analysisMillisPerImage,
                TemplateMaker.DEFAULT_MAX_TEMPLATE_BYTES);
    }

    /** @return 1,500 ms per template image, 100 us per comparison, 1,000 ms per search, 1,500 ms per analysis */
    public static ValidationLimits frvt() {
        return new ValidationLimits(1500, 100, 1000, 1500);
    }
}
