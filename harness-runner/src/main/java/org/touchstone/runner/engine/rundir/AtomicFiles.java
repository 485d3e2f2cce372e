package org.touchstone.runner.engine.rundir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a file under its final name is always complete: content goes to a temporary
 * sibling first and is renamed into place only when fully written.
 */
public final class AtomicFiles {
    /** Suffix of files still being written; never mistaken for a result. */
    public static final String PARTIAL_SUFFIX = ".partial";

    private AtomicFiles() {
    }

    /** Writes content to a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out the stream to write to; closed by the caller
         * @throws IOException on failure
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * @param target  the final file
     * @param content what to write
     * @throws IOException if writing fails; the target is then untouched
     */
    public static void write(Path target, Content content) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve(target.getFileName() + PARTIAL_SUFFIX);
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                content.writeTo(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /**
     * A file being written: its content goes to a temporary sibling, which {@link #commit()} renames into
     * place. Closing without committing deletes the temporary file, so an interrupted write leaves no
     * file under the final name. Use it when several files are written side by side.
     */
    public static final class Output extends java.io.FilterOutputStream {
        private final Path target;
        private final Path tmp;
        private boolean closed;

        private Output(Path target, Path tmp) throws IOException {
            super(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16));
            this.target = target;
            this.tmp = tmp;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        /**
         * Closes the stream and moves the file into place.
         *
         * @throws IOException if it cannot be moved
         */
        public void commit() throws IOException {
            super.close();
            closed = true;
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        /** Without a prior {@link #commit()}: discards the partial file. */
        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                try {
                    super.close();
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
        }
    }

    /**
     * @param target the final file
     * @return a stream to write it through; call {@link Output#commit()} when complete
     * @throws IOException if the temporary file cannot be created
     */
    public static Output open(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return new Output(target, parent.resolve(target.getFileName() + PARTIAL_SUFFIX));
    }

    /**
     * @param target the final file
     * @param bytes  its complete content
     * @throws IOException if writing fails
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }
}
