package org.touchstone.runner.engine.verification;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.touchstone.api.Capability;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.runformat.columns.Column;
import org.touchstone.runformat.columns.FoldsCsv;
import org.touchstone.runformat.io.AtomicFiles;
import org.touchstone.runner.engine.rundir.Csv;
import org.touchstone.runner.engine.checkpoint.StageClock;
import org.touchstone.runner.engine.stage.TemplateSpec;
import org.touchstone.runformat.descriptor.DescriptorJson;
import org.touchstone.runformat.runjson.DatasetBlock;
import org.touchstone.runformat.runjson.Evaluation;
import org.touchstone.runformat.runjson.StagesBlock;
import org.touchstone.runformat.runjson.VerificationEvaluation;
import org.touchstone.protocols.VerificationSettings;
import org.touchstone.runner.engine.stage.CapabilityRunner;
import org.touchstone.runner.engine.stage.ExecutionContext;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.stage.StageSummary;
import org.touchstone.runner.engine.stage.TemplateSet;
import org.touchstone.runner.engine.stage.TemplateStage;
import org.touchstone.runner.systems.guard.GuardedVerifier;
import org.touchstone.runner.engine.timing.TimedStage;

/**
 * Verification (1:1): plans templates and pairs, creates the templates, then compares every pair,
 * writing {@code templates.csv} and {@code comparisons.csv}. Both stages run on the run's execution
 * backend; the comparisons' {@link ComparisonSummary} is reported as the stage summary
 * {@code comparisons}.
 */
public final class VerificationRunner implements CapabilityRunner {
    @Override
    public Capability capability() {
        return Capability.VERIFICATION;
    }

    @Override
    public Planned plan(RunRequest request) throws ProtocolException {
        VerificationSettings settings = request.protocol().verification().orElseThrow();
        VerificationPlan plan = VerificationPlan.build(settings, request.manifest());
        return new Planned() {
            @Override
            public Evaluation evaluation() {
                return new VerificationEvaluation(request.manifest().groupColumns(), settings.fmrTargets(),
                        settings.vendorThresholds() ? DescriptorJson.thresholds(request.system().descriptor()
                                .thresholds(Capability.VERIFICATION)) : List.of(),
                        settings.failurePolicy().externalName(), null);
            }

            @Override
            public DatasetBlock dataset(DatasetBlock manifest) {
                return manifest.withVerificationPlan(plan.templates().size(), plan.unusedSamples());
            }

            @Override
            public StageSummary execute(ExecutionContext context) throws IOException, InterruptedException {
                return run(plan, context);
            }
        };
    }

    /** Writes each pair's fold, in pair-list order (docs/run-directory.md). */
    private static void writeFolds(VerificationPlan plan, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            try (CSVPrinter csv = Csv.printer(out, Column.headerRow(FoldsCsv.values()))) {
                for (int[] pair : plan.folds()) {
                    csv.printRecord(TemplateSpec.idOf(pair[0]), TemplateSpec.idOf(pair[1]), pair[2]);
                }
            }
        });
    }

    private static StageSummary run(VerificationPlan plan, ExecutionContext context)
            throws IOException, InterruptedException {
        long maxTemplateBytes = context.request().execution().limits().maxTemplateBytes();
        TemplateStage.Completed templates = TemplateStage.run(context, plan.templates(),
                (system, timings) -> new GuardedVerifier(system, timings, maxTemplateBytes),
                TemplateStage.Roles.VERIFICATION);
        if (!plan.folds().isEmpty()) {
            writeFolds(plan, context.runDir().resolve(FoldsCsv.FILE));
        }
        ComparisonSummary counts;
        double comparisonSeconds;
        try (StageClock clock = context.checkpoints().clock("comparisons")) {
            counts = new ComparisonStage(context.backend(), context.progress()).run(plan,
                    context.backend().share(new TemplateSet(templates.templates())), context.checkpoints());
            clock.stop();
            comparisonSeconds = clock.seconds();
            context.timings().stage(TimedStage.COMPARISONS, clock.attemptSeconds());
        }
        double perSecond = comparisonSeconds > 0 ? counts.compared() / comparisonSeconds : 0;

        StagesBlock.Comparisons comparisons = new StagesBlock.Comparisons(counts.pairs(), counts.compared(),
                counts.failedComparisons(), counts.notCompared(), comparisonSeconds, perSecond, counts.batchRetries());

        long missingImages = plan.templates().stream().flatMap(t -> t.samples().stream()).filter(Sample::missing)
                .map(Sample::sampleId).distinct().count();
        StageSummary summary = templates.summarise(new StageSummary());
        if (missingImages > 0) {
            summary.line("images missing from the dataset: %,d (failures to acquire, the dataset's: their templates"
                    + " failed without calling the system and their pairs count as non-matches)", missingImages);
        }
        return summary
                .line("comparisons: %,d of %,d pairs in %.2f s (%,.0f comparisons/s)", counts.compared(),
                        counts.pairs(), comparisonSeconds, perSecond)
                .figure("pairs", counts.pairs())
                .figure("compared", counts.compared())
                .figure("comparisons_per_second", perSecond)
                .summary("comparisons", counts)
                .stages(new StagesBlock(templates.block(), comparisons, null, null, null));
    }
}
