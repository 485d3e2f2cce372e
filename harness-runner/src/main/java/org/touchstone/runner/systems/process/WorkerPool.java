package org.touchstone.runner.systems.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.runner.systems.CallLimits;
import org.touchstone.runner.systems.SystemFault;
import org.touchstone.runner.systems.wire.MalformedMessageException;
import org.touchstone.runner.systems.wire.WireJson;
import org.touchstone.runner.systems.wire.WorkerProtocol;
import org.touchstone.runner.systems.wire.Frame;

/**
 * A fixed number of worker processes shared by the harness's threads. A call takes any idle worker,
 * runs under its operation's deadline and gives the worker back. A worker that timed out, died or wrote
 * garbage is killed and started again before the failed call returns, so the next call finds a healthy
 * one; the call itself is recorded with the fault's code. Each worker's stderr is appended to
 * {@code worker-<n>.stderr} in the log directory, with a line from the harness whenever it is replaced.
 *
 * <p>If a worker cannot be started {@value #MAX_CONSECUTIVE_START_FAILURES} times in a row, the pool
 * gives up: every later call fails at once with {@code SYSTEM_CRASHED}, rather than the run spending a
 * start-up deadline on each.
 */
final class WorkerPool implements AutoCloseable {
    static final int MAX_CONSECUTIVE_START_FAILURES = 3;

    private final ProcessSystemConfig config;
    private final org.touchstone.runner.systems.SystemArtifact.Sealing sealing;
    private final SystemDescriptor expected;
    private final CallLimits limits;
    private final Optional<Path> configDirectory;
    private final Path workingDirectory;
    private final Optional<Path> logDirectory;
    private final Slot[] slots;
    private final Semaphore idle;
    private final ScheduledExecutorService watchdog;
    private final AtomicInteger consecutiveStartFailures = new AtomicInteger();
    private volatile String broken;
    private volatile Map<String, String> runtimeProperties = Map.of();

    /** One place in the pool, and the worker currently filling it. */
    static final class Slot {
        final int number;
        final ReentrantLock lock = new ReentrantLock();
        WorkerProcess worker;
        long generation;

        Slot(int number) {
            this.number = number;
        }
    }

    /** A worker held by one thread for a sequence of calls. */
    final class Lease {
        private final Slot slot;

        private Lease(Slot slot) {
            this.slot = slot;
        }

        /**
         * @param header request header
         * @param blobs  request blobs
         * @param op     whose deadline applies
         * @return the reply
         * @throws WorkerFault if the worker must be replaced
         */
        Frame call(ObjectNode header, List<byte[]> blobs, CallLimits.Operation op) throws WorkerFault {
            return slot.worker.call(header, blobs, limits.of(op));
        }

        /** @return the slot's number */
        int slot() {
            return slot.number;
        }

        /** @return how many times the slot's worker has been replaced; state kept in a worker dies with it */
        long generation() {
            return slot.generation;
        }
    }

    /** Work done with one worker. */
    @FunctionalInterface
    interface Task<T> {
        T run(Lease lease) throws WorkerFault;
    }

    /**
     * Starts the workers, in parallel.
     *
     * @param config           how to launch them
     * @param expected         the descriptor every worker must announce
     * @param limits           deadlines
     * @param size             number of workers
     * @param firstSlot        numbers slots from here on (the provider numbers all its pools' workers)
     * @param configDirectory  the configuration folder handed to {@code open}
     * @param workingDirectory where each worker gets its own working folder
     * @param logDirectory     where stderr goes, or empty to share the harness's stderr
     * @param sealing          whether the workers run sealed off, writing only under {@code workingDirectory}
     *                         (their own folders and the galleries' folders the harness hands them)
     * @throws FaceSystemException if a worker cannot start or its system cannot open
     */
    WorkerPool(ProcessSystemConfig config, SystemDescriptor expected, CallLimits limits, int size, IntSupplier firstSlot,
               Optional<Path> configDirectory, Path workingDirectory, Optional<Path> logDirectory,
               org.touchstone.runner.systems.SystemArtifact.Sealing sealing)
            throws FaceSystemException {
        this.config = config;
        this.sealing = sealing;
        this.expected = expected;
        this.limits = limits;
        this.configDirectory = configDirectory;
        this.workingDirectory = workingDirectory;
        this.logDirectory = logDirectory;
        this.slots = new Slot[size];
        for (int i = 0; i < size; i++) {
            slots[i] = new Slot(firstSlot.getAsInt());
        }
        this.idle = new Semaphore(size, true);
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "touchstone-worker-watchdog");
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        this.watchdog = scheduler;
        startAll();
    }

    private void startAll() throws FaceSystemException {
        ExecutorService starters = Executors.newFixedThreadPool(Math.min(slots.length, 8));
        try {
            List<Future<?>> started = new ArrayList<>();
            for (Slot slot : slots) {
                started.add(starters.submit(() -> {
                    start(slot);
                    return null;
                }));
            }
            for (Future<?> f : started) {
                f.get();
            }
        } catch (ExecutionException e) {
            close();
            if (e.getCause() instanceof FaceSystemException fse) {
                throw fse;
            }
            throw new FaceSystemException(FailureCode.SYSTEM_CRASHED, String.valueOf(e.getCause().getMessage()),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new FaceSystemException(FailureCode.SYSTEM_CRASHED, "interrupted while starting workers", e);
        } finally {
            starters.shutdownNow();
        }
    }

    /** @return what the system reported when its first worker opened */
    Map<String, String> runtimeProperties() {
        return runtimeProperties;
    }

    /**
     * @param task work for any idle worker
     * @param <T>  what it produces
     * @return what it produced
     * @throws SystemFault if the worker failed (it has been replaced) or none can be started
     */
    <T> T withAnyWorker(Task<T> task) {
        String gaveUp = broken;
        if (gaveUp != null) {
            throw new SystemFault(FailureCode.SYSTEM_CRASHED, gaveUp);
        }
        idle.acquireUninterruptibly();
        Slot slot = null;
        try {
            while (slot == null) {
                for (Slot s : slots) {
                    if (s.lock.tryLock()) {
                        slot = s;
                        break;
                    }
                }
                if (slot == null) {
                    Thread.onSpinWait();
                }
            }
            return use(slot, task);
        } finally {
            if (slot != null) {
                slot.lock.unlock();
            }
            idle.release();
        }
    }

    /**
     * @param slotNumber the slot whose worker must do the work (it holds some state)
     * @param task       the work
     * @param <T>        what it produces
     * @return what it produced
     * @throws SystemFault if the worker failed (it has been replaced) or cannot be started
     */
    <T> T withWorker(int slotNumber, Task<T> task) {
        Slot slot = null;
        for (Slot s : slots) {
            if (s.number == slotNumber) {
                slot = s;
            }
        }
        if (slot == null) {
            throw new IllegalArgumentException("no worker slot " + slotNumber);
        }
        idle.acquireUninterruptibly();
        slot.lock.lock();
        try {
            return use(slot, task);
        } finally {
            slot.lock.unlock();
            idle.release();
        }
    }

    private <T> T use(Slot slot, Task<T> task) {
        if (slot.worker != null && slot.worker.hasUnsolicitedOutput()) {
            replace(slot, "it wrote to its stdout between calls, so its stream can no longer be trusted");
        }
        if (slot.worker == null) {
            try {
                start(slot);
            } catch (FaceSystemException e) {
                throw new SystemFault(FailureCode.SYSTEM_CRASHED, e.getMessage(), e);
            }
        }
        try {
            return task.run(new Lease(slot));
        } catch (WorkerFault fault) {
            replace(slot, fault.code() + ": " + fault.getMessage());
            throw fault.toSystemFault();
        }
    }

    /** Kills a slot's worker, notes why in its log, and starts a new one (a failed start is left to the next call). */
    private void replace(Slot slot, String reason) {
        WorkerProcess old = slot.worker;
        slot.worker = null;
        slot.generation++;
        if (old != null) {
            old.kill();
            String exit = old.exitDescription();
            log(slot, old.label() + " replaced after " + reason + (reason.contains(exit) ? "" : " (" + exit + ")"));
        }
        try {
            start(slot);
        } catch (FaceSystemException e) {
            // The next call on this slot tries again, and gives up for good after repeated failures.
        }
    }

    private void start(Slot slot) throws FaceSystemException {
        String gaveUp = broken;
        if (gaveUp != null) {
            throw new FaceSystemException(FailureCode.SYSTEM_CRASHED, gaveUp);
        }
        WorkerProcess worker = null;
        try {
            Optional<Path> stderr = Optional.empty();
            if (logDirectory.isPresent()) {
                Files.createDirectories(logDirectory.get());
                stderr = Optional.of(logDirectory.get().resolve("worker-" + slot.number + ".stderr"));
            }
            Path work = Files.createDirectories(workingDirectory.resolve("worker-" + slot.number));
            worker = WorkerProcess.launch(config, slot.number, stderr, watchdog, sealing, workingDirectory);
            handshake(worker);
            Map<String, String> properties = open(worker, work);
            if (runtimeProperties.isEmpty()) {
                runtimeProperties = properties;
            }
            slot.worker = worker;
            consecutiveStartFailures.set(0);
        } catch (IOException | WorkerFault | FaceSystemException e) {
            if (worker != null) {
                worker.kill();
                log(slot, worker.label() + " failed to start: " + e.getMessage() + " (" + worker.exitDescription() + ")");
            }
            FailureCode code = e instanceof FaceSystemException fse ? fse.code() : FailureCode.SYSTEM_CRASHED;
            String message = "worker " + slot.number + " could not be started: " + e.getMessage();
            if (consecutiveStartFailures.incrementAndGet() >= MAX_CONSECUTIVE_START_FAILURES) {
                broken = "gave up on the system's workers after " + MAX_CONSECUTIVE_START_FAILURES
                        + " failed starts in a row; last: " + message;
            }
            throw new FaceSystemException(code, message, e);
        }
    }

    private void handshake(WorkerProcess worker) throws WorkerFault, FaceSystemException {
        ObjectNode hello = WireJson.object();
        hello.put("op", WorkerProtocol.HELLO);
        hello.putArray("versions").add(WorkerProtocol.VERSION);
        hello.put("harness", org.touchstone.runner.systems.HarnessVersion.get());
        Frame reply = worker.call(hello, List.of(), limits.of(CallLimits.Operation.STARTUP));
        JsonNode result = reply.header().get("result");
        if (result == null || result.path("protocol").asInt(-1) != WorkerProtocol.VERSION) {
            throw new FaceSystemException(FailureCode.INVALID_OUTPUT, worker.label() + " did not complete the handshake"
                    + " for protocol version " + WorkerProtocol.VERSION + ": " + reply.header());
        }
        SystemDescriptor announced;
        try {
            announced = WireJson.parseDescriptor(result.get("descriptor"));
        } catch (MalformedMessageException e) {
            throw new FaceSystemException(FailureCode.INVALID_OUTPUT, worker.label() + " announced an invalid"
                    + " descriptor: " + e.getMessage(), e);
        }
        if (!WireJson.descriptor(expected).equals(WireJson.descriptor(announced))) {
            throw new FaceSystemException(FailureCode.INVALID_OUTPUT, worker.label() + " announced a different"
                    + " descriptor from the one the system was resolved with");
        }
    }

    private Map<String, String> open(WorkerProcess worker, Path work) throws WorkerFault, FaceSystemException {
        ObjectNode open = WireJson.object();
        open.put("op", WorkerProtocol.OPEN);
        if (configDirectory.isPresent()) {
            open.put("config_dir", configDirectory.get().toString());
        } else {
            open.putNull("config_dir");
        }
        open.put("work_dir", work.toString());
        open.put("caller_threads", 1);
        Frame reply = worker.call(open, List.of(), limits.of(CallLimits.Operation.STARTUP));
        try {
            JsonNode h = reply.header();
            if (h.has("failure") || h.has("error")) {
                Failure f = WireJson.parseFailure(h.has("failure") ? h.get("failure") : h.get("error"));
                throw new FaceSystemException(f.code(), "the system could not open: " + f.message());
            }
            return WireJson.stringMap(WireJson.objectField(h, "result").get("runtime_properties"), "runtime_properties");
        } catch (MalformedMessageException e) {
            throw new FaceSystemException(FailureCode.INVALID_OUTPUT, worker.label() + " answered 'open' with "
                    + e.getMessage(), e);
        }
    }

    private void log(Slot slot, String line) {
        String text = "touchstone " + Instant.now() + ": " + line + "\n";
        if (logDirectory.isEmpty()) {
            System.err.print(text);
            return;
        }
        try {
            Files.writeString(logDirectory.get().resolve("worker-" + slot.number + ".stderr"), text,
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.print(text);
        }
    }

    /** Closes every worker (politely, then by force) and stops the watchdog. */
    @Override
    public void close() {
        for (Slot slot : slots) {
            slot.lock.lock();
            try {
                if (slot.worker != null) {
                    slot.worker.close(limits.of(CallLimits.Operation.CLOSE));
                    slot.worker = null;
                }
            } finally {
                slot.lock.unlock();
            }
        }
        watchdog.shutdownNow();
    }
}
