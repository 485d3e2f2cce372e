package org.touchstone.runner.engine.prepare;

import java.io.Serializable;
import org.touchstone.protocols.dataset.ImageCheck;
import org.touchstone.runner.systems.guard.TemplateMaker;

/**
 * The size limits of a run, recorded in run.json's {@code execution}: the largest image the dataset may give
 * (pixels declared in its header; a larger one is the dataset's failure to acquire, never decoded) and the
 * largest template a system may make (a larger one is the system's failure {@code TEMPLATE_TOO_LARGE}).
 *
 * @param maxTemplateBytes the largest template, in bytes (default 1 MiB, {@code run --max-template-bytes})
 * @param maxImagePixels   the largest width x height (default 50,000,000, {@code run --max-pixels})
 */
public record RunLimits(long maxTemplateBytes, long maxImagePixels) implements Serializable {
    /** The defaults: 1 MiB templates, 50,000,000-pixel images. */
    public static final RunLimits DEFAULT = new RunLimits(TemplateMaker.DEFAULT_MAX_TEMPLATE_BYTES,
            ImageCheck.DEFAULT_MAX_PIXELS);

    /** Both limits must be at least 1. */
    public RunLimits {
        if (maxTemplateBytes < 1) {
            throw new IllegalArgumentException("--max-template-bytes must be at least 1, was " + maxTemplateBytes);
        }
        if (maxImagePixels < 1) {
            throw new IllegalArgumentException("--max-pixels must be at least 1, was " + maxImagePixels);
        }
    }
}
