package org.touchstone.api;

import java.util.List;

/**
 * Facial analysis: what attributes does each face in an image show? Implement this to offer
 * {@link Capability#ANALYSIS}. Analysis is not recognition: nothing here says who a person is, and the
 * harness never uses an analysis result as a recognition score.
 */
public interface AttributeAnalyzer {
    /**
     * Analyses every face in one image.
     *
     * @param image the image
     * @return one {@link FaceAnalysis} per face found, largest or most confident first; an empty list
     *         when no face was found (recorded as a failure to acquire); or a failure
     */
    Result<List<FaceAnalysis>> analyze(FaceImage image);
}
