package org.touchstone.runner.engine.identification;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.touchstone.api.Capability;
import org.touchstone.protocols.IdentificationSettings;
import org.touchstone.protocols.MegafaceChallengeSettings;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.protocols.ProtocolProblem;
import org.touchstone.runformat.descriptor.DescriptorJson;
import org.touchstone.runformat.runjson.DatasetBlock;
import org.touchstone.runformat.runjson.Evaluation;
import org.touchstone.runformat.runjson.IdentificationEvaluation;
import org.touchstone.runformat.runjson.StagesBlock;
import org.touchstone.runner.engine.checkpoint.StageClock;
import org.touchstone.runner.engine.stage.CapabilityRunner;
import org.touchstone.runner.engine.stage.ExecutionContext;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.stage.StageSummary;
import org.touchstone.runner.engine.stage.TemplateSet;
import org.touchstone.runner.engine.stage.TemplateStage;
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
        if (settings.megafaceChallenge().isPresent()) {
            return megafaceChallenge(request, settings, settings.megafaceChallenge().get());
        }
        IdentificationPlan plan;
        if (settings.templateGalleries().isPresent()) {
            try {
                plan = TemplateGalleriesPlan.build(settings.templateGalleries().get(), request.manifest(),
                        request.protocol().source());
            } catch (java.io.IOException e) {
                throw new ProtocolException(new ProtocolProblem(request.protocol().source(), 0, 0,
                        "identification", "the dataset's template lists: " + e.getMessage()));
            }
        } else {
            plan = IdentificationPlan.build(settings, request.protocol().seed(), request.manifest(),
                    request.protocol().source());
        }
        Integer fnirRank = settings.templateGalleries().map(t -> t.fnirRank()).orElse(null);
        Boolean galleryAverage = settings.templateGalleries().map(t -> t.averaged() ? Boolean.TRUE : null)
                .orElse(null);
        return new Planned() {
            @Override
            public Evaluation evaluation() {
                return new IdentificationEvaluation(request.manifest().groupColumns(), settings.candidateListLength(),
                        settings.ranks(), settings.fpirTargets(), settings.vendorThresholds()
                        ? DescriptorJson.thresholds(request.system().descriptor().thresholds(Capability.IDENTIFICATION))
                        : List.of(), settings.failurePolicy().externalName(), null, fnirRank, galleryAverage, null, null);
            }

            @Override
            public DatasetBlock dataset(DatasetBlock manifest) {
                return manifest.withIdentificationPlan(plan.templates().size(), plan.matedSubjects().size(),
                        plan.nonMatedSubjects().size(), plan.distractors().size(), plan.unusedSubjects(),
                        plan.probes().size(), plan.galleries().stream().map(g -> g.id()).toList());
            }

            @Override
            public StageSummary execute(ExecutionContext context) throws IOException, InterruptedException {
                return run(plan, SearchStage.GalleryDesign.everyProbe(plan, settings.candidateListLength()), context);
            }
        };
    }

    /** MegaFace Challenge 1: the dataset's lists give the galleries; see {@link MegafacePlan}. */
    private static Planned megafaceChallenge(RunRequest request, IdentificationSettings settings,
                                             MegafaceChallengeSettings challenge) throws ProtocolException {
        MegafacePlan megaface = MegafacePlan.build(challenge, request.manifest());
        IdentificationPlan plan = megaface.plan();
        return new Planned() {
            @Override
            public Evaluation evaluation() {
                return new IdentificationEvaluation(request.manifest().groupColumns(), challenge.candidateListLength(),
                        challenge.ranks(), List.of(), List.of(), challenge.failurePolicy().externalName(), null, null, null,
                        IdentificationEvaluation.MEGAFACE_C1, challenge.farTargets());
            }

            @Override
            public DatasetBlock dataset(DatasetBlock manifest) {
                return manifest.withIdentificationPlan(plan.templates().size(), plan.matedSubjects().size(),
                        0, plan.distractors().size(), plan.unusedSubjects(), plan.probes().size(),
                        plan.galleries().stream().map(g -> g.id()).toList());
            }

            @Override
            public StageSummary execute(ExecutionContext context) throws IOException, InterruptedException {
                StageSummary summary = run(plan, megaface.design(), context);
                if (!megaface.missingSizes().isEmpty()) {
                    summary.line("distractor sizes %s: the dataset has no list for them, not measured",
                            megaface.missingSizes());
                }
                return summary;
            }
        };
    }

    private static StageSummary run(IdentificationPlan plan, SearchStage.GalleryDesign design,
                                    ExecutionContext context) throws IOException, InterruptedException {
        long maxTemplateBytes = context.request().execution().limits().maxTemplateBytes();
        TemplateStage.Completed made = TemplateStage.run(context, plan.templates(),
                (system, timings) -> new GuardedIdentifier(system, timings, maxTemplateBytes),
                TemplateStage.Roles.IDENTIFICATION);
        TemplateStage.Templates templates = made.templates();
        Map<String, SearchResults> results = new LinkedHashMap<>();
        int shardSize = context.request().execution().galleryShardSize();
        SearchStage.Counts counts;
        double searchSeconds;
        // The clock runs over building and searching; the building's own time is taken out of both sums.
        try (StageClock clock = context.checkpoints().clock("searches")) {
            counts = new SearchStage(context.backend(), context.progress()).run(plan, design,
                    context.backend().share(new TemplateSet(templates)), templates, shardSize, context.runDir(),
                    context.checkpoints(), results);
            clock.stop();
            searchSeconds = Math.max(0, clock.seconds() - counts.finalizeSeconds());
            context.timings().stage(TimedStage.GALLERIES, counts.attemptFinalizeSeconds());
            context.timings().stage(TimedStage.SEARCHES,
                    Math.max(0, clock.attemptSeconds() - counts.attemptFinalizeSeconds()));
        }
        long searched = counts.ok() + counts.failed();
        double perSecond = searchSeconds > 0 ? searched / searchSeconds : 0;

        StagesBlock stages = new StagesBlock(made.block(), null, new StagesBlock.Galleries(plan.galleries().size(),
                counts.galleriesFailed(), counts.finalizeSeconds(), shardSize < Integer.MAX_VALUE ? shardSize : null),
                new StagesBlock.Searches(counts.searches(), counts.ok(), counts.failed(), counts.notSearched(),
                        searchSeconds, perSecond, counts.batchRetries()), null);

        StageSummary summary = new StageSummary().stages(stages);
        results.forEach((gallery, outcomes) -> summary.summary("searches " + gallery, outcomes));
        return made.summarise(summary)
                .line("galleries: %d built (largest %,d templates), %d failed, in %.2f s", plan.galleries().size(),
                        plan.galleries().stream().mapToInt(g -> g.templates().size()).max().orElse(0),
                        counts.galleriesFailed(),
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
