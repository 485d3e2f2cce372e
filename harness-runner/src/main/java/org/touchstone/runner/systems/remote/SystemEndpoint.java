package org.touchstone.runner.systems.remote;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceAnalysis;
import org.touchstone.api.FaceImage;
import org.touchstone.api.Gallery;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Result;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.runner.systems.SystemFault;

/**
 * An opened system on the far side of a boundary (a pool of worker processes, an HTTP service): the
 * SPI's operations, all in one place, each either answering as the system answered or throwing a
 * {@link SystemFault} when the boundary itself failed (timeout, crash, garbage). {@link EndpointFaceSystem}
 * turns an endpoint into the SPI's {@code FaceSystem}, so the runner uses remote systems unchanged.
 *
 * <p>Implementations are safe to call from many threads at once.
 */
public interface SystemEndpoint extends AutoCloseable {
    /**
     * @param images images of one person
     * @param role   the template's role
     * @return the template or the system's failure
     * @throws SystemFault if the call could not complete
     */
    Result<Template> createTemplate(List<FaceImage> images, TemplateRole role);

    /**
     * @param probe      the probe template
     * @param enrolments enrolment templates
     * @return one result per enrolment template, in order
     * @throws SystemFault if the call could not complete or the answer has the wrong length
     */
    List<ComparisonResult> compareMany(Template probe, List<Template> enrolments);

    /**
     * @param entries          the templates to enrol, iterated once
     * @param workingDirectory a folder the harness owns for this gallery
     * @return the gallery or the system's failure
     * @throws SystemFault if the call could not complete
     */
    Result<Gallery> finalizeEnrolment(Iterable<GalleryEntry> entries, Path workingDirectory);

    /**
     * @param image an image
     * @return the faces found or the system's failure
     * @throws SystemFault if the call could not complete
     */
    Result<List<FaceAnalysis>> analyze(FaceImage image);

    /** @return what the system reported about itself when it opened */
    Map<String, String> runtimeProperties();

    /** Releases processes, connections and files. Never throws. */
    @Override
    void close();
}
