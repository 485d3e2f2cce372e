package org.touchstone.protocols.dataset;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Whether a dataset's image is one a system can be fairly given: not empty, in a format the JDK decodes,
 * no larger than a pixel limit, and decodable to its last row. The size an image declares is read from its
 * header first, so an image declaring 30000 x 30000 pixels is refused without decoding it (which would take
 * gigabytes). A truncated JPEG, which the JDK decodes grey below the cut with only a warning, is refused
 * by that warning.
 *
 * <p>An image that fails here is the dataset's failure to acquire, never the system's failure.
 */
public final class ImageCheck {
    /**
     * The default pixel limit: 50 million pixels (e.g. 7071 x 7071), far above any face image and small
     * enough that decoding one takes at most a few hundred MB.
     */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    /** What is wrong with an image. */
    public enum Kind {
        /** A file of zero bytes. */
        EMPTY,
        /** Not an image the JDK can read, or corrupt from its header on. */
        UNDECODABLE,
        /** Its header reads, but its pixel data ends early or is corrupt. */
        TRUNCATED,
        /** It declares more pixels than the limit. */
        OVERSIZED;

        /** @return the kind as written in messages, e.g. {@code truncated} */
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A problem found.
     *
     * @param kind   what kind
     * @param detail what was found, for people
     */
    public record Problem(Kind kind, String detail) {
        @Override
        public String toString() {
            return kind.text() + ": " + detail;
        }
    }

    private ImageCheck() {
    }

    /**
     * @param bytes     an image file's bytes
     * @param maxPixels the largest width x height accepted, at least 1
     * @return the problem, or empty when the image decodes completely within the limit
     */
    public static Optional<Problem> check(byte[] bytes, long maxPixels) {
        return decode(bytes, maxPixels).problem();
    }

    /**
     * An image decoded under the checks of {@link #check}, or what is wrong with it.
     *
     * @param image   the decoded pixels, when there is no problem
     * @param problem the problem, when there is one
     */
    public record Decoded(Optional<BufferedImage> image, Optional<Problem> problem) {
    }

    /**
     * Decodes an image with the checks of {@link #check}, for a caller that needs the pixels too (an importer
     * cropping faces out of full frames): the pixel limit is applied from the header, before any decoding.
     *
     * @param bytes     an image file's bytes
     * @param maxPixels the largest width x height accepted, at least 1
     * @return the pixels, or the problem
     */
    public static Decoded decode(byte[] bytes, long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("the pixel limit must be at least 1, was " + maxPixels);
        }
        if (bytes.length == 0) {
            return failed(new Problem(Kind.EMPTY, "the file is empty (0 bytes)"));
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return failed(new Problem(Kind.UNDECODABLE, "not a PNG, JPEG, BMP or GIF image ("
                        + bytes.length + " bytes)"));
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width;
                long height;
                try {
                    width = reader.getWidth(0);
                    height = reader.getHeight(0);
                } catch (IOException | RuntimeException e) {
                    return failed(new Problem(Kind.UNDECODABLE, "its " + reader.getFormatName()
                            + " header cannot be read: " + e.getMessage()));
                }
                if (width * height > maxPixels) {
                    return failed(new Problem(Kind.OVERSIZED, "it declares " + width + " x " + height + " = "
                            + width * height + " pixels, above the limit of " + maxPixels + " pixels"));
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image;
                try {
                    image = reader.read(0);
                } catch (IOException | RuntimeException e) {
                    return failed(new Problem(Kind.TRUNCATED, "its " + reader.getFormatName() + " pixel data"
                            + " cannot be decoded: " + message(e)));
                }
                if (!warnings.isEmpty()) {
                    return failed(new Problem(Kind.TRUNCATED, "its " + reader.getFormatName() + " pixel data"
                            + " is incomplete or corrupt: " + String.join("; ", warnings)));
                }
                return new Decoded(Optional.of(image), Optional.empty());
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return failed(new Problem(Kind.UNDECODABLE, message(e)));
        }
    }

    private static Decoded failed(Problem problem) {
        return new Decoded(Optional.empty(), Optional.of(problem));
    }

    private static String message(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e.getCause() != null && e.getCause().getMessage() != null && e.getCause() != e
                ? message + " (" + e.getCause().getMessage() + ")" : message;
    }
}
