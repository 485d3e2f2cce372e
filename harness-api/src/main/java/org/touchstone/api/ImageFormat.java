package org.touchstone.api;

import java.util.Locale;
import java.util.Optional;

/** The encoding of an image's bytes. */
public enum ImageFormat {
    /** Portable Network Graphics (lossless). */
    PNG("png"),
    /** JPEG (lossy). */
    JPEG("jpg", "jpeg"),
    /** Windows bitmap. */
    BMP("bmp"),
    /** Graphics Interchange Format. */
    GIF("gif");

    private final String[] extensions;

    ImageFormat(String... extensions) {
        this.extensions = extensions;
    }

    /**
     * The format a file name's extension denotes.
     *
     * @param fileName a file name or path, such as {@code "faces/001.png"}
     * @return the format, or empty if the extension is not one of the supported formats
     */
    public static Optional<ImageFormat> fromFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (ImageFormat format : values()) {
            for (String candidate : format.extensions) {
                if (candidate.equals(ext)) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }
}
