package org.touchstone.runner.engine.identification;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVPrinter;
import org.touchstone.api.Candidate;
import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Template;
import org.touchstone.runner.engine.backend.BackendSession;
import org.touchstone.runner.engine.backend.Shared;
import org.touchstone.runner.engine.backend.UnitJob;
import org.touchstone.runner.engine.backend.WorkPlan;
import org.touchstone.runner.engine.backend.Worker;
import org.touchstone.runner.engine.checkpoint.Checkpoints;
import org.touchstone.runner.engine.checkpoint.RecordLog;
import org.touchstone.runner.engine.stage.TemplateSet;
import org.touchstone.runner.engine.stage.TemplateSpec;
import org.touchstone.runner.engine.stage.TemplateStage;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runformat.io.AtomicFiles;
import org.touchstone.runformat.columns.Column;
import org.touchstone.runformat.columns.CandidatesCsv;
import org.touchstone.runformat.columns.Cells;
import org.touchstone.runformat.columns.GalleriesCsv;
import org.touchstone.runformat.columns.SearchesCsv;
import org.touchstone.runner.engine.rundir.Csv;
import org.touchstone.runner.systems.guard.Guard;
import org.touchstone.runner.systems.guard.GuardedIdentifier;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.guard.SearchOutcome;
import org.touchstone.runner.systems.guard.TemplateOutcome;
import org.touchstone.runner.engine.timing.CallTimings;

/**
 * The 1:N stages after templates, on the run's backend: for each gallery of the distractor sweep, a plan
 * of work units, each a block of {@value #PROBE_BLOCK} probes (one batched call) against one shard of the
 * gallery. A shard is a run of the gallery's enrolment templates that the system finalises as a gallery of
 * its own, once where its units run; the candidate lists of a probe's shards merge into its top K
 * ({@link SearchResults}). Unsharded (the default) a gallery is one shard, finalised once, exactly as the
 * system would be used alone. The stage then streams {@code searches.csv} and {@code candidates.csv} in
 * plan order and writes {@code galleries.csv}. Each gallery's merged results are checkpointed once it is
 * searched, so a resumed run searches only the galleries it had not finished.
 */
final class SearchStage {
    static final int PROBE_BLOCK = 16;
    /** The checkpoint log: one record per gallery searched. */
    static final String CHECKPOINT = "searches";
    private static final ObjectInputFilter CHECKPOINT_CLASSES = ObjectInputFilter.Config.createFilter(
            "org.touchstone.runner.engine.identification.*;org.touchstone.api.FailureCode;java.lang.*;java.util.TreeMap;"
                    + "java.lang.Enum;!*");

    private final BackendSession backend;
    private final Progress progress;

    SearchStage(BackendSession backend, Progress progress) {
        this.backend = backend;
        this.progress = progress;
    }

    /**
     * Counts of what the stage did.
     *
     * @param finalizeSeconds        the galleries' building time, every gallery's (a resumed run's included)
     * @param attemptFinalizeSeconds the part of it spent by this process: galleries a resumed run had built
     *                               before are left out
     */
    record Counts(long searches, long ok, long failed, long notSearched, long galleriesFailed, double finalizeSeconds,
                  double attemptFinalizeSeconds, long batchRetries) {
    }

    /**
     * A block of consecutive probes searched in one shard of one gallery.
     *
     * @param gallery the gallery's index in the sweep
     * @param shard   the shard's index within the gallery
     * @param first   index of the first probe among those searching this gallery (all of the plan's, or its subset)
     * @param end     position after the last
     */
    record SearchUnit(int gallery, int shard, int first, int end) implements Serializable {
    }

    /**
     * Who searches which gallery, for how many candidates, when that is not every probe in every gallery for
     * the protocol's K (MegaFace Challenge 1 searches each identity's own gallery with that identity's probes).
     *
     * @param galleryProbes        per gallery, the positions (in the plan's probe list, ascending) of the probes
     *                             searched in it; null for every probe
     * @param candidateListLengths per gallery, K
     * @param matedSubjects        per gallery, the subjects enrolled whose probes are mated searches there
     *                             ({@code galleries.csv}'s {@code mated_subjects})
     * @param matedGallery         per gallery, whether a probe of a mated subject of the plan is mated there
     */
    record GalleryDesign(int[][] galleryProbes, int[] candidateListLengths, int[] matedSubjects,
                         boolean[] matedGallery) implements Serializable {
        /** The subject-split design: every probe in every gallery, the plan's mated subjects enrolled in each. */
        static GalleryDesign everyProbe(IdentificationPlan plan, int candidateListLength) {
            int n = plan.galleries().size();
            int[] lengths = new int[n];
            int[] mated = new int[n];
            boolean[] flags = new boolean[n];
            java.util.Arrays.fill(lengths, candidateListLength);
            java.util.Arrays.fill(mated, plan.matedSubjects().size());
            java.util.Arrays.fill(flags, true);
            return new GalleryDesign(new int[n][], lengths, mated, flags);
        }
    }

    /**
     * What every unit reads: the galleries' templates, the probes, and how galleries are cut into shards.
     *
     * @param galleryIds       each gallery's id
     * @param galleryTemplates each gallery's enrolment template indexes
     * @param probes           the probe template indexes, in plan order
     * @param shardSize        enrolment templates per shard
     * @param design           which probes search which gallery, for how many candidates
     */
    record Searches(String[] galleryIds, int[][] galleryTemplates, int[] probes, int shardSize,
                    GalleryDesign design) implements Serializable {
        int shards(int gallery) {
            return (int) Math.max(1, ((long) galleryTemplates[gallery].length + shardSize - 1) / shardSize);
        }

        int candidateListLength(int gallery) {
            return design.candidateListLengths()[gallery];
        }

        /** @return how many probes search this gallery */
        int probeCount(int gallery) {
            int[] subset = design.galleryProbes()[gallery];
            return subset == null ? probes.length : subset.length;
        }

        /** @return the plan position of the i-th probe searching this gallery */
        int position(int gallery, int i) {
            int[] subset = design.galleryProbes()[gallery];
            return subset == null ? i : subset[i];
        }

        long totalSearches() {
            long total = 0;
            for (int g = 0; g < galleryIds.length; g++) {
                total += probeCount(g);
            }
            return total;
        }
    }

    Counts run(IdentificationPlan plan, Shared<TemplateSet> shared, TemplateStage.Templates templates,
               int candidateListLength, int shardSize, Path runDir, Checkpoints checkpoints,
               Map<String, SearchResults> summaries) throws IOException, InterruptedException {
        return run(plan, GalleryDesign.everyProbe(plan, candidateListLength), shared, templates, shardSize, runDir,
                checkpoints, summaries);
    }

    Counts run(IdentificationPlan plan, GalleryDesign design, Shared<TemplateSet> shared,
               TemplateStage.Templates templates, int shardSize, Path runDir, Checkpoints checkpoints,
               Map<String, SearchResults> summaries) throws IOException, InterruptedException {
        List<TemplateSpec> specs = plan.templates();
        Set<String> mated = new HashSet<>(plan.matedSubjects());
        List<Integer> probes = plan.probes();
        Searches searches = new Searches(plan.galleries().stream().map(IdentificationPlan.GalleryPlan::id)
                .toArray(String[]::new),
                plan.galleries().stream().map(g -> g.templates().stream().mapToInt(Integer::intValue).toArray())
                        .toArray(int[][]::new),
                probes.stream().mapToInt(Integer::intValue).toArray(), shardSize, design);
        SearchJob job = new SearchJob(shared, backend.share(searches));
        long[] counts = new long[5];
        long finalizeNs = 0;
        long attemptFinalizeNs = 0;
        List<List<Object>> galleryRows = new ArrayList<>();
        try (RecordLog log = checkpoints.log(CHECKPOINT);
             Progress.Stage stage = progress.stage("searches", searches.totalSearches());
             AtomicFiles.Output searchesFile = AtomicFiles.open(runDir.resolve(SearchesCsv.FILE));
             AtomicFiles.Output candidatesFile = AtomicFiles.open(runDir.resolve(CandidatesCsv.FILE))) {
            CSVPrinter searchesCsv = Csv.printer(searchesFile, Column.headerRow(SearchesCsv.values()));
            CSVPrinter candidatesCsv = Csv.printer(candidatesFile, Column.headerRow(CandidatesCsv.values()));
            Map<Integer, SearchResults> searched = recovered(log);
            for (int g = 0; g < plan.galleries().size(); g++) {
                IdentificationPlan.GalleryPlan galleryPlan = plan.galleries().get(g);
                int shards = searches.shards(g);
                SearchResults results = searched.remove(g);
                boolean searchedNow = results == null;
                if (searchedNow) {
                    results = search(g, galleryPlan.id(), shards, searches.probeCount(g), searches.candidateListLength(g),
                            job, stage);
                    log.append(checkpointRecord(g, results));
                } else {
                    stage.advance(searches.probeCount(g));
                }
                summaries.put(galleryPlan.id(), results);
                counts[4] += results.batchRetries();

                int enrolled = 0;
                long latency = 0;
                Failure failure = null;
                for (int shard = 0; shard < shards; shard++) {
                    SearchResults.ShardBuild build = results.shards().get(shard);
                    enrolled += build.templates();
                    latency += build.latencyNs();
                    if (failure == null && build.failure() != null) {
                        failure = new Failure(build.failure(), build.message());
                    }
                }
                finalizeNs += latency;
                attemptFinalizeNs += searchedNow ? latency : 0;
                // Mated is per gallery: with separate galleries (IJB's G1 and G2) a probe is mated only where
                // its subject is enrolled; otherwise the design says (MegaFace's identity galleries).
                Set<String> matedHere = galleryPlan.matedSubjects() != null ? galleryPlan.matedSubjects()
                        : design.matedGallery()[g] ? mated : Set.of();
                int matedCount = galleryPlan.matedSubjects() != null ? galleryPlan.matedSubjects().size()
                        : design.matedSubjects()[g];
                galleryRows.add(List.of(galleryPlan.id(), matedCount, galleryPlan.distractors(),
                        enrolled, (failure == null ? GalleriesCsv.Status.OK : GalleriesCsv.Status.FAILED).text(),
                        failure == null ? "" : failure.code().name(),
                        failure == null ? "" : failure.message(), Long.toString(latency)));
                if (failure != null) {
                    counts[3]++;
                }
                write(searchesCsv, candidatesCsv, galleryPlan.id(), results, searches, g, probes, specs, templates,
                        matedHere, failure, counts);
            }
            searchesCsv.flush();
            candidatesCsv.flush();
            searchesFile.commit();
            candidatesFile.commit();
        }
        AtomicFiles.write(runDir.resolve(GalleriesCsv.FILE), out -> {
            try (CSVPrinter csv = Csv.printer(out, Column.headerRow(GalleriesCsv.values()))) {
                for (List<Object> row : galleryRows) {
                    Csv.row(csv, row);
                }
            }
        });
        return new Counts(searches.totalSearches(), counts[0], counts[1], counts[2], counts[3], finalizeNs / 1e9,
                attemptFinalizeNs / 1e9, counts[4]);
    }

    /** Searches every probe in one gallery, shard by shard: the plan's units for it, merged. */
    private SearchResults search(int g, String galleryId, int shards, int probeCount, int candidateListLength,
                                 SearchJob job, Progress.Stage stage) throws IOException, InterruptedException {
        List<SearchUnit> units = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            for (int first = 0; first < probeCount; first += PROBE_BLOCK) {
                units.add(new SearchUnit(g, shard, first, Math.min(probeCount, first + PROBE_BLOCK)));
            }
        }
        SearchResults results = new SearchResults(candidateListLength);
        // Results stay small (K candidates per probe), so a backend may merge a whole gallery's at once,
        // which lets it finalise each shard once per partition.
        backend.run(new WorkPlan<>("searches " + galleryId, units, job, Integer.MAX_VALUE),
                (first, end, merged) -> {
                    results.mergedWith(merged);
                    stage.advance(Math.round((double) (end - first) * probeCount / units.size()));
                });
        return results;
    }

    /**
     * A gallery's searches as its checkpoint record: the gallery's index and its merged results, which are
     * all the stage writes from (K candidates per probe: small however large the gallery).
     */
    private static byte[] checkpointRecord(int gallery, SearchResults results) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeInt(gallery);
            out.writeObject(results);
        }
        return bytes.toByteArray();
    }

    /**
     * @return the galleries an interrupted run had searched, by index
     * @throws IOException if a record cannot be read back
     */
    private static Map<Integer, SearchResults> recovered(RecordLog log) throws IOException {
        Map<Integer, SearchResults> done = new HashMap<>();
        for (byte[] record : log.recovered()) {
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(record))) {
                // The harness wrote this file, but it is still a file: accept only the classes it writes.
                in.setObjectInputFilter(CHECKPOINT_CLASSES);
                int gallery = in.readInt();
                done.put(gallery, (SearchResults) in.readObject());
            } catch (IOException | ClassNotFoundException | ClassCastException e) {
                throw new IOException("checkpoint " + log.file() + " holds a record that is not a gallery's searches", e);
            }
        }
        return done;
    }

    /** A shard's gallery, finalised once where its units run, closed when they are done. */
    private record ShardGallery(SearchResults.ShardBuild build, GuardedIdentifier.GuardedGallery gallery)
            implements AutoCloseable {
        static ShardGallery finalise(OpenedSystem system, CallTimings timings, Searches searches,
                                     TemplateStage.Templates templates, int g, int shard) {
            int[] all = searches.galleryTemplates()[g];
            int from = Math.toIntExact((long) shard * searches.shardSize());
            int to = (int) Math.min(all.length, (long) from + searches.shardSize());
            List<GalleryEntry> entries = new ArrayList<>();
            for (int i = from; i < to; i++) {
                TemplateOutcome enrolment = templates.enrolment()[all[i]];
                if (enrolment.ok()) {
                    // The id alone (as TemplateSpec.idOf): making a million specs would make their samples too.
                    entries.add(new GalleryEntry(TemplateSpec.idOf(all[i]), enrolment.template()));
                }
            }
            Path folder;
            try {
                // A folder of its own: two partitions of one JVM may finalise the same shard at once.
                Path galleries = Files.createDirectories(system.context().workingDirectory().resolve("galleries"));
                folder = Files.createTempDirectory(galleries, searches.galleryIds()[g] + "-shard" + shard + "-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a folder for gallery " + searches.galleryIds()[g], e);
            }
            Guard.Outcome<GuardedIdentifier.GuardedGallery> built = new GuardedIdentifier(system, timings)
                    .finalizeEnrolment(entries, folder);
            Failure failure = built.failure();
            return new ShardGallery(new SearchResults.ShardBuild(entries.size(), failure == null ? null : failure.code(),
                    failure == null ? "" : failure.message(), built.latencyNs()), built.value());
        }

        @Override
        public void close() {
            if (gallery != null) {
                gallery.close();
            }
        }
    }

    /** Searches one probe block in one shard. */
    private record SearchJob(Shared<TemplateSet> templates, Shared<Searches> searches)
            implements UnitJob<SearchUnit, SearchResults> {
        @Override
        public SearchResults compute(SearchUnit unit, Worker worker) {
            Searches s = searches.get();
            TemplateStage.Templates t = templates.get().templates();
            ShardGallery shard = worker.scoped("gallery " + unit.gallery() + " shard " + unit.shard(),
                    () -> ShardGallery.finalise(worker.system(), worker.timings(), s, t, unit.gallery(), unit.shard()));
            SearchResults results = new SearchResults(s.candidateListLength(unit.gallery()));
            results.shard(unit.shard(), shard.build());
            List<Template> block = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (int u = unit.first(); u < unit.end(); u++) {
                int i = s.position(unit.gallery(), u);
                TemplateOutcome probe = t.probe()[s.probes()[i]];
                if (shard.gallery() == null || !probe.ok()) {
                    // Not searched: the gallery or the probe template failed (the writer says which).
                    results.probe(i, SearchResults.ProbeSearch.notSearched(shard.gallery() == null
                            ? new Failure(shard.build().failure(), shard.build().message()) : probe.failure()));
                } else {
                    block.add(probe.template());
                    positions.add(i);
                }
            }
            if (!block.isEmpty()) {
                SearchOutcome[] searched = new SearchOutcome[block.size()];
                results.batchRetries(shard.gallery().searchMany(block, s.candidateListLength(unit.gallery()), searched,
                        0));
                for (int j = 0; j < searched.length; j++) {
                    SearchOutcome o = searched[j];
                    results.probe(positions.get(j), o.ok() ? SearchResults.ProbeSearch.found(o.candidates(), o.latencyNs())
                            : SearchResults.ProbeSearch.failed(o.failure(), o.latencyNs()));
                }
            }
            return results;
        }
    }

    private static void write(CSVPrinter searches, CSVPrinter candidates, String galleryId, SearchResults results,
                              Searches design, int g, List<Integer> probes, List<TemplateSpec> specs,
                              TemplateStage.Templates templates, Set<String> mated, Failure galleryFailure,
                              long[] counts) throws IOException {
        for (int u = 0; u < design.probeCount(g); u++) {
            int i = design.position(g, u);
            TemplateSpec probe = specs.get(probes.get(i));
            TemplateOutcome probeTemplate = templates.probe()[probes.get(i)];
            SearchResults.ProbeSearch outcome = results.probe(i);
            SearchesCsv.Status status;
            Failure failure;
            boolean searched = galleryFailure == null && outcome.searched();
            if (galleryFailure != null) {
                status = SearchesCsv.Status.GALLERY_FAILED;
                failure = galleryFailure;
            } else if (!probeTemplate.ok()) {
                status = SearchesCsv.Status.TEMPLATE_FAILED;
                failure = probeTemplate.failure();
            } else if (outcome.ok()) {
                status = SearchesCsv.Status.OK;
                failure = null;
            } else {
                status = outcome.failure() == FailureCode.INVALID_OUTPUT ? SearchesCsv.Status.INVALID_OUTPUT
                        : SearchesCsv.Status.SEARCH_FAILED;
                failure = new Failure(outcome.failure(), outcome.message());
            }
            if (status == SearchesCsv.Status.OK) {
                counts[0]++;
            } else if (searched) {
                counts[1]++;
            } else {
                counts[2]++;
            }
            List<Candidate> list = status == SearchesCsv.Status.OK ? outcome.candidates() : List.of();
            Csv.row(searches, galleryId, probe.templateId(), probe.subjectId(),
                    Cells.bool(mated.contains(probe.subjectId())), status.text(),
                    failure == null ? "" : failure.code().name(), failure == null ? "" : failure.message(),
                    Integer.toString(list.size()), searched ? Long.toString(outcome.latencyNs()) : "");
            for (int rank = 1; rank <= list.size(); rank++) {
                Candidate c = list.get(rank - 1);
                Csv.row(candidates, galleryId, probe.templateId(), Integer.toString(rank), c.templateId(),
                        Double.toString(c.score()));
            }
        }
    }
}
