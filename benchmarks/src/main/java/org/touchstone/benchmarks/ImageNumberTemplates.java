package org.touchstone.benchmarks;

import java.nio.ByteBuffer;
import java.util.List;
import org.touchstone.api.FaceImage;
import org.touchstone.api.Template;

/**
 * The trivial system of the IJB-shaped scale benchmarks (1:1 and 1:N): a template is the subject's number and the
 * first image's number, read from an image name such as {@code 123.jpg}; a score is a hash of the two image
 * numbers, in [0.5, 1) for the same subject and [0, 0.6) otherwise. Continuous scores, as a real system's are: with
 * only 0s and 1s every impostor ties, and the report's streaming score distribution must keep them all.
 */
final class ImageNumberTemplates {
    private ImageNumberTemplates() {
    }

    /**
     * @param images           the template's images, the first one named {@code <number>.<ext>}
     * @param imagesPerSubject images of each subject, numbered consecutively from 1
     * @return 8 bytes: the subject's number, then the image's
     */
    static Template template(List<FaceImage> images, int imagesPerSubject) {
        String id = images.get(0).id();
        int image = Integer.parseInt(id.substring(0, id.indexOf('.')));
        return Template.of(ByteBuffer.allocate(8).putInt((image - 1) / imagesPerSubject).putInt(image).array());
    }

    /**
     * @param enrolment a template of {@link #template}
     * @param probe     another
     * @return the hashed score
     */
    static double score(ByteBuffer enrolment, ByteBuffer probe) {
        long mixed = (enrolment.getInt(4) * 0x9E3779B97F4A7C15L) ^ (probe.getInt(4) * 0xC2B2AE3D27D4EB4FL);
        double u = ((mixed ^ (mixed >>> 29)) * 0xBF58476D1CE4E5B9L >>> 11) / (double) (1L << 53);
        return enrolment.getInt(0) == probe.getInt(0) ? 0.5 + 0.5 * u : 0.6 * u;
    }
}
