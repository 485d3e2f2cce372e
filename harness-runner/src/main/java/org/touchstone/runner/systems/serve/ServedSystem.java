package org.touchstone.runner.systems.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.touchstone.api.AttributeAnalyzer;
import org.touchstone.api.Candidate;
import org.touchstone.api.Capability;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.Concurrency;
import org.touchstone.api.FaceAnalysis;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Gallery;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Identifier;
import org.touchstone.api.Result;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.SystemFault;
import org.touchstone.runner.systems.wire.UnknownGalleryException;
import org.touchstone.runner.systems.wire.WireJson;

/**
 * An opened SPI system served across a boundary: what the Java worker ({@code JavaWorkerMain}) and
 * {@code touchstone serve} both put behind their wire formats. It relays the system's answers as
 * faithfully as the wire can carry them, so the harness on the other side judges them exactly as it
 * would judge the system in its own JVM. Only what cannot be carried is turned into a
 * {@link SystemFault}: an exception becomes {@code UNCAUGHT_EXCEPTION}, a null becomes
 * {@code INVALID_OUTPUT}. Running out of memory is relayed as the system failure {@code MEMORY_ERROR},
 * as the in-process guard records it.
 *
 * <p>Galleries are built in steps (begin, add entries in batches, finalise) so that a large gallery
 * never has to cross the boundary in one message, and are named by ids this class hands out.
 */
public final class ServedSystem implements AutoCloseable {
    /** Where the calling thread's system instance comes from. */
    @FunctionalInterface
    public interface Instances {
        /**
         * @return the instance the calling thread must use
         * @throws FaceSystemException if a further instance cannot be opened
         */
        FaceSystem forCurrentThread() throws FaceSystemException;
    }

    private final SystemDescriptor descriptor;
    private final Instances instances;
    private final AutoCloseable resources;
    private final Path scratch;
    private final Map<String, GalleryState> galleries = new ConcurrentHashMap<>();
    private final AtomicLong galleryCount = new AtomicLong();

    private ServedSystem(SystemDescriptor descriptor, Instances instances, AutoCloseable resources, Path scratch) {
        this.descriptor = descriptor;
        this.instances = instances;
        this.resources = resources;
        this.scratch = scratch;
    }

    /**
     * Serves one opened instance, called from one thread at a time (a worker process).
     *
     * @param descriptor the system's descriptor
     * @param instance   the opened system; closed with this object
     * @param scratch    where galleries get working folders when the caller names none
     * @return the served system
     */
    public static ServedSystem single(SystemDescriptor descriptor, FaceSystem instance, Path scratch) {
        return new ServedSystem(descriptor, () -> instance, instance, scratch);
    }

    /**
     * Serves a system opened by the harness, with one instance per thread when it is not thread safe.
     *
     * @param opened the opened system; closed with this object
     * @return the served system
     */
    public static ServedSystem of(OpenedSystem opened) {
        return new ServedSystem(opened.descriptor(), opened::instance, opened,
                opened.context().workingDirectory());
    }

    /** @return the served system's descriptor */
    public SystemDescriptor descriptor() {
        return descriptor;
    }

    /**
     * @return what the system reports about itself once open
     * @throws SystemFault if it throws or returns null
     */
    public Map<String, String> runtimeProperties() {
        return guard("runtimeProperties", () -> instances.forCurrentThread().runtimeProperties(), null);
    }

    // ---- verification and identification templates ---------------------------------------------

    /**
     * @param images images of one person
     * @param role   the role
     * @return the system's answer; {@code NOT_IMPLEMENTED} when the role's capability is not offered
     */
    public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
        boolean verification = role == TemplateRole.VERIFICATION_ENROLMENT || role == TemplateRole.VERIFICATION_PROBE;
        Capability needed = verification ? Capability.VERIFICATION : Capability.IDENTIFICATION;
        if (!descriptor.offers(needed)) {
            return notOffered(needed);
        }
        Result<Template> made = guard("createTemplate", () -> {
            FaceSystem system = instances.forCurrentThread();
            return verification ? verifier(system).createTemplate(images, role)
                    : identifier(system).createTemplate(images, role);
        }, Result::failure);
        if (made.isSuccess() && !((Object) made.value() instanceof Template)) {
            throw new SystemFault(FailureCode.INVALID_OUTPUT, "createTemplate returned a success holding a "
                    + ((Object) made.value()).getClass().getName() + ", not a Template");
        }
        return made;
    }

    /**
     * @param probe      the probe
     * @param enrolments enrolment templates
     * @return one result per enrolment, as the system answered (its length is not checked here)
     */
    public List<ComparisonResult> compareMany(Template probe, List<Template> enrolments) {
        if (!descriptor.offers(Capability.VERIFICATION)) {
            Failure f = notOffered(Capability.VERIFICATION).failure().orElseThrow();
            return enrolments.stream().map(e -> ComparisonResult.failure(f.code(), f.message())).toList();
        }
        return guard("compareMany", () -> verifier(instances.forCurrentThread()).compareMany(probe, enrolments),
                f -> enrolments.stream().map(e -> ComparisonResult.failure(f.code(), f.message())).toList());
    }

    // ---- identification ----------------------------------------------------------------------------

    /**
     * Starts a gallery.
     *
     * @param workingDirectory the folder the harness gives the gallery, or empty to make one here
     * @return the new gallery's id
     * @throws IOException if a working folder cannot be made
     */
    public String beginGallery(Optional<Path> workingDirectory) throws IOException {
        String id = "g" + galleryCount.incrementAndGet();
        Path dir = workingDirectory.isPresent() ? Files.createDirectories(workingDirectory.get())
                : Files.createDirectories(scratch.resolve("galleries").resolve(id));
        galleries.put(id, new GalleryState(dir));
        return id;
    }

    /**
     * @param gallery a gallery begun and not yet finalised
     * @param entries entries to enrol
     * @throws UnknownGalleryException if there is no such gallery
     */
    public void addToGallery(String gallery, List<GalleryEntry> entries) throws UnknownGalleryException {
        GalleryState state = state(gallery);
        synchronized (state) {
            if (state.gallery != null) {
                throw new IllegalStateException("gallery " + gallery + " is already finalised");
            }
            state.pending.addAll(entries);
        }
    }

    /**
     * Hands the entries added so far to the system's {@code finalizeEnrolment}.
     *
     * @param gallery a gallery begun and not yet finalised
     * @return the gallery's size, or the system's failure (the gallery is then discarded)
     * @throws UnknownGalleryException if there is no such gallery
     */
    public Result<Integer> finalizeGallery(String gallery) throws UnknownGalleryException {
        GalleryState state = state(gallery);
        if (!descriptor.offers(Capability.IDENTIFICATION)) {
            galleries.remove(gallery);
            return notOffered(Capability.IDENTIFICATION);
        }
        synchronized (state) {
            List<GalleryEntry> entries = List.copyOf(state.pending);
            state.pending.clear();
            Result<Gallery> built;
            try {
                built = guard("finalizeEnrolment",
                        () -> identifier(instances.forCurrentThread()).finalizeEnrolment(entries, state.workingDirectory),
                        Result::failure);
            } catch (SystemFault e) {
                galleries.remove(gallery);
                throw e;
            }
            if (!built.isSuccess()) {
                galleries.remove(gallery);
                return Result.failure(built.failure().orElseThrow());
            }
            state.gallery = built.value();
            return Result.success(size(state));
        }
    }

    /**
     * @param gallery       a finalised gallery
     * @param probe         a probe template
     * @param maxCandidates the list length asked for
     * @return the candidates as the system answered (order and length are not checked here)
     * @throws UnknownGalleryException if there is no such finalised gallery
     */
    public Result<List<Candidate>> search(String gallery, Template probe, int maxCandidates)
            throws UnknownGalleryException {
        GalleryState state = finalised(gallery);
        return withGallery(state, () -> guard("search", () -> state.gallery.search(probe, maxCandidates),
                Result::failure));
    }

    /**
     * @param gallery a finalised gallery
     * @param entry   the entry to add
     * @return the system's answer and the gallery's size after it
     * @throws UnknownGalleryException if there is no such finalised gallery
     */
    public Sized<String> insert(String gallery, GalleryEntry entry) throws UnknownGalleryException {
        GalleryState state = finalised(gallery);
        return withGallery(state, () -> new Sized<>(guard("insert", () -> state.gallery.insert(entry), Result::failure),
                size(state)));
    }

    /**
     * @param gallery    a finalised gallery
     * @param templateId the id to remove
     * @return the system's answer and the gallery's size after it
     * @throws UnknownGalleryException if there is no such finalised gallery
     */
    public Sized<String> remove(String gallery, String templateId) throws UnknownGalleryException {
        GalleryState state = finalised(gallery);
        return withGallery(state, () -> new Sized<>(guard("remove", () -> state.gallery.remove(templateId),
                Result::failure), size(state)));
    }

    /**
     * Closes and forgets a gallery; unknown ids are ignored.
     *
     * @param gallery a gallery id
     */
    public void closeGallery(String gallery) {
        GalleryState state = galleries.remove(gallery);
        if (state != null && state.gallery != null) {
            try {
                state.gallery.close();
            } catch (RuntimeException | LinkageError e) {
                System.err.println("warning: gallery " + gallery + " threw on close: " + e);
            }
        }
    }

    /**
     * An answer together with a gallery's size after it.
     *
     * @param result the system's answer
     * @param size   the gallery's size
     * @param <T>    the answer's value type
     */
    public record Sized<T>(Result<T> result, int size) {
    }

    // ---- analysis ----------------------------------------------------------------------------------

    /**
     * @param image an image
     * @return the faces as the system answered
     */
    public Result<List<FaceAnalysis>> analyze(FaceImage image) {
        if (!descriptor.offers(Capability.ANALYSIS)) {
            return notOffered(Capability.ANALYSIS);
        }
        return guard("analyze", () -> analyzer(instances.forCurrentThread()).analyze(image), Result::failure);
    }

    @Override
    public void close() {
        for (String id : List.copyOf(galleries.keySet())) {
            closeGallery(id);
        }
        try {
            resources.close();
        } catch (Exception e) {
            System.err.println("warning: system '" + descriptor.id() + "' threw on close: " + e);
        }
    }

    // ---- internals ---------------------------------------------------------------------------------

    private static final class GalleryState {
        final Path workingDirectory;
        final List<GalleryEntry> pending = new ArrayList<>();
        Gallery gallery;

        GalleryState(Path workingDirectory) {
            this.workingDirectory = workingDirectory;
        }
    }

    private GalleryState state(String gallery) throws UnknownGalleryException {
        GalleryState state = galleries.get(gallery);
        if (state == null) {
            throw new UnknownGalleryException(gallery);
        }
        return state;
    }

    private GalleryState finalised(String gallery) throws UnknownGalleryException {
        GalleryState state = state(gallery);
        synchronized (state) {
            if (state.gallery == null) {
                throw new UnknownGalleryException(gallery + " (not finalised)");
            }
        }
        return state;
    }

    /** Galleries of systems that are not thread safe are used by one thread at a time. */
    private <T> T withGallery(GalleryState state, java.util.function.Supplier<T> use) {
        if (descriptor.concurrency() == Concurrency.THREAD_SAFE) {
            return use.get();
        }
        synchronized (state) {
            return use.get();
        }
    }

    private int size(GalleryState state) {
        Integer size = guard("size", state.gallery::size, null);
        return size;
    }

    private static Verifier verifier(FaceSystem system) {
        return system.verifier().orElseThrow(() -> new SystemFault(FailureCode.INVALID_OUTPUT,
                "verifier() is empty although verification is declared"));
    }

    private static Identifier identifier(FaceSystem system) {
        return system.identifier().orElseThrow(() -> new SystemFault(FailureCode.INVALID_OUTPUT,
                "identifier() is empty although identification is declared"));
    }

    private static AttributeAnalyzer analyzer(FaceSystem system) {
        return system.analyzer().orElseThrow(() -> new SystemFault(FailureCode.INVALID_OUTPUT,
                "analyzer() is empty although analysis is declared"));
    }

    private <T> Result<T> notOffered(Capability capability) {
        return Result.failure(FailureCode.NOT_IMPLEMENTED, "system '" + descriptor.id() + "' does not offer "
                + WireJson.name(capability));
    }

    /** A call into the system's code. */
    @FunctionalInterface
    private interface Call<T> {
        T run() throws FaceSystemException;
    }

    /**
     * Runs a call into the system's code: exceptions become {@code UNCAUGHT_EXCEPTION} faults, a null
     * answer {@code INVALID_OUTPUT}, and running out of memory the failure {@code MEMORY_ERROR} (through
     * {@code onMemoryError}; a fault when there is no way to express a failure).
     */
    private <T> T guard(String operation, Call<T> call, Function<Failure, T> onMemoryError) {
        T answer;
        try {
            answer = call.run();
        } catch (SystemFault e) {
            throw e;
        } catch (FaceSystemException e) {
            throw new SystemFault(FailureCode.SYSTEM_CRASHED, "could not open another instance of the system ("
                    + e.code() + "): " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            Failure f = new Failure(FailureCode.MEMORY_ERROR, operation + ": " + e);
            if (onMemoryError == null) {
                throw new SystemFault(FailureCode.UNCAUGHT_EXCEPTION, f.message(), e);
            }
            return onMemoryError.apply(f);
        } catch (RuntimeException | Error e) {
            throw SystemFault.thrown(operation, e);
        }
        if (answer == null) {
            throw new SystemFault(FailureCode.INVALID_OUTPUT, operation + " returned null");
        }
        return answer;
    }
}
