package org.touchstone.runner.engine.stage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVPrinter;
import org.touchstone.api.FaceImage;
import org.touchstone.api.TemplateRole;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ImageSource;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.runner.engine.backend.BackendSession;
import org.touchstone.runner.engine.backend.Mergeable;
import org.touchstone.runner.engine.backend.UnitJob;
import org.touchstone.runner.engine.backend.WorkPlan;
import org.touchstone.runner.engine.backend.Worker;
import org.touchstone.runner.engine.checkpoint.StageClock;
import org.touchstone.runner.engine.checkpoint.TemplateLog;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runformat.columns.TemplatesCsv;
import org.touchstone.runformat.io.AtomicFiles;
import org.touchstone.runformat.runjson.StagesBlock;
import org.touchstone.runner.engine.rundir.Csv;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.guard.TemplateMaker;
import org.touchstone.runner.systems.guard.TemplateOutcome;
import org.touchstone.runner.engine.timing.CallTimings;
import org.touchstone.runner.engine.timing.TimedStage;

/**
 * The first stage of recognition runs: creates every template the plan needs on the run's backend (one
 * work unit per template of the plan, made in both roles when both are needed), and records each call in
 * {@code templates.csv} (in plan order, so the file does not depend on thread timing or on the backend).
 * Every outcome is checkpointed as it reaches the driver, so a resumed run repeats no call that was
 * recorded.
 */
public final class TemplateStage {
    /** The file it writes. */
    public static final String FILE = TemplatesCsv.FILE;

    /**
     * Template results a backend may merge before the driver checkpoints them: a crash loses at most
     * this many templates' work on a distributed backend.
     */
    static final int UNITS_PER_RESULT = 256;

    /**
     * Templates planned at once: the stage runs its tasks as consecutive plans of at most this many, so a
     * run of a million templates never holds a million tasks with their image references.
     */
    static final int TASKS_PER_PLAN = 16_384;

    private final BackendSession backend;
    private final Progress progress;
    private final long maxImagePixels;

    /**
     * @param backend  where templates are made
     * @param progress where progress goes
     */
    public TemplateStage(BackendSession backend, Progress progress) {
        this(backend, progress, DatasetImages.MAX_PIXELS);
    }

    /**
     * @param backend        where templates are made
     * @param progress       where progress goes
     * @param maxImagePixels the run's pixel limit: a larger image is the dataset's failure to acquire
     */
    public TemplateStage(BackendSession backend, Progress progress, long maxImagePixels) {
        this.backend = backend;
        this.progress = progress;
        this.maxImagePixels = maxImagePixels;
    }

    /**
     * Makes the guarded template maker of a capability, in whichever JVM a unit runs.
     */
    @FunctionalInterface
    public interface Makers extends Serializable {
        /**
         * @param system  the system opened where the unit runs
         * @param timings where the maker records each call's latency and each template's size
         * @return its guarded template maker
         */
        TemplateMaker on(OpenedSystem system, CallTimings timings);
    }

    /**
     * The roles a run's templates are made in.
     *
     * @param enrolment the enrolment role, e.g. {@link TemplateRole#VERIFICATION_ENROLMENT}
     * @param probe     the probe role
     */
    public record Roles(TemplateRole enrolment, TemplateRole probe) implements Serializable {
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

        /** @return calls not made because the dataset could not supply an image (missing or unreadable) */
        public long datasetFailures() {
            return Stream.of(enrolment, probe).flatMap(Stream::of)
                    .filter(o -> o != null && !o.ok() && o.failure().code() == TemplatesCsv.MISSING_IMAGE_CODE).count();
        }
    }

    /**
     * The stage as a capability runs it: on the run's backend, with the run's template checkpoint, its wall
     * time recorded in the run's timings (this attempt's) and in the result (summed over the run's attempts).
     *
     * @param context the run
     * @param specs   the templates to make, in plan order
     * @param makers  makes templates through the guard, where units run
     * @param roles   the roles
     * @return the outcomes and the stage's wall time
     * @throws IOException          if an image cannot be read or a file written
     * @throws InterruptedException if interrupted
     */
    public static Completed run(ExecutionContext context, List<TemplateSpec> specs, Makers makers, Roles roles)
            throws IOException, InterruptedException {
        Templates templates;
        try (StageClock clock = context.checkpoints().clock("templates");
             TemplateLog log = context.checkpoints().templates("templates")) {
            templates = new TemplateStage(context.backend(), context.progress(),
                    context.request().execution().limits().maxImagePixels()).run(specs,
                    context.request().manifest(), makers, roles, context.runDir(), log);
            clock.stop();
            context.timings().stage(TimedStage.TEMPLATES, clock.attemptSeconds());
            return new Completed(templates, clock.seconds());
        }
    }

    /**
     * The stage's outcomes and wall time, as every capability reports them.
     *
     * @param templates the outcomes
     * @param seconds   the stage's wall time, summed over the run's attempts
     */
    public record Completed(Templates templates, double seconds) {
        /** @return run.json's {@code stages.templates} block */
        public StagesBlock.Templates block() {
            return new StagesBlock.Templates(templates.calls(), templates.failures(), seconds);
        }

        /**
         * @param summary a capability's summary
         * @return it, with the templates line and figures added
         */
        public StageSummary summarise(StageSummary summary) {
            if (templates.datasetFailures() > 0) {
                summary.line("templates the dataset could not supply an image for: %,d (failures to acquire, the"
                        + " dataset's, counted apart as %s; the system was not called)", templates.datasetFailures(),
                        TemplatesCsv.MISSING_IMAGE_CODE);
            }
            return summary.line("templates: %,d created, %,d failed in %.2f s", templates.calls() - templates.failures(),
                            templates.failures(), seconds)
                    .figure("templates", templates.calls())
                    .figure("template_failures", templates.failures());
        }
    }

    /**
     * @param specs    the templates to make, in plan order
     * @param manifest the dataset
     * @param makers   makes templates through the guard, where units run
     * @param roles    the roles
     * @param runDir   the run directory
     * @param log      the checkpoint: outcomes an interrupted run already has are taken from it, not made again,
     *                 and each new outcome is logged as soon as it reaches the driver
     * @return the outcomes
     * @throws IOException          if an image cannot be read or the file written
     * @throws InterruptedException if interrupted
     */
    public Templates run(List<TemplateSpec> specs, DatasetManifest manifest, Makers makers, Roles roles,
                         Path runDir, TemplateLog log) throws IOException, InterruptedException {
        TemplateOutcome[] enrolment = new TemplateOutcome[specs.size()];
        TemplateOutcome[] probe = new TemplateOutcome[specs.size()];
        long calls = specs.stream().mapToLong(s -> (s.asEnrolment() ? 1 : 0) + (s.asProbe() ? 1 : 0)).sum();
        Map<TemplateLog.Key, TemplateOutcome> done = log.recovered();
        try (Progress.Stage stage = progress.stage("templates", calls)) {
            List<TemplateTask> tasks = new ArrayList<>(Math.min(specs.size(), TASKS_PER_PLAN));
            for (TemplateSpec spec : specs) {
                TemplateLog.Key enrolmentKey = new TemplateLog.Key(spec.index(), roles.enrolment());
                TemplateLog.Key probeKey = new TemplateLog.Key(spec.index(), roles.probe());
                enrolment[spec.index()] = spec.asEnrolment() ? done.get(enrolmentKey) : null;
                probe[spec.index()] = spec.asProbe() ? done.get(probeKey) : null;
                boolean needEnrolment = spec.asEnrolment() && enrolment[spec.index()] == null;
                boolean needProbe = spec.asProbe() && probe[spec.index()] == null;
                stage.advance((spec.asEnrolment() && !needEnrolment ? 1 : 0) + (spec.asProbe() && !needProbe ? 1 : 0));
                if (needEnrolment || needProbe) {
                    tasks.add(new TemplateTask(spec.index(), needEnrolment, needProbe,
                            spec.samples().stream().map(sample -> ImageSource.of(manifest, sample)).toList()));
                }
                if (tasks.size() == TASKS_PER_PLAN) {
                    make(tasks, makers, roles, log, enrolment, probe, stage);
                    tasks.clear();
                }
            }
            make(tasks, makers, roles, log, enrolment, probe, stage);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        write(specs, manifest, enrolment, probe, roles, runDir.resolve(FILE));
        return new Templates(enrolment, probe);
    }

    private void make(List<TemplateTask> tasks, Makers makers, Roles roles, TemplateLog log,
                      TemplateOutcome[] enrolment, TemplateOutcome[] probe, Progress.Stage stage)
            throws IOException, InterruptedException {
        if (tasks.isEmpty()) {
            return;
        }
        backend.run(new WorkPlan<>("templates", tasks, new TemplateJob(makers, roles, maxImagePixels), UNITS_PER_RESULT),
                (first, end, made) -> {
                    for (Made m : made.outcomes) {
                        log.record(new TemplateLog.Key(m.index(), m.role()), m.outcome());
                        (m.role() == roles.enrolment() ? enrolment : probe)[m.index()] = m.outcome();
                    }
                    stage.advance(made.outcomes.size());
                });
    }

    /**
     * One template of the plan, in the roles still to make.
     *
     * @param index     the template's index in the plan
     * @param enrolment whether to make it in the enrolment role
     * @param probe     whether to make it in the probe role
     * @param images    its images, in the order given to the system, read (and checked) where the unit runs
     */
    record TemplateTask(int index, boolean enrolment, boolean probe, List<ImageSource> images) implements Serializable {
    }

    /** A template made in a role. */
    private record Made(int index, TemplateRole role, TemplateOutcome outcome) {
    }

    /** What template tasks made, in task order: merging appends. */
    static final class Results implements Mergeable<Results> {
        private static final long serialVersionUID = 1L;
        private transient List<Made> outcomes = new ArrayList<>();

        @Override
        public Results mergedWith(Results later) {
            outcomes.addAll(later.outcomes);
            return this;
        }

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream data = new DataOutputStream(bytes);
            data.writeInt(outcomes.size());
            for (Made m : outcomes) {
                data.writeInt(m.index());
                data.writeUTF(m.role().name());
                m.outcome().writeTo(data);
            }
            data.flush();
            out.writeObject(bytes.toByteArray());
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            DataInputStream data = new DataInputStream(new ByteArrayInputStream((byte[]) in.readObject()));
            int n = data.readInt();
            outcomes = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                outcomes.add(new Made(data.readInt(), TemplateRole.valueOf(data.readUTF()), TemplateOutcome.readFrom(data)));
            }
        }
    }

    /** Reads a task's images once and makes its template in each role asked for. */
    private record TemplateJob(Makers makers, Roles roles, long maxImagePixels) implements UnitJob<TemplateTask, Results> {
        @Override
        public Results compute(TemplateTask task, Worker worker) {
            Results results = new Results();
            DatasetImages.Acquired acquired = DatasetImages.acquire(task.images(), maxImagePixels);
            if (!acquired.ok()) {
                // The dataset's failure to acquire, not the system's: recorded as a failed template (so every
                // pair using it counts under the failure policy), and the system is never called.
                TemplateOutcome outcome = new TemplateOutcome(null, acquired.failure(), 0L);
                if (task.enrolment()) {
                    results.outcomes.add(new Made(task.index(), roles.enrolment(), outcome));
                }
                if (task.probe()) {
                    results.outcomes.add(new Made(task.index(), roles.probe(), outcome));
                }
                return results;
            }
            TemplateMaker maker = makers.on(worker.system(), worker.timings());
            List<FaceImage> images = acquired.images();
            if (task.enrolment()) {
                results.outcomes.add(new Made(task.index(), roles.enrolment(),
                        maker.createTemplate(images, roles.enrolment())));
            }
            if (task.probe()) {
                results.outcomes.add(new Made(task.index(), roles.probe(), maker.createTemplate(images, roles.probe())));
            }
            return results;
        }
    }

    private static void write(List<TemplateSpec> specs, DatasetManifest manifest, TemplateOutcome[] enrolment,
                              TemplateOutcome[] probe, Roles roles, Path file) throws IOException {
        List<String> groups = manifest.groupColumns();
        AtomicFiles.write(file, out -> {
            try (CSVPrinter csv = Csv.printer(out, TemplatesCsv.headerRow(groups))) {
                for (TemplateSpec spec : specs) {
                    if (spec.asEnrolment()) {
                        row(csv, spec, TemplatesCsv.Role.of(roles.enrolment()).text(), enrolment[spec.index()],
                                groups);
                    }
                    if (spec.asProbe()) {
                        row(csv, spec, TemplatesCsv.Role.of(roles.probe()).text(), probe[spec.index()], groups);
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
        cells.add(String.join(TemplatesCsv.SAMPLE_SEPARATOR, spec.samples().stream().map(Sample::sampleId).toList()));
        cells.add((outcome.ok() ? TemplatesCsv.Status.OK : TemplatesCsv.Status.FAILED).text());
        cells.add(outcome.ok() ? "" : outcome.failure().code().name());
        cells.add(outcome.ok() ? "" : outcome.failure().message());
        cells.add(outcome.ok() ? Integer.toString(outcome.template().size()) : "");
        cells.add(Long.toString(outcome.latencyNs()));
        Sample first = spec.samples().get(0);
        for (String g : groups) {
            cells.add(first.groups().getOrDefault(g, ""));
        }
        Csv.row(csv, cells);
    }
}
