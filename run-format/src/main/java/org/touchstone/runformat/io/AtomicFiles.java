package org.touchstone.runformat.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a file under its final name is always complete: the content goes to
 * {@code NAME.partial} beside it and is renamed into place only when fully written. Every writer of a run
 * directory, a dataset manifest or a report uses it, and every reader of a run directory skips
 * {@code *.partial} files (see {@link #isPartial}).
 *
 * <p>The rename is atomic where the file system supports it. Where it does not (some network and FUSE file
 * systems refuse {@code ATOMIC_MOVE}), the file is moved with a plain replace: a reader may then briefly see
 * no file, but never a partial one under the final name.
 */
public final class AtomicFiles {
    /** Suffix of files still being written; never mistaken for a result. */
    public static final String PARTIAL_SUFFIX = ".partial";

    /** Large enough to write efficiently, small enough for many files written side by side. */
    private static final int BUFFER_SIZE = 1 << 16;

    private AtomicFiles() {
    }

    /** Writes content to a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the whole content.
         *
         * @param out the stream to write to; closed by the caller
         * @throws IOException on failure
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a file through a temporary sibling.
     *
     * @param target  the final file; its folder is created if missing
     * @param content what to write
     * @throws IOException if writing fails; the target is then untouched and the temporary file deleted
     */
    public static void write(Path target, Content content) throws IOException {
        Path partial = partialFileOf(target);
        try {
            try (OutputStream out = new BufferedOutputStream(newPartialFile(partial), BUFFER_SIZE)) {
                content.writeTo(out);
            }
            moveIntoPlace(partial, target);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    /**
     * Writes a file whose whole content is at hand.
     *
     * @param target the final file; its folder is created if missing
     * @param bytes  its complete content
     * @throws IOException if writing fails; the target is then untouched
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Opens a file to be written through a temporary sibling, for writers that write several files side by
     * side and commit them together.
     *
     * @param target the final file; its folder is created if missing
     * @return a stream to write it through; call {@link Output#commit()} when complete
     * @throws IOException if the temporary file cannot be created
     */
    public static Output open(Path target) throws IOException {
        return new Output(target, partialFileOf(target));
    }

    /**
     * Renames a complete file into place, atomically where the file system supports it.
     *
     * @param complete the file, fully written, on the same file system as {@code target}
     * @param target   its final name, replaced if it exists
     * @throws IOException if it cannot be moved
     */
    public static void moveIntoPlace(Path complete, Path target) throws IOException {
        try {
            Files.move(complete, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(complete, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The temporary name a file is written under.
     *
     * @param target the final file
     * @return {@code NAME.partial} beside it
     */
    public static Path partialFile(Path target) {
        return target.resolveSibling(target.getFileName() + PARTIAL_SUFFIX);
    }

    /**
     * Whether a file name is that of a file still being written (or left by a writer that was killed).
     *
     * @param fileName a file name or a relative path
     * @return true for {@code *.partial}
     */
    public static boolean isPartial(String fileName) {
        return fileName.endsWith(PARTIAL_SUFFIX);
    }

    /**
     * Creates the temporary file anew: a leftover one (from a killed writer) is removed first, and the new
     * one must not exist, so a {@code NAME.partial} planted as a symbolic link is removed, never written
     * through.
     */
    private static OutputStream newPartialFile(Path partial) throws IOException {
        Files.deleteIfExists(partial);
        return Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private static Path partialFileOf(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        return partialFile(absolute);
    }

    /**
     * A file being written: its content goes to a temporary sibling, which {@link #commit()} renames into
     * place. Closing without committing deletes the temporary file, so an interrupted write leaves no file
     * under the final name.
     */
    public static final class Output extends FilterOutputStream {
        private final Path target;
        private final Path partial;
        private boolean closed;

        private Output(Path target, Path partial) throws IOException {
            super(new BufferedOutputStream(newPartialFile(partial), BUFFER_SIZE));
            this.target = target;
            this.partial = partial;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        /**
         * Closes the stream and moves the file into place.
         *
         * @throws IOException if it cannot be written or moved
         */
        public void commit() throws IOException {
            super.close();
            closed = true;
            moveIntoPlace(partial, target);
        }

        /** Without a prior {@link #commit()}: discards the partial file. */
        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                try {
                    super.close();
                } finally {
                    Files.deleteIfExists(partial);
                }
            }
        }
    }
}
