package org.touchstone.runner.engine.verification;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.touchstone.api.Capability;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.protocols.VerificationSettings;
import org.touchstone.runner.engine.stage.CapabilityRunner;
import org.touchstone.runner.engine.stage.ExecutionContext;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.stage.StageSummary;
import org.touchstone.runner.engine.stage.TemplateSet;
import org.touchstone.runner.engine.stage.TemplateStage;
import org.touchstone.runner.engine.rundir.RunJson;
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
            public void describe(RunJson json) {
                ObjectNode evaluation = json.section("evaluation");
                ArrayNode targets = evaluation.putArray("fmr_targets");
                settings.fmrTargets().forEach(targets::add);
                evaluation.set("thresholds", settings.vendorThresholds()
                        ? RunJson.thresholds(request.system().descriptor().thresholds(), Capability.VERIFICATION)
                        : json.root().arrayNode());
                evaluation.put("failure_policy", settings.failurePolicy().externalName());
                ObjectNode dataset = json.section("dataset");
                dataset.put("templates", plan.templates().size());
                dataset.put("unused_samples", plan.unusedSamples());
            }

            @Override
            public StageSummary execute(ExecutionContext context) throws IOException, InterruptedException {
                return run(plan, context);
            }
        };
    }

    private static StageSummary run(VerificationPlan plan, ExecutionContext context)
            throws IOException, InterruptedException {
        TemplateStage.Completed templates = TemplateStage.run(context, plan.templates(), GuardedVerifier::new,
                TemplateStage.Roles.VERIFICATION);
        long t1 = System.nanoTime();
        ComparisonSummary counts = new ComparisonStage(context.backend(), context.progress()).run(plan,
                context.backend().share(new TemplateSet(templates.templates())), context.checkpoints());
        double comparisonSeconds = (System.nanoTime() - t1) / 1e9;
        double perSecond = comparisonSeconds > 0 ? counts.compared() / comparisonSeconds : 0;
        context.timings().stage(TimedStage.COMPARISONS, comparisonSeconds);

        ObjectNode stages = context.json().section("stages");
        templates.describe(stages);
        ObjectNode c = stages.putObject("comparisons");
        c.put("pairs", counts.pairs());
        c.put("compared", counts.compared());
        c.put("comparison_failures", counts.failedComparisons());
        c.put("not_compared", counts.notCompared());
        c.put("seconds", comparisonSeconds);
        c.put("comparisons_per_second", perSecond);
        c.put("batch_retries", counts.batchRetries());

        return templates.summarise(new StageSummary())
                .line("comparisons: %,d of %,d pairs in %.2f s (%,.0f comparisons/s)", counts.compared(),
                        counts.pairs(), comparisonSeconds, perSecond)
                .figure("pairs", counts.pairs())
                .figure("compared", counts.compared())
                .figure("comparisons_per_second", perSecond)
                .summary("comparisons", counts);
    }
}
