package org.touchstone.runner.cli.validate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.touchstone.api.Capability;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ImageSource;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.runner.cli.validate.CheckResult.Verdict;
import org.touchstone.runner.systems.CapabilityMismatchException;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.SystemArtifact;

/**
 * The vendor's conformance check before submission ({@code touchstone validate}), stricter than NIST
 * FRVT's validation package: the descriptor is complete; templates, scores, candidate lists and
 * analyses are the same for the same input, and the same from many threads as from one; empty, corrupt,
 * truncated, huge and faceless images give answers (failure codes), never faults; scores are finite and
 * inside the declared range; candidate lists are sorted, unique, full and no longer than asked;
 * multi-image templates work; and each operation's median time is within the limits. Every call goes
 * through the same guards and deadlines as a run, so the verdict holds for runs.
 *
 * <p>Checks are required (a failure fails the validation) or advisory (a failure is a warning).
 */
public final class Validator {
    private final ValidationLimits limits;
    private final int threads;

    /**
     * @param limits  the time limits
     * @param threads threads for the concurrency checks (at least 2)
     */
    public Validator(ValidationLimits limits, int threads) {
        this.limits = limits;
        this.threads = Math.max(2, threads);
    }

    /**
     * Validates a system on a small dataset of face images: the descriptor ({@link DescriptorCheck}), then
     * whether it opens, then the checks of each capability it offers ({@link VerificationChecks},
     * {@link IdentificationChecks}, {@link AnalysisChecks}), each check in a class of its own.
     *
     * @param name     how the system was named on the command line
     * @param provider the system
     * @param config   its configuration folder, if any
     * @param faces    the validation faces: several subjects with at least three images each
     * @return the report
     * @throws IOException if the images cannot be read
     */
    public ValidationReport validate(String name, FaceSystemProvider provider, Optional<Path> config,
                                     DatasetManifest faces) throws IOException {
        CheckLog log = new CheckLog();
        SystemDescriptor d = provider.descriptor();
        DescriptorCheck.check(d, log);
        OpenedSystem opened;
        try {
            Capability any = d.capabilities().iterator().next();
            opened = OpenedSystem.open(provider, config, any, "validate", threads);
            log.add("system.opens", "the system opens and implements exactly what it declares", true, Verdict.PASS,
                    opened.instanceCount() + " instance(s) open", Map.of());
        } catch (FaceSystemException | CapabilityMismatchException | RuntimeException e) {
            log.add("system.opens", "the system opens and implements exactly what it declares", true, Verdict.FAIL,
                    e.getMessage(), Map.of());
            return new ValidationReport(name, d, SystemArtifact.of(provider), limits, log.results());
        }
        try (opened) {
            List<FaceImage> images = images(faces);
            ValidationSubject subject = new ValidationSubject(opened, faces, images,
                    BadImages.all(bytes(images.get(0))), threads, limits, log);
            if (d.offers(Capability.VERIFICATION)) {
                VerificationChecks.check(subject);
            } else {
                log.skip("verification", "verification is not offered");
            }
            if (d.offers(Capability.IDENTIFICATION)) {
                IdentificationChecks.check(subject);
            } else {
                log.skip("identification", "identification is not offered");
            }
            if (d.offers(Capability.ANALYSIS)) {
                AnalysisChecks.check(subject);
            } else {
                log.skip("analysis", "analysis is not offered");
            }
        }
        return new ValidationReport(name, d, SystemArtifact.of(provider), limits, log.results());
    }

    private static List<FaceImage> images(DatasetManifest faces) throws IOException {
        List<FaceImage> images = new ArrayList<>();
        for (Sample s : faces.samples()) {
            images.add(ImageSource.of(faces, s).read());
        }
        return images;
    }

    private static byte[] bytes(FaceImage image) {
        byte[] b = new byte[image.encodedLength()];
        image.encoded().get(b);
        return b;
    }
}
