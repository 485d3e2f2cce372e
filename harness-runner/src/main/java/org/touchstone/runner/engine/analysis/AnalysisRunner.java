package org.touchstone.runner.engine.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ImageSource;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.runner.engine.stage.CapabilityRunner;
import org.touchstone.runner.engine.stage.ExecutionContext;
import org.touchstone.runner.engine.backend.OrderedUnits;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.stage.StageSummary;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.engine.rundir.AtomicFiles;
import org.touchstone.runner.engine.rundir.Csv;
import org.touchstone.runner.engine.rundir.RunJson;
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
            public void describe(RunJson json) {
                ObjectNode evaluation = json.section("evaluation");
                ArrayNode attributes = evaluation.putArray("attributes");
                scope.attributes().forEach(attributes::add);
                ObjectNode notEvaluated = evaluation.putObject("attributes_not_evaluated");
                scope.notEvaluated().forEach(notEvaluated::put);
                ArrayNode thresholds = evaluation.putArray("confidence_thresholds");
                settings.confidenceThresholds().forEach(thresholds::add);
                evaluation.set("thresholds", settings.vendorThresholds()
                        ? RunJson.thresholds(request.system().descriptor().thresholds(), Capability.ANALYSIS)
                        : json.root().arrayNode());
                ArrayNode ages = evaluation.putArray("age_thresholds");
                settings.ageThresholds().forEach(ages::add);
                evaluation.put("calibration_bins", settings.calibrationBins());
                ArrayNode groups = evaluation.putArray("group_columns");
                scope.groupColumns().forEach(groups::add);
                ArrayNode intersections = evaluation.putArray("intersections");
                scope.intersections().forEach(i -> {
                    ArrayNode combo = intersections.addArray();
                    i.forEach(combo::add);
                });
                ObjectNode skipped = evaluation.putObject("intersections_skipped");
                scope.skippedIntersections().forEach(skipped::put);
                evaluation.put("equivalence_margin", settings.equivalenceMargin());
                evaluation.put("failure_policy", settings.failurePolicy().externalName());
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
        List<Unit> units = new ArrayList<>();
        for (int first = 0; first < samples.size(); first += IMAGES_PER_UNIT) {
            units.add(new Unit(first, Math.min(samples.size(), first + IMAGES_PER_UNIT)));
        }
        List<String> header = new ArrayList<>(List.of("sample_id", "subject_id", "status", "failure_code", "message",
                "faces", "latency_ns"));
        scope.attributes().forEach(a -> header.add("label:" + a));
        scope.groupColumns().forEach(g -> header.add("group:" + g));
        long[] counts = new long[3]; // ok, no face, failed
        long t0 = System.nanoTime();
        try (Progress.Stage stage = context.progress().stage("analyses", samples.size());
             AtomicFiles.Output analysesFile = AtomicFiles.open(context.runDir().resolve("analyses.csv"));
             AtomicFiles.Output estimatesFile = AtomicFiles.open(context.runDir().resolve("estimates.csv"))) {
            CSVPrinter analyses = Csv.printer(analysesFile, header.toArray(String[]::new));
            CSVPrinter estimates = Csv.printer(estimatesFile, "sample_id", "attribute", "label", "value", "confidence");
            OrderedUnits.run(context.pool(), units, 2 * context.threads(), unit -> {
                GuardedAnalyzer.Outcome[] outcomes = new GuardedAnalyzer.Outcome[unit.end() - unit.first()];
                for (int i = unit.first(); i < unit.end(); i++) {
                    outcomes[i - unit.first()] = analyzer.analyze(ImageSource.of(manifest, samples.get(i)).readUnchecked());
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
        ObjectNode a = context.json().section("stages").putObject("analyses");
        a.put("images", samples.size());
        a.put("ok", counts[0]);
        a.put("no_face", counts[1]);
        a.put("failed", counts[2]);
        a.put("seconds", seconds);
        a.put("images_per_second", perSecond);
        return new StageSummary()
                .line("analyses: %,d images, %,d with a face, %,d without, %,d failed, in %.2f s (%,.0f images/s)",
                        samples.size(), counts[0], counts[1], counts[2], seconds, perSecond)
                .figure("images", samples.size())
                .figure("analyses_ok", counts[0])
                .figure("no_face", counts[1])
                .figure("analyses_failed", counts[2]);
    }

    private static void write(CSVPrinter analyses, CSVPrinter estimates, Sample sample, GuardedAnalyzer.Outcome outcome,
                              Scope scope, long[] counts) throws IOException {
        String status;
        Failure failure = outcome.failure();
        if (outcome.ok() && !outcome.faces().isEmpty()) {
            status = "ok";
            counts[0]++;
        } else if (outcome.ok() || failure.code() == FailureCode.FACE_DETECTION_ERROR) {
            status = "no_face";
            failure = failure != null ? failure : new Failure(FailureCode.FACE_DETECTION_ERROR, "no face found");
            counts[1]++;
        } else {
            status = "failed";
            counts[2]++;
        }
        List<Object> row = new ArrayList<>(List.of(sample.sampleId(), sample.subjectId(), status,
                failure == null ? "" : failure.code().name(), failure == null ? "" : failure.message(),
                Integer.toString(outcome.ok() ? outcome.faces().size() : 0), Long.toString(outcome.latencyNs())));
        scope.attributes().forEach(a -> row.add(sample.labels().getOrDefault(a, "")));
        scope.groupColumns().forEach(g -> row.add(sample.groups().getOrDefault(g, "")));
        analyses.printRecord(row);
        if (!status.equals("ok")) {
            return;
        }
        FaceAnalysis first = outcome.faces().get(0);
        for (String name : scope.attributes()) {
            for (Map.Entry<Attribute, AttributeEstimate> e : first.estimates().entrySet()) {
                if (e.getKey().name().equals(name)) {
                    AttributeEstimate estimate = e.getValue();
                    estimates.printRecord(sample.sampleId(), name, estimate.label().orElse(""),
                            estimate.value().isPresent() ? Double.toString(estimate.value().getAsDouble()) : "",
                            Double.toString(estimate.confidence()));
                }
            }
        }
    }
}
