package org.touchstone.runner.engine.analysis;

import java.io.IOException;
import java.io.InterruptedIOException;
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
import org.touchstone.runner.engine.backend.OrderedUnits;
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

    /** A run of consecutive samples. */
    private record Unit(int first, int end) {
    }

    private static StageSummary run(Scope scope, ExecutionContext context) throws IOException, InterruptedException {
        DatasetManifest manifest = context.request().manifest();
        List<Sample> samples = manifest.samples();
        GuardedAnalyzer analyzer = new GuardedAnalyzer(context.system(), context.timings());
        long maxPixels = context.request().execution().limits().maxImagePixels();
        List<Unit> units = new ArrayList<>();
        for (int first = 0; first < samples.size(); first += IMAGES_PER_UNIT) {
            units.add(new Unit(first, Math.min(samples.size(), first + IMAGES_PER_UNIT)));
        }
        long[] counts = new long[3]; // ok, no face, failed
        long t0 = System.nanoTime();
        try (Progress.Stage stage = context.progress().stage("analyses", samples.size());
             AtomicFiles.Output analysesFile = AtomicFiles.open(context.runDir().resolve(AnalysesCsv.FILE));
             AtomicFiles.Output estimatesFile = AtomicFiles.open(context.runDir().resolve(EstimatesCsv.FILE))) {
            CSVPrinter analyses = Csv.printer(analysesFile,
                    AnalysesCsv.headerRow(scope.attributes(), scope.groupColumns()));
            CSVPrinter estimates = Csv.printer(estimatesFile, Column.headerRow(EstimatesCsv.values()));
            OrderedUnits.run(context.pool(), units, 2 * context.threads(), unit -> {
                GuardedAnalyzer.Outcome[] outcomes = new GuardedAnalyzer.Outcome[unit.end() - unit.first()];
                for (int i = unit.first(); i < unit.end(); i++) {
                    ImageSource image = ImageSource.of(manifest, samples.get(i));
                    // An image the copy lacks or that is unreadable: the dataset's failure to acquire, recorded
                    // as a failed analysis without calling the system (never dropped).
                    DatasetImages.Acquired acquired = DatasetImages.acquire(List.of(image), maxPixels);
                    outcomes[i - unit.first()] = acquired.ok()
                            ? analyzer.analyze(acquired.images().get(0))
                            : new GuardedAnalyzer.Outcome(null, acquired.failure(), 0L);
                }
                return outcomes;
            }, (unit, outcomes) -> {
                for (int i = unit.first(); i < unit.end(); i++) {
                    write(analyses, estimates, samples.get(i), outcomes[i - unit.first()], scope, counts);
                }
                stage.advance(unit.end() - unit.first());
            });
            analyses.flush();
            estimates.flush();
            analysesFile.commit();
            estimatesFile.commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while analysing");
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

    private static void write(CSVPrinter analyses, CSVPrinter estimates, Sample sample, GuardedAnalyzer.Outcome outcome,
                              Scope scope, long[] counts) throws IOException {
        AnalysesCsv.Status status;
        Failure failure = outcome.failure();
        if (outcome.ok() && !outcome.faces().isEmpty()) {
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
                Integer.toString(outcome.ok() ? outcome.faces().size() : 0), Long.toString(outcome.latencyNs())));
        scope.attributes().forEach(a -> row.add(sample.labels().getOrDefault(a, "")));
        scope.groupColumns().forEach(g -> row.add(sample.groups().getOrDefault(g, "")));
        Csv.row(analyses, row);
        if (status != AnalysesCsv.Status.OK) {
            return;
        }
        FaceAnalysis first = outcome.faces().get(0);
        for (String name : scope.attributes()) {
            for (Map.Entry<Attribute, AttributeEstimate> e : first.estimates().entrySet()) {
                if (e.getKey().name().equals(name)) {
                    AttributeEstimate estimate = e.getValue();
                    Csv.row(estimates, sample.sampleId(), name, estimate.label().orElse(""),
                            estimate.value().isPresent() ? Double.toString(estimate.value().getAsDouble()) : "",
                            Double.toString(estimate.confidence()));
                }
            }
        }
    }
}
