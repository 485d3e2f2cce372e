package org.touchstone.runner.cli;

import org.touchstone.runner.cli.validate.ValidationLimits;
import picocli.CommandLine.Option;

/** The limits of {@code validate}'s timing and template size checks, for the commands that validate. */
final class ValidationLimitOptions {
    @Option(names = "--max-template-ms", paramLabel = "MS", defaultValue = "1500",
            description = "Limit on the median template-creation time per image (default: ${DEFAULT-VALUE}, FRVT's).")
    double maxTemplateMs;

    @Option(names = "--max-comparison-us", paramLabel = "US", defaultValue = "100",
            description = "Limit on the median time per comparison in batched calls (default: ${DEFAULT-VALUE}, FRVT's).")
    double maxComparisonUs;

    @Option(names = "--max-search-ms", paramLabel = "MS", defaultValue = "1000",
            description = "Limit on the median 1:N search time (default: ${DEFAULT-VALUE}).")
    double maxSearchMs;

    @Option(names = "--max-analysis-ms", paramLabel = "MS", defaultValue = "1500",
            description = "Limit on the median analysis time per image (default: ${DEFAULT-VALUE}).")
    double maxAnalysisMs;

    @Option(names = "--max-template-bytes", paramLabel = "N", defaultValue = "1048576",
            description = "Largest template accepted, as 'run --max-template-bytes' enforces it (default:"
                    + " ${DEFAULT-VALUE}, 1 MiB).")
    long maxTemplateBytes;

    ValidationLimits limits() {
        return new ValidationLimits(maxTemplateMs, maxComparisonUs, maxSearchMs, maxAnalysisMs, maxTemplateBytes);
    }
}
