package org.touchstone.runner.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVPrinter;
import org.touchstone.api.FaceImage;
import org.touchstone.api.ImageFormat;
import org.touchstone.api.TemplateRole;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.runner.checkpoint.TemplateLog;
import org.touchstone.runner.progress.Progress;
import org.touchstone.runner.rundir.AtomicFiles;
import org.touchstone.runner.rundir.Csv;
import org.touchstone.runner.systems.GuardedVerifier;
import org.touchstone.runner.systems.TemplateOutcome;

/**
 * Stage 1 of verification: creates every template the plan needs, in parallel, and records each call in
 * {@code templates.csv} (in plan order, so the file does not depend on thread timing). Every outcome is
 * checkpointed as it completes, so a resumed run repeats no call.
 */
final class TemplateStage {
    static final String FILE = "templates.csv";

    private final ExecutorService pool;
    private final Progress progress;

    TemplateStage(ExecutorService pool, Progress progress) {
        this.pool = pool;
        this.progress = progress;
    }

    /** The templates made, indexed like the plan's templates. */
    record Templates(TemplateOutcome[] enrolment, TemplateOutcome[] probe) {
        long failures() {
            long n = 0;
            for (TemplateOutcome[] role : List.of(enrolment, probe)) {
                for (TemplateOutcome o : role) {
                    if (o != null && !o.ok()) {
                        n++;
                    }
                }
            }
            return n;
        }
    }

    /**
     * Creates the templates the plan needs, except those whose outcome the checkpoint log already holds
     * from an interrupted run; each new outcome is logged as soon as it exists.
     */
    Templates run(VerificationPlan plan, DatasetManifest manifest, GuardedVerifier verifier, Path runDir,
                  TemplateLog log) throws IOException, InterruptedException {
        List<TemplateSpec> specs = plan.templates();
        TemplateOutcome[] enrolment = new TemplateOutcome[specs.size()];
        TemplateOutcome[] probe = new TemplateOutcome[specs.size()];
        Map<TemplateLog.Key, TemplateOutcome> done = log.recovered();
        long calls = specs.stream().mapToLong(s -> (s.asEnrolment() ? 1 : 0) + (s.asProbe() ? 1 : 0)).sum();
        try (Progress.Stage stage = progress.stage("templates", calls)) {
            List<Future<?>> tasks = new ArrayList<>(specs.size());
            for (TemplateSpec spec : specs) {
                TemplateLog.Key enrolmentKey = new TemplateLog.Key(spec.index(), TemplateRole.VERIFICATION_ENROLMENT);
                TemplateLog.Key probeKey = new TemplateLog.Key(spec.index(), TemplateRole.VERIFICATION_PROBE);
                enrolment[spec.index()] = spec.asEnrolment() ? done.get(enrolmentKey) : null;
                probe[spec.index()] = spec.asProbe() ? done.get(probeKey) : null;
                boolean needEnrolment = spec.asEnrolment() && enrolment[spec.index()] == null;
                boolean needProbe = spec.asProbe() && probe[spec.index()] == null;
                stage.advance((spec.asEnrolment() && !needEnrolment ? 1 : 0) + (spec.asProbe() && !needProbe ? 1 : 0));
                if (!needEnrolment && !needProbe) {
                    continue;
                }
                tasks.add(pool.submit(() -> {
                    List<FaceImage> images = images(manifest, spec);
                    if (needEnrolment) {
                        TemplateOutcome made = verifier.createTemplate(images, TemplateRole.VERIFICATION_ENROLMENT);
                        log.record(enrolmentKey, made);
                        enrolment[spec.index()] = made;
                        stage.advance(1);
                    }
                    if (needProbe) {
                        TemplateOutcome made = verifier.createTemplate(images, TemplateRole.VERIFICATION_PROBE);
                        log.record(probeKey, made);
                        probe[spec.index()] = made;
                        stage.advance(1);
                    }
                }));
            }
            awaitAll(tasks);
        }
        write(plan, manifest, enrolment, probe, runDir.resolve(FILE));
        return new Templates(enrolment, probe);
    }

    private static List<FaceImage> images(DatasetManifest manifest, TemplateSpec spec) {
        List<FaceImage> images = new ArrayList<>(spec.samples().size());
        for (Sample sample : spec.samples()) {
            Path file = manifest.resolve(sample);
            ImageFormat format = ImageFormat.fromFileName(sample.path()).orElseThrow(
                    () -> new IllegalStateException("manifest validation let through " + sample.path()));
            try {
                images.add(new FaceImage(sample.sampleId(), format, Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read image " + file + " of sample " + sample.sampleId(), e);
            }
        }
        return images;
    }

    static void awaitAll(List<Future<?>> tasks) throws IOException, InterruptedException {
        try {
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (ExecutionException e) {
            tasks.forEach(t -> t.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static void write(VerificationPlan plan, DatasetManifest manifest, TemplateOutcome[] enrolment,
                              TemplateOutcome[] probe, Path file) throws IOException {
        List<String> groups = manifest.groupColumns();
        List<String> header = new ArrayList<>(List.of("template_id", "role", "subject_id", "sample_ids", "status",
                "failure_code", "message", "size_bytes", "latency_ns"));
        groups.forEach(g -> header.add("group:" + g));
        AtomicFiles.write(file, out -> {
            try (CSVPrinter csv = Csv.printer(out, header.toArray(String[]::new))) {
                for (TemplateSpec spec : plan.templates()) {
                    if (spec.asEnrolment()) {
                        row(csv, spec, "verification_enrolment", enrolment[spec.index()], groups);
                    }
                    if (spec.asProbe()) {
                        row(csv, spec, "verification_probe", probe[spec.index()], groups);
                    }
                }
            }
        });
    }

    private static void row(CSVPrinter csv, TemplateSpec spec, String role, TemplateOutcome outcome,
                            List<String> groups) throws IOException {
        List<Object> cells = new ArrayList<>(9 + groups.size());
        cells.add(spec.templateId());
        cells.add(role);
        cells.add(spec.subjectId());
        cells.add(String.join(";", spec.samples().stream().map(Sample::sampleId).toList()));
        cells.add(outcome.ok() ? "ok" : "failed");
        cells.add(outcome.ok() ? "" : outcome.failure().code().name());
        cells.add(outcome.ok() ? "" : outcome.failure().message());
        cells.add(outcome.ok() ? Integer.toString(outcome.template().size()) : "");
        cells.add(Long.toString(outcome.latencyNs()));
        Sample first = spec.samples().get(0);
        for (String g : groups) {
            cells.add(first.groups().getOrDefault(g, ""));
        }
        csv.printRecord(cells);
    }
}
