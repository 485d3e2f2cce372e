package org.touchstone.runner.systems;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.touchstone.api.Capability;
import org.touchstone.api.Concurrency;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.FailureCode;
import org.touchstone.api.SystemDescriptor;

/**
 * A system opened for one run. It gives the system a read-only copy of its configuration folder (as
 * FRVT does, at a path the system cannot predict) and a scratch folder, opens as many instances as the
 * system's {@link Concurrency} requires, checks that the capabilities it implements are the ones it
 * declares, and closes everything at the end.
 */
public final class OpenedSystem implements AutoCloseable {
    private final FaceSystemProvider provider;
    private final SystemDescriptor descriptor;
    private final Path scratch;
    private final RunSystemContext context;
    private final List<FaceSystem> instances = new CopyOnWriteArrayList<>();
    private final ThreadLocal<FaceSystem> instanceOfThread = new ThreadLocal<>();
    private final FaceSystem shared;

    private OpenedSystem(FaceSystemProvider provider, Path scratch, RunSystemContext context)
            throws FaceSystemException {
        this.provider = provider;
        this.descriptor = provider.descriptor();
        this.scratch = scratch;
        this.context = context;
        this.shared = descriptor.concurrency() == Concurrency.THREAD_SAFE ? openInstance() : null;
    }

    /**
     * Refuses a protocol whose capability the system does not declare, before any work starts.
     *
     * @param descriptor  the system's descriptor
     * @param needed      the capability the protocol tests
     * @param protocolRef the protocol, for the message
     * @throws CapabilityMismatchException naming what is needed and what is offered
     */
    public static void requireCapability(SystemDescriptor descriptor, Capability needed, String protocolRef)
            throws CapabilityMismatchException {
        if (!descriptor.offers(needed)) {
            throw new CapabilityMismatchException("protocol " + protocolRef + " needs capability " + needed
                    + ", but system '" + descriptor.id() + "' offers only " + descriptor.capabilities()
                    + (needed != Capability.ANALYSIS && descriptor.offers(Capability.ANALYSIS)
                    ? "; facial analysis output is never used as a recognition score" : ""));
        }
    }

    /**
     * Opens a system for a run.
     *
     * @param provider      the system
     * @param configSource  the system's configuration folder, copied read-only; empty for none
     * @param needed        the capability the protocol tests
     * @param protocolRef   the protocol, for messages
     * @param callerThreads how many threads will call the system
     * @return the opened system
     * @throws CapabilityMismatchException if the capability is missing or the implementation disagrees
     *                                     with the declaration
     * @throws FaceSystemException         if the system cannot open
     * @throws IOException                 if the scratch folders cannot be made
     */
    public static OpenedSystem open(FaceSystemProvider provider, Optional<Path> configSource, Capability needed,
                                    String protocolRef, int callerThreads)
            throws CapabilityMismatchException, FaceSystemException, IOException {
        return open(provider, configSource, needed, protocolRef, callerThreads, Optional.empty());
    }

    /**
     * Opens a system for a run whose adapters keep logs (the stderr of subprocess workers).
     *
     * @param provider      the system
     * @param configSource  the system's configuration folder, copied read-only; empty for none
     * @param needed        the capability the protocol tests
     * @param protocolRef   the protocol, for messages
     * @param callerThreads how many threads will call the system
     * @param logDirectory  where adapters may write logs (created on demand), or empty
     * @return the opened system
     * @throws CapabilityMismatchException if the capability is missing or the implementation disagrees
     *                                     with the declaration
     * @throws FaceSystemException         if the system cannot open
     * @throws IOException                 if the scratch folders cannot be made
     */
    public static OpenedSystem open(FaceSystemProvider provider, Optional<Path> configSource, Capability needed,
                                    String protocolRef, int callerThreads, Optional<Path> logDirectory)
            throws CapabilityMismatchException, FaceSystemException, IOException {
        requireCapability(provider.descriptor(), needed, protocolRef);
        Path scratch = Files.createTempDirectory("touchstone-system-");
        Optional<Path> config = Optional.empty();
        if (configSource.isPresent()) {
            Path copy = scratch.resolve("config");
            copyTree(configSource.get(), copy);
            makeReadOnly(copy);
            config = Optional.of(copy);
        }
        Path work = Files.createDirectories(scratch.resolve("work"));
        OpenedSystem opened;
        try {
            opened = new OpenedSystem(provider, scratch,
                    new RunSystemContext(config, work, callerThreads, logDirectory));
        } catch (FaceSystemException | RuntimeException e) {
            deleteTree(scratch);
            throw e;
        }
        try {
            opened.checkImplementedCapabilities(opened.instance());
        } catch (CapabilityMismatchException e) {
            opened.close();
            throw e;
        }
        return opened;
    }

    private FaceSystem openInstance() throws FaceSystemException {
        FaceSystem system;
        try {
            system = provider.open(context);
        } catch (FaceSystemException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new FaceSystemException(FailureCode.UNCAUGHT_EXCEPTION,
                    "system '" + descriptor.id() + "' threw while opening: " + e, e);
        }
        if (system == null) {
            throw new FaceSystemException(FailureCode.INVALID_OUTPUT,
                    "system '" + descriptor.id() + "' returned null from open()");
        }
        instances.add(system);
        return system;
    }

    private void checkImplementedCapabilities(FaceSystem system) throws CapabilityMismatchException {
        List<String> problems = new ArrayList<>();
        check(problems, Capability.VERIFICATION, system, s -> s.verifier().isPresent());
        check(problems, Capability.IDENTIFICATION, system, s -> s.identifier().isPresent());
        check(problems, Capability.ANALYSIS, system, s -> s.analyzer().isPresent());
        if (!problems.isEmpty()) {
            throw new CapabilityMismatchException("system '" + descriptor.id() + "' does not implement what it "
                    + "declares: " + String.join("; ", problems));
        }
    }

    private void check(List<String> problems, Capability capability, FaceSystem system,
                       Function<FaceSystem, Boolean> implemented) {
        boolean declared = descriptor.offers(capability);
        boolean present;
        try {
            present = implemented.apply(system);
        } catch (RuntimeException e) {
            problems.add("asking for " + capability + " threw " + e);
            return;
        }
        if (declared && !present) {
            problems.add("declares " + capability + " but returns no implementation of it");
        } else if (!declared && present) {
            problems.add("implements " + capability + " without declaring it");
        }
    }

    /** @return the system's descriptor */
    public SystemDescriptor descriptor() {
        return descriptor;
    }

    /** @return the context the system was opened with */
    public RunSystemContext context() {
        return context;
    }

    /**
     * The instance the calling thread must use: the shared one for thread-safe systems, else one
     * opened for (and bound to) this thread.
     *
     * @return the instance
     * @throws FaceSystemException if a further instance cannot be opened
     */
    public FaceSystem instance() throws FaceSystemException {
        if (shared != null) {
            return shared;
        }
        FaceSystem mine = instanceOfThread.get();
        if (mine == null) {
            mine = openInstance();
            instanceOfThread.set(mine);
        }
        return mine;
    }

    /** @return how many instances are open */
    public int instanceCount() {
        return instances.size();
    }

    @Override
    public void close() {
        for (FaceSystem system : instances) {
            try {
                system.close();
            } catch (RuntimeException | LinkageError e) {
                // A system that fails to close must not lose the run's results.
                System.err.println("warning: system '" + descriptor.id() + "' threw on close: " + e);
            }
        }
        instances.clear();
        try {
            deleteTree(scratch);
        } catch (IOException e) {
            System.err.println("warning: could not delete scratch folder " + scratch + ": " + e.getMessage());
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            throw new IOException("system configuration folder " + from + " does not exist or is not a folder");
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void makeReadOnly(Path root) throws IOException {
        if (!root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "r-xr-xr-x" : "r--r--r--"));
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        boolean posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                if (posix && Files.isDirectory(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
                }
            }
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
