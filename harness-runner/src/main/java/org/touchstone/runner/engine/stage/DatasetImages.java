package org.touchstone.runner.engine.stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.touchstone.api.FaceImage;
import org.touchstone.api.Failure;
import org.touchstone.protocols.dataset.ImageCheck;
import org.touchstone.protocols.dataset.ImageSource;
import org.touchstone.runformat.columns.TemplatesCsv;

/**
 * Reads a dataset's images for a call to the system, and decides which images the system must never be
 * given: one the dataset lacks, or one that is empty, undecodable, truncated or declares more pixels than
 * the run's pixel limit ({@link ImageCheck}). Either is the dataset's failure to acquire
 * ({@link TemplatesCsv#MISSING_IMAGE_CODE}), recorded without calling the system, so that a corrupt file is
 * never charged to the system as its {@code PARSE_ERROR} or {@code MEMORY_ERROR}.
 */
public final class DatasetImages {
    /**
     * The default pixel limit of a run ({@code run --max-pixels}), the same as {@code dataset check}'s: an image
     * declaring more is refused from its header, before anything decodes it.
     */
    public static final long MAX_PIXELS = ImageCheck.DEFAULT_MAX_PIXELS;

    private DatasetImages() {
    }

    /**
     * The images of one call, or why the dataset cannot supply them.
     *
     * @param images  the images, in the order given; empty when {@code failure} is set
     * @param failure the dataset's failure to acquire, or null
     */
    public record Acquired(List<FaceImage> images, Failure failure) {
        /** @return true when the system may be called with {@link #images()} */
        public boolean ok() {
            return failure == null;
        }
    }

    /**
     * Reads and checks the images of one call.
     *
     * @param sources   where the images come from
     * @param maxPixels the run's pixel limit ({@link #MAX_PIXELS} unless set)
     * @return the images, or the dataset's failure naming every missing or unreadable sample
     * @throws UncheckedIOException if a file cannot be read or no longer has its manifest's hash (the dataset
     *                              changed during the run: not a failure to acquire, the run stops)
     */
    public static Acquired acquire(List<ImageSource> sources, long maxPixels) {
        List<ImageSource> lacking = sources.stream().filter(ImageSource::missing).toList();
        if (!lacking.isEmpty()) {
            return new Acquired(List.of(), new Failure(TemplatesCsv.MISSING_IMAGE_CODE, TemplatesCsv.MISSING_IMAGE_MESSAGE
                    + " " + lacking.stream().map(ImageSource::sampleId).collect(Collectors.joining(", "))));
        }
        List<FaceImage> images = new ArrayList<>(sources.size());
        List<String> unreadable = new ArrayList<>();
        for (ImageSource source : sources) {
            byte[] bytes;
            try {
                bytes = source.bytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Optional<ImageCheck.Problem> problem = source.check(bytes, maxPixels);
            if (problem.isPresent()) {
                unreadable.add(source.sampleId() + " " + problem.get());
            } else if (unreadable.isEmpty()) {
                images.add(new FaceImage(source.sampleId(), source.format(), bytes));
            }
        }
        if (!unreadable.isEmpty()) {
            return new Acquired(List.of(), new Failure(TemplatesCsv.MISSING_IMAGE_CODE,
                    TemplatesCsv.BAD_IMAGE_MESSAGE + " " + String.join("; ", unreadable)));
        }
        return new Acquired(List.copyOf(images), null);
    }
}
