package org.touchstone.runner.engine.stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.touchstone.api.FaceImage;
import org.touchstone.api.ImageFormat;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.Sample;

/**
 * Reads a dataset's images as the SPI hands them to systems: the file's exact bytes and their format; for
 * a procedural dataset, the image rendered now (the bytes its file would hold), so that a million images
 * need no files. Safe to call from many threads.
 */
public final class DatasetImages {
    private DatasetImages() {
    }

    /**
     * @param manifest the dataset
     * @param sample   one of its samples
     * @return the image, with the sample id as its id
     * @throws UncheckedIOException if the file cannot be read (it was there when the manifest was checked)
     */
    public static FaceImage load(DatasetManifest manifest, Sample sample) {
        try {
            return new FaceImage(sample.sampleId(), format(sample), manifest.readImage(sample));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + manifest.resolve(sample) + " of sample "
                    + sample.sampleId(), e);
        }
    }

    /**
     * @param sample a sample of a validated manifest
     * @return its image's format, from the file name
     */
    public static ImageFormat format(Sample sample) {
        return ImageFormat.fromFileName(sample.path()).orElseThrow(
                () -> new IllegalStateException("manifest validation let through " + sample.path()));
    }
}
