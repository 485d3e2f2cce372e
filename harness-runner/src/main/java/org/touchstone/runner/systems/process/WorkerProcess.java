package org.touchstone.runner.systems.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.touchstone.api.FailureCode;
import org.touchstone.runner.systems.wire.FramingException;
import org.touchstone.runner.systems.wire.WorkerProtocol;
import org.touchstone.runner.systems.wire.FrameCodec;
import org.touchstone.runner.systems.wire.Frame;

/**
 * One worker process: the harness's end of its stdin and stdout, a deadline on every call, and the
 * diagnosis of how a call failed. Used by one thread at a time (the {@link WorkerPool} sees to it).
 *
 * <p>A deadline is enforced by a watchdog that kills the process (and its descendants) when it
 * expires; the blocked read then ends and the call is recorded as {@code TIMEOUT}. This costs no thread
 * hand-off per call, which matters when a comparison takes microseconds.
 */
final class WorkerProcess {
    private final int slot;
    private final Process process;
    private final OutputStream toWorker;
    private final DataInputStream fromWorker;
    private final ScheduledExecutorService watchdog;
    private volatile boolean timedOut;
    private long nextId = 1;

    private WorkerProcess(int slot, Process process, ScheduledExecutorService watchdog) {
        this.slot = slot;
        this.process = process;
        this.toWorker = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        this.fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        this.watchdog = watchdog;
    }

    /**
     * Launches a worker process.
     *
     * @param config   how to launch it
     * @param slot     its number in the pool, for messages and its log file
     * @param stderr   the file its stderr is appended to, or empty to share the harness's stderr
     * @param watchdog the scheduler that enforces deadlines
     * @param sealing  whether to seal it off ({@link WorkerSealing})
     * @param scratch  the one folder it may write when sealed
     * @return the running worker, before any handshake
     * @throws IOException if the program cannot be started
     */
    static WorkerProcess launch(ProcessSystemConfig config, int slot, Optional<Path> stderr, ScheduledExecutorService watchdog,
                                org.touchstone.runner.systems.SystemArtifact.Sealing sealing, Path scratch)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(WorkerSealing.command(sealing, config, scratch))
                .directory(config.directory().toFile());
        builder.environment().putAll(config.environment());
        builder.redirectError(stderr.map(file -> ProcessBuilder.Redirect.appendTo(file.toFile()))
                .orElse(ProcessBuilder.Redirect.INHERIT));
        try {
            return new WorkerProcess(slot, builder.start(), watchdog);
        } catch (IOException e) {
            throw new IOException("could not start worker " + slot + " (" + String.join(" ", config.command()) + " in "
                    + config.directory() + "): " + e.getMessage(), e);
        }
    }

    /** @return a description for messages, e.g. {@code worker 2 (pid 4711)} */
    String label() {
        return "worker " + slot + " (pid " + process.pid() + ")";
    }

    /**
     * Sends a request and waits for its reply.
     *
     * @param header the request header (its {@code id} is set here)
     * @param blobs  the request's blobs
     * @param limit  the deadline
     * @return the reply, whose id matches
     * @throws WorkerFault if the worker timed out, died or wrote garbage; it must then be discarded
     */
    Frame call(ObjectNode header, List<byte[]> blobs, Duration limit) throws WorkerFault {
        long id = nextId++;
        header.put("id", id);
        timedOut = false;
        ScheduledFuture<?> alarm = watchdog.schedule(this::expire, limit.toNanos(), TimeUnit.NANOSECONDS);
        Frame reply;
        try {
            FrameCodec.write(toWorker, new Frame(header, blobs));
            reply = FrameCodec.read(fromWorker);
        } catch (FramingException e) {
            alarm.cancel(false);
            if (timedOut) {
                throw timeout(header, limit, e);
            }
            if (e.truncated()) {
                throw new WorkerFault(FailureCode.SYSTEM_CRASHED, label() + " stopped in the middle of a reply to '"
                        + header.path("op").asText() + "': " + exitDescription(), e);
            }
            throw new WorkerFault(FailureCode.INVALID_OUTPUT, label() + " broke the framing of its reply to '"
                    + header.path("op").asText() + "': " + e.getMessage(), e);
        } catch (IOException e) {
            alarm.cancel(false);
            if (timedOut) {
                throw timeout(header, limit, e);
            }
            throw new WorkerFault(FailureCode.SYSTEM_CRASHED, label() + " died during '" + header.path("op").asText()
                    + "': " + exitDescription(), e);
        }
        if (!alarm.cancel(false) || timedOut) {
            // The reply raced the deadline and lost: the watchdog is killing the worker.
            throw timeout(header, limit, null);
        }
        JsonNode replyId = reply.header().get("id");
        if (replyId == null || replyId.asLong(-1) != id) {
            throw new WorkerFault(FailureCode.INVALID_OUTPUT, label() + " answered request " + id + " with id "
                    + replyId + ": it is out of step with the protocol", null);
        }
        return reply;
    }

    /**
     * @return true when the worker wrote bytes nobody asked for (after its last reply); its stream can no
     *         longer be trusted
     */
    boolean hasUnsolicitedOutput() {
        try {
            return fromWorker.available() > 0;
        } catch (IOException e) {
            return true;
        }
    }

    private WorkerFault timeout(ObjectNode header, Duration limit, Throwable cause) {
        return new WorkerFault(FailureCode.TIMEOUT, "'" + header.path("op").asText() + "' did not answer within "
                + seconds(limit) + "; " + label() + " was killed", cause);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    private void expire() {
        timedOut = true;
        kill();
    }

    /** Kills the process and everything it started, without waiting. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** @return how the process ended, waiting briefly for it to do so */
    String exitDescription() {
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                kill();
                return "it closed its stdout but kept running, so it was killed";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting for it to exit";
        }
        int status = process.exitValue();
        return status > 128 ? "it was killed by signal " + (status - 128) + " (exit status " + status + ")"
                : "it exited with status " + status;
    }

    /**
     * Asks the worker to close, then makes sure it is gone.
     *
     * @param limit how long to wait for its reply and exit
     */
    void close(Duration limit) {
        if (process.isAlive()) {
            try {
                call(closeRequest(), List.of(), limit);
            } catch (WorkerFault e) {
                // It is being replaced or shut down; how it ends does not matter any more.
            }
            try {
                toWorker.close();
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    kill();
                }
            } catch (IOException e) {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }

    private static ObjectNode closeRequest() {
        ObjectNode h = org.touchstone.runner.systems.wire.WireJson.object();
        h.put("op", WorkerProtocol.CLOSE);
        return h;
    }
}
