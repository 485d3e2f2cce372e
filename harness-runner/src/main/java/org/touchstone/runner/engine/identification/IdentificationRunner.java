package org.touchstone.runner.engine.identification;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.touchstone.api.Capability;
import org.touchstone.protocols.IdentificationSettings;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.runner.engine.stage.CapabilityRunner;
import org.touchstone.runner.engine.stage.ExecutionContext;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.stage.StageSummary;
import org.touchstone.runner.engine.stage.TemplateSet;
import org.touchstone.runner.engine.stage.TemplateStage;
import org.touchstone.runner.engine.rundir.RunJson;
import org.touchstone.runner.systems.guard.GuardedIdentifier;
import org.touchstone.runner.engine.timing.TimedStage;

/**
 * Identification (1:N): splits subjects, creates enrolment and probe templates, then for each gallery
 * of the distractor sweep finalises it and searches every probe, writing {@code templates.csv},
 * {@code galleries.csv}, {@code searches.csv} and {@code candidates.csv}.
 */
public final class IdentificationRunner implements CapabilityRunner {
    @Override
    public Capability capability() {
        return Capability.IDENTIFICATION;
    }

    @Override
    public Planned plan(RunRequest request) throws ProtocolException {
        IdentificationSettings settings = request.protocol().identification().orElseThrow();
        IdentificationPlan plan = IdentificationPlan.build(settings, request.protocol().seed(), request.manifest(),
                request.protocol().source());
        return new Planned() {
            @Override
            public void describe(RunJson json) {
                ObjectNode evaluation = json.section("evaluation");
                evaluation.put("candidate_list_length", settings.candidateListLength());
                ArrayNode ranks = evaluation.putArray("ranks");
                settings.ranks().forEach(ranks::add);
                ArrayNode targets = evaluation.putArray("fpir_targets");
                settings.fpirTargets().forEach(targets::add);
                evaluation.set("thresholds", settings.vendorThresholds()
                        ? RunJson.thresholds(request.system().descriptor().thresholds(), Capability.IDENTIFICATION)
                        : json.root().arrayNode());
                evaluation.put("failure_policy", settings.failurePolicy().externalName());
                ObjectNode dataset = json.section("dataset");
                dataset.put("templates", plan.templates().size());
                dataset.put("mated_subjects", plan.matedSubjects().size());
                dataset.put("non_mated_subjects", plan.nonMatedSubjects().size());
                dataset.put("distractor_subjects", plan.distractors().size());
                dataset.put("unused_subjects", plan.unusedSubjects());
                dataset.put("probes", plan.probes().size());
                ArrayNode galleries = dataset.putArray("galleries");
                plan.galleries().forEach(g -> galleries.add(g.id()));
            }

            @Override
            public StageSummary execute(ExecutionContext context) throws IOException, InterruptedException {
                return run(plan, settings, context);
            }
        };
    }

    private static StageSummary run(IdentificationPlan plan, IdentificationSettings settings, ExecutionContext context)
            throws IOException, InterruptedException {
        TemplateStage.Completed made = TemplateStage.run(context, plan.templates(), GuardedIdentifier::new,
                TemplateStage.Roles.IDENTIFICATION);
        TemplateStage.Templates templates = made.templates();
        long t1 = System.nanoTime();
        Map<String, SearchResults> results = new LinkedHashMap<>();
        int shardSize = context.request().execution().galleryShardSize();
        SearchStage.Counts counts = new SearchStage(context.backend(), context.progress()).run(plan,
                context.backend().share(new TemplateSet(templates)), templates, settings.candidateListLength(),
                shardSize, context.runDir(), context.checkpoints(), results);
        double searchSeconds = (System.nanoTime() - t1) / 1e9 - counts.finalizeSeconds();
        long searched = counts.ok() + counts.failed();
        double perSecond = searchSeconds > 0 ? searched / searchSeconds : 0;
        context.timings().stage(TimedStage.GALLERIES, counts.finalizeSeconds());
        context.timings().stage(TimedStage.SEARCHES, searchSeconds);

        ObjectNode stages = context.json().section("stages");
        made.describe(stages);
        ObjectNode g = stages.putObject("galleries");
        g.put("galleries", plan.galleries().size());
        g.put("failures", counts.galleriesFailed());
        g.put("seconds", counts.finalizeSeconds());
        if (shardSize < Integer.MAX_VALUE) {
            g.put("shard_templates", shardSize);
        }
        ObjectNode s = stages.putObject("searches");
        s.put("searches", counts.searches());
        s.put("ok", counts.ok());
        s.put("failed", counts.failed());
        s.put("not_searched", counts.notSearched());
        s.put("seconds", searchSeconds);
        s.put("searches_per_second", perSecond);
        s.put("batch_retries", counts.batchRetries());

        StageSummary summary = new StageSummary();
        results.forEach((gallery, outcomes) -> summary.summary("searches " + gallery, outcomes));
        return made.summarise(summary)
                .line("galleries: %d built (largest %,d templates), %d failed, in %.2f s", plan.galleries().size(),
                        plan.galleries().get(plan.galleries().size() - 1).templates().size(), counts.galleriesFailed(),
                        counts.finalizeSeconds())
                .line("searches: %,d of %,d answered, %,d failed, %,d not searched, in %.2f s (%,.0f searches/s)",
                        counts.ok(), counts.searches(), counts.failed(), counts.notSearched(), searchSeconds, perSecond)
                .figure("galleries", plan.galleries().size())
                .figure("searches", counts.searches())
                .figure("searches_ok", counts.ok())
                .figure("searches_failed", counts.failed())
                .figure("not_searched", counts.notSearched());
    }
}
