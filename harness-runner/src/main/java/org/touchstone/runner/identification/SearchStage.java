package org.touchstone.runner.identification;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.apache.commons.csv.CSVPrinter;
import org.touchstone.api.Candidate;
import org.touchstone.api.Failure;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Template;
import org.touchstone.runner.execution.OrderedUnits;
import org.touchstone.runner.execution.TemplateSpec;
import org.touchstone.runner.execution.TemplateStage;
import org.touchstone.runner.progress.Progress;
import org.touchstone.runner.rundir.AtomicFiles;
import org.touchstone.runner.rundir.Csv;
import org.touchstone.runner.systems.Guard;
import org.touchstone.runner.systems.GuardedIdentifier;
import org.touchstone.runner.systems.SearchOutcome;
import org.touchstone.runner.systems.TemplateOutcome;

/**
 * The 1:N stages after templates: for each gallery of the distractor sweep, hand its enrolment
 * templates to the system to finalise, search every probe in it (in parallel, in blocks of
 * {@value #PROBE_BLOCK} probes per batched call), and stream {@code searches.csv} and
 * {@code candidates.csv} in plan order; then write {@code galleries.csv}.
 */
final class SearchStage {
    static final int PROBE_BLOCK = 16;

    private final ExecutorService pool;
    private final Progress progress;
    private final int inFlight;

    SearchStage(ExecutorService pool, Progress progress, int threads) {
        this.pool = pool;
        this.progress = progress;
        this.inFlight = 2 * threads;
    }

    /** Counts of what the stage did. */
    record Counts(long searches, long ok, long failed, long notSearched, long galleriesFailed, double finalizeSeconds) {
    }

    /** A block of consecutive probes searched in one gallery. */
    private record Unit(int first, int end) {
    }

    Counts run(IdentificationPlan plan, TemplateStage.Templates templates, GuardedIdentifier identifier,
               int candidateListLength, Path workingDirectory, Path runDir) throws IOException, InterruptedException {
        List<TemplateSpec> specs = plan.templates();
        Set<String> mated = new HashSet<>(plan.matedSubjects());
        List<Integer> probes = plan.probes();
        List<Unit> units = new ArrayList<>();
        for (int first = 0; first < probes.size(); first += PROBE_BLOCK) {
            units.add(new Unit(first, Math.min(probes.size(), first + PROBE_BLOCK)));
        }
        long[] counts = new long[4];
        long finalizeNs = 0;
        List<List<Object>> galleryRows = new ArrayList<>();
        try (Progress.Stage stage = progress.stage("searches", (long) plan.galleries().size() * probes.size());
             AtomicFiles.Output searchesFile = AtomicFiles.open(runDir.resolve("searches.csv"));
             AtomicFiles.Output candidatesFile = AtomicFiles.open(runDir.resolve("candidates.csv"))) {
            CSVPrinter searches = Csv.printer(searchesFile, "gallery_id", "probe_template", "probe_subject", "mated",
                    "status", "failure_code", "message", "candidates", "latency_ns");
            CSVPrinter candidates = Csv.printer(candidatesFile, "gallery_id", "probe_template", "rank",
                    "candidate_template", "score");
            for (IdentificationPlan.GalleryPlan galleryPlan : plan.galleries()) {
                List<GalleryEntry> entries = new ArrayList<>();
                for (int index : galleryPlan.templates()) {
                    TemplateOutcome enrolment = templates.enrolment()[index];
                    if (enrolment.ok()) {
                        // The id alone: making the spec would make its samples too, a million times per gallery.
                        entries.add(new GalleryEntry(TemplateSpec.idOf(index), enrolment.template()));
                    }
                }
                Path folder = Files.createDirectories(workingDirectory.resolve("galleries").resolve(galleryPlan.id()));
                Guard.Outcome<GuardedIdentifier.GuardedGallery> built = identifier.finalizeEnrolment(entries, folder);
                finalizeNs += built.latencyNs();
                Failure failure = built.failure();
                galleryRows.add(List.of(galleryPlan.id(), plan.matedSubjects().size(), galleryPlan.distractors(),
                        entries.size(), failure == null ? "ok" : "failed", failure == null ? "" : failure.code().name(),
                        failure == null ? "" : failure.message(), Long.toString(built.latencyNs())));
                if (failure != null) {
                    counts[3]++;
                }
                try (GuardedIdentifier.GuardedGallery gallery = built.value()) {
                    OrderedUnits.run(pool, units, inFlight,
                            unit -> search(gallery, unit, probes, templates, candidateListLength),
                            (unit, outcomes) -> {
                                write(searches, candidates, galleryPlan.id(), unit, outcomes, probes, specs, templates,
                                        mated, failure, counts);
                                stage.advance(unit.end() - unit.first());
                            });
                }
            }
            searches.flush();
            candidates.flush();
            searchesFile.commit();
            candidatesFile.commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while searching");
        }
        AtomicFiles.write(runDir.resolve("galleries.csv"), out -> {
            try (CSVPrinter csv = Csv.printer(out, "gallery_id", "mated_subjects", "distractor_subjects",
                    "enrolled_templates", "status", "failure_code", "message", "latency_ns")) {
                for (List<Object> row : galleryRows) {
                    csv.printRecord(row);
                }
            }
        });
        long total = (long) plan.galleries().size() * probes.size();
        return new Counts(total, counts[0], counts[1], counts[2], counts[3], finalizeNs / 1e9);
    }

    /** Searches a block; null outcomes mark probes not searched (failed template or gallery). */
    private static SearchOutcome[] search(GuardedIdentifier.GuardedGallery gallery, Unit unit, List<Integer> probes,
                                          TemplateStage.Templates templates, int k) {
        SearchOutcome[] outcomes = new SearchOutcome[unit.end() - unit.first()];
        if (gallery == null) {
            return outcomes;
        }
        List<Template> block = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        for (int i = unit.first(); i < unit.end(); i++) {
            TemplateOutcome probe = templates.probe()[probes.get(i)];
            if (probe.ok()) {
                block.add(probe.template());
                slots.add(i - unit.first());
            }
        }
        if (block.isEmpty()) {
            return outcomes;
        }
        SearchOutcome[] searched = new SearchOutcome[block.size()];
        gallery.searchMany(block, k, searched, 0);
        for (int j = 0; j < searched.length; j++) {
            outcomes[slots.get(j)] = searched[j];
        }
        return outcomes;
    }

    private static void write(CSVPrinter searches, CSVPrinter candidates, String galleryId, Unit unit,
                              SearchOutcome[] outcomes, List<Integer> probes, List<TemplateSpec> specs,
                              TemplateStage.Templates templates, Set<String> mated, Failure galleryFailure,
                              long[] counts) throws IOException {
        for (int i = unit.first(); i < unit.end(); i++) {
            TemplateSpec probe = specs.get(probes.get(i));
            TemplateOutcome probeTemplate = templates.probe()[probes.get(i)];
            SearchOutcome outcome = outcomes[i - unit.first()];
            String status;
            Failure failure;
            if (galleryFailure != null) {
                status = "gallery_failed";
                failure = galleryFailure;
            } else if (!probeTemplate.ok()) {
                status = "template_failed";
                failure = probeTemplate.failure();
            } else if (outcome.ok()) {
                status = "ok";
                failure = null;
            } else {
                status = outcome.failure().code() == org.touchstone.api.FailureCode.INVALID_OUTPUT
                        ? "invalid_output" : "search_failed";
                failure = outcome.failure();
            }
            boolean searched = outcome != null;
            if (status.equals("ok")) {
                counts[0]++;
            } else if (searched) {
                counts[1]++;
            } else {
                counts[2]++;
            }
            List<Candidate> list = status.equals("ok") ? outcome.candidates() : List.of();
            searches.printRecord(galleryId, probe.templateId(), probe.subjectId(),
                    mated.contains(probe.subjectId()) ? "true" : "false", status,
                    failure == null ? "" : failure.code().name(), failure == null ? "" : failure.message(),
                    Integer.toString(list.size()), searched ? Long.toString(outcome.latencyNs()) : "");
            for (int rank = 1; rank <= list.size(); rank++) {
                Candidate c = list.get(rank - 1);
                candidates.printRecord(galleryId, probe.templateId(), Integer.toString(rank), c.templateId(),
                        Double.toString(c.score()));
            }
        }
    }
}
