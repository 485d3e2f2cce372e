package org.touchstone.runner.engine.checkpoint;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.touchstone.runformat.io.AtomicFiles;

/**
 * A file of the run directory written in order, unit of work by unit of work, that a resumed run
 * continues from its last complete unit. The content goes to {@code NAME.partial}; after each unit the
 * writer {@linkplain #commit commits}: the bytes are flushed and the file's length is logged together
 * with the writer's own state (for example the next row of the plan and running counts). On resume the
 * file is cut back to the last committed length, so half a unit is never kept, and the writer gets its
 * state back. {@link #finish} renames the file into place: a file under its final name is complete.
 *
 * <p>Not thread safe: one writer, which is how ordered outputs are written anyway.
 */
public final class ResumableOutput implements AutoCloseable {
    private final Path target;
    private final Path partial;
    private final RecordLog log;
    private final FileChannel channel;
    private final OutputStream stream;
    private final Optional<byte[]> state;
    private final boolean finished;

    private ResumableOutput(Path target, Path partial, RecordLog log, FileChannel channel, Optional<byte[]> state,
                            boolean finished) {
        this.target = target;
        this.partial = partial;
        this.log = log;
        this.channel = channel;
        this.state = state;
        this.finished = finished;
        this.stream = channel == null ? null : new FilterOutputStream(
                new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                // The output owns the file; printers wrapped around the stream may close it freely.
                flush();
            }
        };
    }

    /**
     * Opens an output for writing or resuming.
     *
     * @param target  the file's final name
     * @param logFile the checkpoint log recording its commits
     * @return the output, positioned after the last committed unit
     * @throws IOException if the files cannot be read or written
     */
    static ResumableOutput open(Path target, Path logFile) throws IOException {
        Path partial = AtomicFiles.partialFile(target);
        RecordLog log = RecordLog.open(logFile);
        try {
            List<byte[]> commits = log.recovered();
            Commit last = commits.isEmpty() ? null : Commit.decode(commits.get(commits.size() - 1));
            if (last != null && last.finished()) {
                if (Files.isRegularFile(partial) && Files.size(partial) >= last.length()) {
                    truncate(partial, last.length());
                    AtomicFiles.moveIntoPlace(partial, target);
                }
                if (Files.isRegularFile(target) && Files.size(target) == last.length()) {
                    return new ResumableOutput(target, partial, log, null, Optional.of(last.state()), true);
                }
                last = null;
            }
            Files.deleteIfExists(target);
            FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long keep = 0;
            if (last != null && channel.size() >= last.length()) {
                keep = last.length();
            } else {
                last = null;
            }
            if (last == null && !commits.isEmpty()) {
                log.reset();
            }
            channel.truncate(keep);
            channel.position(keep);
            return new ResumableOutput(target, partial, log, channel, Optional.ofNullable(last).map(Commit::state),
                    false);
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
    }

    private static void truncate(Path file, long length) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.truncate(length);
        }
    }

    /** @return the writer's state at the last commit, or empty when starting afresh */
    public Optional<byte[]> committedState() {
        return state;
    }

    /** @return true when the file was already finished: nothing is left to write */
    public boolean isFinished() {
        return finished;
    }

    /**
     * Reads back what was committed, for a writer that rebuilds its state from its own output.
     *
     * @return the committed bytes, from the start of the file; the caller closes it
     * @throws IOException if the file cannot be read
     */
    public java.io.InputStream committedContent() throws IOException {
        if (finished) {
            return Files.newInputStream(target);
        }
        stream.flush();
        long length = channel.position();
        return new java.io.BufferedInputStream(new java.io.FilterInputStream(Files.newInputStream(partial)) {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(buffer, offset, (int) Math.min(count, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        }, 1 << 16);
    }

    /**
     * @return the stream to write the next units to; closing it only flushes
     * @throws IllegalStateException if the output is finished
     */
    public OutputStream stream() {
        if (stream == null) {
            throw new IllegalStateException(target + " is already complete");
        }
        return stream;
    }

    /**
     * Marks everything written so far as complete, with the writer's state at this point.
     *
     * @param writerState what the writer needs to continue from here
     * @throws IOException if it cannot be written
     */
    public void commit(byte[] writerState) throws IOException {
        stream().flush();
        log.append(new Commit(channel.position(), false, writerState).encode());
    }

    /**
     * Completes the file and renames it into place.
     *
     * @param writerState the writer's final state, returned by {@link #committedState()} to a resumed run
     * @throws IOException if it cannot be written or renamed
     */
    public void finish(byte[] writerState) throws IOException {
        stream().flush();
        channel.force(false);
        long length = channel.position();
        log.append(new Commit(length, true, writerState).encode());
        channel.close();
        AtomicFiles.moveIntoPlace(partial, target);
    }

    @Override
    public void close() throws IOException {
        try {
            if (channel != null && channel.isOpen()) {
                stream.flush();
                channel.close();
            }
        } finally {
            log.close();
        }
    }

    /** One log record: the file's length at a commit, whether it is the last, and the writer's state. */
    private record Commit(long length, boolean finished, byte[] state) {
        byte[] encode() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + state.length);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeLong(length);
            out.writeBoolean(finished);
            out.write(state);
            return bytes.toByteArray();
        }

        static Commit decode(byte[] record) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(record));
            long length = in.readLong();
            boolean finished = in.readBoolean();
            return new Commit(length, finished, in.readAllBytes());
        }
    }
}
