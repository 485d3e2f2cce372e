package org.touchstone.runner.cli;

import org.touchstone.protocols.dataset.ImageCheck;
import org.touchstone.runner.engine.prepare.RunLimits;
import org.touchstone.runner.systems.guard.TemplateMaker;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --max-template-bytes} and {@code --max-pixels}: a run's size limits, recorded in run.json. */
final class SizeLimitOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private long maxTemplateBytes = TemplateMaker.DEFAULT_MAX_TEMPLATE_BYTES;
    private long maxPixels = ImageCheck.DEFAULT_MAX_PIXELS;

    /** @param bytes the template size limit, validated as picocli parses */
    @Option(names = "--max-template-bytes", paramLabel = "N",
            description = "Largest template a system may make, in bytes (default: " + (1 << 20) + ", 1 MiB). A"
                    + " larger one is the system's failure TEMPLATE_TOO_LARGE and is not kept.")
    void maxTemplateBytes(long bytes) {
        if (bytes < 1) {
            throw new ParameterException(mixee.commandLine(), "--max-template-bytes must be at least 1, was " + bytes);
        }
        this.maxTemplateBytes = bytes;
    }

    /** @param pixels the image pixel limit, validated as picocli parses */
    @Option(names = "--max-pixels", paramLabel = "N",
            description = "Largest image (width x height, as its header declares) given to the system (default: "
                    + ImageCheck.DEFAULT_MAX_PIXELS + "). A larger, empty, undecodable or truncated image is the"
                    + " dataset's failure to acquire (FAILURE_TO_ACQUIRE): the system is not called for it.")
    void maxPixels(long pixels) {
        if (pixels < 1) {
            throw new ParameterException(mixee.commandLine(), "--max-pixels must be at least 1, was " + pixels);
        }
        this.maxPixels = pixels;
    }

    RunLimits limits() {
        return new RunLimits(maxTemplateBytes, maxPixels);
    }
}
