package org.touchstone.runner.engine.analysis;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;
import org.touchstone.api.Attribute;
import org.touchstone.api.AttributeEstimate;
import org.touchstone.api.Capability;
import org.touchstone.api.FaceAnalysis;
import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.protocols.AnalysisSettings;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.protocols.ProtocolProblem;
import org.touchstone.runformat.columns.Column;
import org.touchstone.runformat.columns.AnalysesCsv;
import org.touchstone.runformat.columns.EstimatesCsv;
import org.touchstone.runformat.descriptor.DescriptorJson;
import org.touchstone.runformat.runjson.AnalysisEvaluation;
import org.touchstone.runformat.runjson.DatasetBlock;
import org.touchstone.runformat.runjson.Evaluation;
import org.touchstone.runformat.runjson.StagesBlock;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ImageSource;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.runner.engine.stage.CapabilityRunner;
import org.touchstone.runner.engine.stage.DatasetImages;
import org.touchstone.runner.engine.stage.ExecutionContext;
import org.touchstone.runner.engine.backend.Mergeable;
import org.touchstone.runner.engine.backend.UnitJob;
import org.touchstone.runner.engine.backend.WorkPlan;
import org.touchstone.runner.engine.backend.Worker;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.stage.StageSummary;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runformat.io.AtomicFiles;
import org.touchstone.runner.engine.rundir.Csv;
import org.touchstone.runner.systems.guard.GuardedAnalyzer;
import org.touchstone.runner.engine.timing.TimedStage;

/**
 * Facial analysis: analyses every image of the dataset once and records, in {@code analyses.csv}, each
 * call with the image's ground truth and groups, and in {@code estimates.csv} the estimates for the
 * first face. Only the attributes the protocol asks for, the system declares and the dataset labels are
 * evaluated; run.json says which were left out and why.
 */
public final class AnalysisRunner implements CapabilityRunner {
    /** Images per work unit. */
    static final int IMAGES_PER_UNIT = 32;

    @Override
    public Capability capability() {
        return Capability.ANALYSIS;
    }

    /** The attributes evaluated, and the reasons others are not. */
    record Scope(List<String> attributes, Map<String, String> notEvaluated, List<String> groupColumns,
                 List<List<String>> intersections, Map<String, String> skippedIntersections) {
    }

    @Override
    public Planned plan(RunRequest request) throws ProtocolException {
        AnalysisSettings settings = request.protocol().analysis().orElseThrow();
        Scope scope = scope(settings, request.system().descriptor(), request.manifest(), request.protocol().source());
        return new Planned() {
            @Override
            public Evaluation evaluation() {
                return new AnalysisEvaluation(scope.groupColumns(), scope.attributes(), scope.notEvaluated(),
                        settings.confidenceThresholds(), settings.vendorThresholds()
                        ? DescriptorJson.thresholds(request.system().descriptor().thresholds(Capability.ANALYSIS))
                        : List.of(), settings.ageThresholds(), settings.calibrationBins(), scope.intersections(),
                        scope.skippedIntersections(), settings.equivalenceMargin(),
                        settings.failurePolicy().externalName());
            }

            @Override
            public DatasetBlock dataset(DatasetBlock manifest) {
                return manifest;
            }

            @Override
            public StageSummary execute(ExecutionContext context) throws IOException, InterruptedException {
                return run(scope, context);
            }
        };
    }

    static Scope scope(AnalysisSettings settings, SystemDescriptor system, DatasetManifest manifest, String source)
            throws ProtocolException {
        Set<String> declared = system.attributes().stream().map(Attribute::name).collect(Collectors.toSet());
        List<String> evaluated = new ArrayList<>();
        Map<String, String> notEvaluated = new LinkedHashMap<>();
        for (String a : settings.attributes()) {
            if (!declared.contains(a)) {
                notEvaluated.put(a, "system '" + system.id() + "' does not estimate it");
            } else if (!manifest.labelColumns().contains(a)) {
                notEvaluated.put(a, "the dataset has no label:" + a + " column");
            } else {
                evaluated.add(a);
            }
        }
        if (evaluated.isEmpty()) {
            throw new ProtocolException(new ProtocolProblem(source, 0, 0, "analysis.attributes",
                    "nothing to evaluate: the protocol asks for " + settings.attributes() + ", system '" + system.id()
                            + "' estimates " + declared.stream().sorted().toList() + ", the dataset labels "
                            + manifest.labelColumns()));
        }
        List<String> groupColumns = settings.groupColumns().orElse(manifest.groupColumns());
        List<String> missing = groupColumns.stream().filter(c -> !manifest.groupColumns().contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new ProtocolException(new ProtocolProblem(source, 0, 0, "analysis.group_columns",
                    "the dataset has no group column " + missing + "; it has " + manifest.groupColumns()));
        }
        List<List<String>> intersections = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (List<String> combo : settings.intersections()) {
            List<String> absent = combo.stream().filter(c -> !manifest.groupColumns().contains(c)).toList();
            if (absent.isEmpty()) {
                intersections.add(combo);
            } else {
                skipped.put(String.join(" x ", combo), "the dataset has no group column " + absent);
            }
        }
        return new Scope(List.copyOf(evaluated), notEvaluated, List.copyOf(groupColumns), intersections, skipped);
    }

    /** A run of consecutive samples, with their images, read where the unit runs. */
    private record Unit(int first, int end, List<ImageSource> images) implements Serializable {
    }

    /**
     * One image's analysis as the files need it, made where the unit runs (an executor, on a distributed
     * backend): the call's outcome and, for the first face, each evaluated attribute's estimate as
     * {@code attribute, label, value, confidence}.
     */
    private record Analysed(FailureCode failureCode, String failureMessage, int faces, long latencyNs,
                            List<List<String>> estimates) implements Serializable {
        static Analysed failed(Failure failure, long latencyNs) {
            return new Analysed(failure.code(), failure.message(), 0, latencyNs, List.of());
        }

        boolean ok() {
            return failureCode == null;
        }

        Failure failure() {
            return ok() ? null : new Failure(failureCode, failureMessage);
        }
    }

    /** Analyses in unit order: merging appends. */
    static final class Analyses implements Mergeable<Analyses> {
        private static final long serialVersionUID = 1L;
        private final ArrayList<Analysed> images = new ArrayList<>();

        @Override
        public Analyses mergedWith(Analyses later) {
            images.addAll(later.images);
            return this;
        }
    }

    /** Analyses a unit's images through the guard, with the system opened where the unit runs. */
    private record AnalysisJob(List<String> attributes, long maxPixels) implements UnitJob<Unit, Analyses> {
        @Override
        public Analyses compute(Unit unit, Worker worker) {
            GuardedAnalyzer analyzer = new GuardedAnalyzer(worker.system(), worker.timings());
            Analyses analyses = new Analyses();
            for (ImageSource image : unit.images()) {
                // An image the copy lacks or that is unreadable: the dataset's failure to acquire, recorded as a
                // failed analysis without calling the system (never dropped).
                DatasetImages.Acquired acquired = DatasetImages.acquire(List.of(image), maxPixels);
                analyses.images.add(acquired.ok()
                        ? analysed(analyzer.analyze(acquired.images().get(0)), attributes)
                        : Analysed.failed(acquired.failure(), 0L));
            }
            return analyses;
        }
    }

    private static Analysed analysed(GuardedAnalyzer.Outcome outcome, List<String> attributes) {
        if (!outcome.ok()) {
            return Analysed.failed(outcome.failure(), outcome.latencyNs());
        }
        List<List<String>> estimates = new ArrayList<>();
        if (!outcome.faces().isEmpty()) {
            FaceAnalysis first = outcome.faces().get(0);
            for (String name : attributes) {
                for (Map.Entry<Attribute, AttributeEstimate> e : first.estimates().entrySet()) {
                    if (e.getKey().name().equals(name)) {
                        AttributeEstimate estimate = e.getValue();
                        estimates.add(List.of(name, estimate.label().orElse(""),
                                estimate.value().isPresent() ? Double.toString(estimate.value().getAsDouble()) : "",
                                Double.toString(estimate.confidence())));
                    }
                }
            }
        }
        return new Analysed(null, null, outcome.faces().size(), outcome.latencyNs(), estimates);
    }

    /** Units handed to the writer at once, at most. */
    static final int UNITS_PER_RESULT = 64;

    private static StageSummary run(Scope scope, ExecutionContext context) throws IOException, InterruptedException {
        DatasetManifest manifest = context.request().manifest();
        List<Sample> samples = manifest.samples();
        List<Unit> units = new ArrayList<>();
        for (int first = 0; first < samples.size(); first += IMAGES_PER_UNIT) {
            int end = Math.min(samples.size(), first + IMAGES_PER_UNIT);
            units.add(new Unit(first, end, samples.subList(first, end).stream()
                    .map(sample -> ImageSource.of(manifest, sample)).toList()));
        }
        long[] counts = new long[3]; // ok, no face, failed
        long t0 = System.nanoTime();
        try (Progress.Stage stage = context.progress().stage("analyses", samples.size());
             AtomicFiles.Output analysesFile = AtomicFiles.open(context.runDir().resolve(AnalysesCsv.FILE));
             AtomicFiles.Output estimatesFile = AtomicFiles.open(context.runDir().resolve(EstimatesCsv.FILE))) {
            CSVPrinter analyses = Csv.printer(analysesFile,
                    AnalysesCsv.headerRow(scope.attributes(), scope.groupColumns()));
            CSVPrinter estimates = Csv.printer(estimatesFile, Column.headerRow(EstimatesCsv.values()));
            context.backend().run(new WorkPlan<>("analyses", units, new AnalysisJob(scope.attributes(),
                    context.request().execution().limits().maxImagePixels()),
                    UNITS_PER_RESULT), (firstUnit, endUnit, made) -> {
                        int first = units.get(firstUnit).first();
                        for (int i = 0; i < made.images.size(); i++) {
                            write(analyses, estimates, samples.get(first + i), made.images.get(i), scope, counts);
                        }
                        stage.advance(made.images.size());
                    });
            analyses.flush();
            estimates.flush();
            analysesFile.commit();
            estimatesFile.commit();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double perSecond = seconds > 0 ? samples.size() / seconds : 0;
        context.timings().stage(TimedStage.ANALYSES, seconds);
        return new StageSummary()
                .stages(new StagesBlock(null, null, null, null, new StagesBlock.Analyses(samples.size(), counts[0],
                        counts[1], counts[2], seconds, perSecond)))
                .line("analyses: %,d images, %,d with a face, %,d without, %,d failed, in %.2f s (%,.0f images/s)",
                        samples.size(), counts[0], counts[1], counts[2], seconds, perSecond)
                .figure("images", samples.size())
                .figure("analyses_ok", counts[0])
                .figure("no_face", counts[1])
                .figure("analyses_failed", counts[2]);
    }

    private static void write(CSVPrinter analyses, CSVPrinter estimates, Sample sample, Analysed outcome,
                              Scope scope, long[] counts) throws IOException {
        AnalysesCsv.Status status;
        Failure failure = outcome.failure();
        if (outcome.ok() && outcome.faces() > 0) {
            status = AnalysesCsv.Status.OK;
            counts[0]++;
        } else if (outcome.ok() || failure.code() == FailureCode.FACE_DETECTION_ERROR) {
            status = AnalysesCsv.Status.NO_FACE;
            failure = failure != null ? failure : new Failure(FailureCode.FACE_DETECTION_ERROR, "no face found");
            counts[1]++;
        } else {
            status = AnalysesCsv.Status.FAILED;
            counts[2]++;
        }
        List<Object> row = new ArrayList<>(List.of(sample.sampleId(), sample.subjectId(), status.text(),
                failure == null ? "" : failure.code().name(), failure == null ? "" : failure.message(),
                Integer.toString(outcome.faces()), Long.toString(outcome.latencyNs())));
        scope.attributes().forEach(a -> row.add(sample.labels().getOrDefault(a, "")));
        scope.groupColumns().forEach(g -> row.add(sample.groups().getOrDefault(g, "")));
        Csv.row(analyses, row);
        if (status != AnalysesCsv.Status.OK) {
            return;
        }
        for (List<String> estimate : outcome.estimates()) {
            List<String> line = new ArrayList<>(5);
            line.add(sample.sampleId());
            line.addAll(estimate);
            Csv.row(estimates, line);
        }
    }
}
