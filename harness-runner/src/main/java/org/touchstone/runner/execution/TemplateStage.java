package org.touchstone.runner.execution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVPrinter;
import org.touchstone.api.FaceImage;
import org.touchstone.api.TemplateRole;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.runner.checkpoint.TemplateLog;
import org.touchstone.runner.progress.Progress;
import org.touchstone.runner.rundir.AtomicFiles;
import org.touchstone.runner.rundir.Csv;
import org.touchstone.runner.systems.TemplateMaker;
import org.touchstone.runner.systems.TemplateOutcome;

/**
 * The first stage of recognition runs: creates every template the plan needs, in parallel, and records
 * each call in {@code templates.csv} (in plan order, so the file does not depend on thread timing). Every
 * outcome is checkpointed as it completes, so a resumed run repeats no call.
 */
public final class TemplateStage {
    /** The file it writes. */
    public static final String FILE = "templates.csv";

    /** Templates being made or waiting to be at once: enough to keep any pool busy, few enough to hold. */
    static final int IN_FLIGHT = 1024;

    private final ExecutorService pool;
    private final Progress progress;

    /**
     * @param pool     worker threads
     * @param progress where progress goes
     */
    public TemplateStage(ExecutorService pool, Progress progress) {
        this.pool = pool;
        this.progress = progress;
    }

    /**
     * The roles a run's templates are made in.
     *
     * @param enrolment the enrolment role, e.g. {@link TemplateRole#VERIFICATION_ENROLMENT}
     * @param probe     the probe role
     */
    public record Roles(TemplateRole enrolment, TemplateRole probe) {
        /** Verification: {@code VERIFICATION_ENROLMENT} and {@code VERIFICATION_PROBE}. */
        public static final Roles VERIFICATION = new Roles(TemplateRole.VERIFICATION_ENROLMENT,
                TemplateRole.VERIFICATION_PROBE);
        /** Identification: {@code IDENTIFICATION_ENROLMENT} and {@code IDENTIFICATION_PROBE}. */
        public static final Roles IDENTIFICATION = new Roles(TemplateRole.IDENTIFICATION_ENROLMENT,
                TemplateRole.IDENTIFICATION_PROBE);
    }

    /**
     * The templates made, indexed like the plan's templates; null where a role was not needed.
     *
     * @param enrolment outcomes in the enrolment role
     * @param probe     outcomes in the probe role
     */
    public record Templates(TemplateOutcome[] enrolment, TemplateOutcome[] probe) {
        /** @return template-creation calls made */
        public long calls() {
            return Stream.of(enrolment, probe).flatMap(Stream::of).filter(o -> o != null).count();
        }

        /** @return calls that failed */
        public long failures() {
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
     * @param specs    the templates to make, in plan order
     * @param manifest the dataset
     * @param maker    makes templates through the guard
     * @param roles    the roles
     * @param runDir   the run directory
     * @param log      the checkpoint: outcomes an interrupted run already has are taken from it, not made again,
     *                 and each new outcome is logged as soon as it exists
     * @return the outcomes
     * @throws IOException          if an image cannot be read or the file written
     * @throws InterruptedException if interrupted
     */
    public Templates run(List<TemplateSpec> specs, DatasetManifest manifest, TemplateMaker maker, Roles roles,
                         Path runDir, TemplateLog log) throws IOException, InterruptedException {
        TemplateOutcome[] enrolment = new TemplateOutcome[specs.size()];
        TemplateOutcome[] probe = new TemplateOutcome[specs.size()];
        long calls = specs.stream().mapToLong(s -> (s.asEnrolment() ? 1 : 0) + (s.asProbe() ? 1 : 0)).sum();
        Map<TemplateLog.Key, TemplateOutcome> done = log.recovered();
        try (Progress.Stage stage = progress.stage("templates", calls)) {
            // At most IN_FLIGHT templates are being made or waiting at once, so a plan of a million templates
            // holds a million outcomes but never a million queued tasks with their specs and images.
            OrderedUnits.run(pool, specs, IN_FLIGHT, spec -> {
                TemplateLog.Key enrolmentKey = new TemplateLog.Key(spec.index(), roles.enrolment());
                TemplateLog.Key probeKey = new TemplateLog.Key(spec.index(), roles.probe());
                enrolment[spec.index()] = spec.asEnrolment() ? done.get(enrolmentKey) : null;
                probe[spec.index()] = spec.asProbe() ? done.get(probeKey) : null;
                boolean needEnrolment = spec.asEnrolment() && enrolment[spec.index()] == null;
                boolean needProbe = spec.asProbe() && probe[spec.index()] == null;
                stage.advance((spec.asEnrolment() && !needEnrolment ? 1 : 0) + (spec.asProbe() && !needProbe ? 1 : 0));
                if (!needEnrolment && !needProbe) {
                    return null;
                }
                List<FaceImage> images = images(manifest, spec);
                if (needEnrolment) {
                    TemplateOutcome made = maker.createTemplate(images, roles.enrolment());
                    log.record(enrolmentKey, made);
                    enrolment[spec.index()] = made;
                    stage.advance(1);
                }
                if (needProbe) {
                    TemplateOutcome made = maker.createTemplate(images, roles.probe());
                    log.record(probeKey, made);
                    probe[spec.index()] = made;
                    stage.advance(1);
                }
                return null;
            }, (spec, nothing) -> {
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        write(specs, manifest, enrolment, probe, roles, runDir.resolve(FILE));
        return new Templates(enrolment, probe);
    }

    private static List<FaceImage> images(DatasetManifest manifest, TemplateSpec spec) {
        return spec.samples().stream().map(sample -> DatasetImages.load(manifest, sample)).toList();
    }

    private static void write(List<TemplateSpec> specs, DatasetManifest manifest, TemplateOutcome[] enrolment,
                              TemplateOutcome[] probe, Roles roles, Path file) throws IOException {
        List<String> groups = manifest.groupColumns();
        List<String> header = new ArrayList<>(List.of("template_id", "role", "subject_id", "sample_ids", "status",
                "failure_code", "message", "size_bytes", "latency_ns"));
        groups.forEach(g -> header.add("group:" + g));
        AtomicFiles.write(file, out -> {
            try (CSVPrinter csv = Csv.printer(out, header.toArray(String[]::new))) {
                for (TemplateSpec spec : specs) {
                    if (spec.asEnrolment()) {
                        row(csv, spec, roleName(roles.enrolment()), enrolment[spec.index()], groups);
                    }
                    if (spec.asProbe()) {
                        row(csv, spec, roleName(roles.probe()), probe[spec.index()], groups);
                    }
                }
            }
        });
    }

    /**
     * @param role a template role
     * @return its name in run directories, e.g. {@code verification_enrolment}
     */
    public static String roleName(TemplateRole role) {
        return role.name().toLowerCase(java.util.Locale.ROOT);
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
