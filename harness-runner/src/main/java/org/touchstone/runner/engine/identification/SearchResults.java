package org.touchstone.runner.engine.identification;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.touchstone.api.Candidate;
import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;
import org.touchstone.runner.engine.backend.Mergeable;

/**
 * What searches of one gallery produced: for each probe, its top-K candidate list (or why it has none),
 * and for each gallery shard, how finalising it went. Work units search one block of probes in one shard;
 * merging puts the lists of the same probe from different shards together, keeping the K best by score,
 * the earlier shard first among equal scores, so a gallery searched in one shard gives exactly the
 * system's own list, and the result does not depend on how units were grouped. Latencies add up; they are
 * the one part that may differ between two runs, and equality ignores them.
 */
final class SearchResults implements Mergeable<SearchResults> {
    private static final long serialVersionUID = 1L;

    private final int candidateListLength;
    private final TreeMap<Integer, ShardBuild> shards = new TreeMap<>();
    private final TreeMap<Integer, ProbeSearch> probes = new TreeMap<>();
    private long batchRetries;

    /** @param candidateListLength K: the candidate list length asked for */
    SearchResults(int candidateListLength) {
        this.candidateListLength = candidateListLength;
    }

    /**
     * How finalising one shard went.
     *
     * @param templates templates handed to {@code finalizeEnrolment}
     * @param failure   its failure code, or null when it succeeded
     * @param message   the failure's message
     * @param latencyNs wall time of the call
     */
    record ShardBuild(int templates, FailureCode failure, String message, long latencyNs) implements Serializable {
        boolean sameOutcome(ShardBuild other) {
            return templates == other.templates && failure == other.failure && Objects.equals(message, other.message);
        }
    }

    /**
     * One probe's search, over the shards merged so far.
     *
     * @param searched  whether the system was called (false: the probe template failed)
     * @param failure   the failure code, or null when a valid list came back
     * @param message   the failure's message
     * @param ids       candidate template ids, best first
     * @param scores    their scores
     * @param latencyNs wall time attributed to the search, summed over shards
     */
    record ProbeSearch(boolean searched, FailureCode failure, String message, String[] ids, double[] scores,
                       long latencyNs) implements Serializable {
        static ProbeSearch notSearched(Failure templateFailure) {
            return new ProbeSearch(false, templateFailure.code(), templateFailure.message(), new String[0],
                    new double[0], -1);
        }

        static ProbeSearch failed(Failure failure, long latencyNs) {
            return new ProbeSearch(true, failure.code(), failure.message(), new String[0], new double[0], latencyNs);
        }

        static ProbeSearch found(List<Candidate> candidates, long latencyNs) {
            return new ProbeSearch(true, null, "", candidates.stream().map(Candidate::templateId).toArray(String[]::new),
                    candidates.stream().mapToDouble(Candidate::score).toArray(), latencyNs);
        }

        boolean ok() {
            return searched && failure == null;
        }

        /** The same probe searched in a later shard. */
        ProbeSearch then(ProbeSearch later, int k) {
            if (!ok()) {
                return this;
            }
            if (!later.ok()) {
                return new ProbeSearch(later.searched, later.failure, later.message, later.ids, later.scores,
                        latencyNs + later.latencyNs);
            }
            int n = Math.min(k, ids.length + later.ids.length);
            String[] mergedIds = new String[n];
            double[] mergedScores = new double[n];
            for (int i = 0, j = 0, m = 0; m < n; m++) {
                // Ties go to this (the earlier shard): the order an unsharded gallery of both would give.
                if (j == later.ids.length || (i < ids.length && scores[i] >= later.scores[j])) {
                    mergedIds[m] = ids[i];
                    mergedScores[m] = scores[i++];
                } else {
                    mergedIds[m] = later.ids[j];
                    mergedScores[m] = later.scores[j++];
                }
            }
            return new ProbeSearch(true, null, "", mergedIds, mergedScores, latencyNs + later.latencyNs);
        }

        boolean sameOutcome(ProbeSearch other) {
            return searched == other.searched && failure == other.failure && Objects.equals(message, other.message)
                    && Arrays.equals(ids, other.ids) && Arrays.equals(scores, other.scores);
        }

        /** @return the candidates, best first */
        List<Candidate> candidates() {
            List<Candidate> list = new ArrayList<>(ids.length);
            for (int i = 0; i < ids.length; i++) {
                list.add(new Candidate(ids[i], scores[i]));
            }
            return list;
        }
    }

    void shard(int shard, ShardBuild build) {
        shards.putIfAbsent(shard, build);
    }

    void probe(int position, ProbeSearch search) {
        probes.merge(position, search, (earlier, later) -> earlier.then(later, candidateListLength));
    }

    void batchRetries(long retries) {
        batchRetries += retries;
    }

    /** @return batched searches that failed as a whole and were retried one probe at a time */
    long batchRetries() {
        return batchRetries;
    }

    /** @return how each shard's finalisation went, by shard */
    Map<Integer, ShardBuild> shards() {
        return shards;
    }

    /**
     * @param position a probe's position in the plan's probe list
     * @return its search, or null when no unit searched it
     */
    ProbeSearch probe(int position) {
        return probes.get(position);
    }

    @Override
    public SearchResults mergedWith(SearchResults later) {
        // A shard built again in a later partition (Spark) keeps its first outcome.
        later.shards.forEach(this::shard);
        later.probes.forEach(this::probe);
        batchRetries += later.batchRetries;
        return this;
    }

    /** Equal outcomes: the same shards built the same way, the same lists; latencies are ignored. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SearchResults r) || r.candidateListLength != candidateListLength
                || r.batchRetries != batchRetries
                || !r.shards.keySet().equals(shards.keySet()) || !r.probes.keySet().equals(probes.keySet())) {
            return false;
        }
        for (Map.Entry<Integer, ShardBuild> e : shards.entrySet()) {
            if (!e.getValue().sameOutcome(r.shards.get(e.getKey()))) {
                return false;
            }
        }
        for (Map.Entry<Integer, ProbeSearch> e : probes.entrySet()) {
            if (!e.getValue().sameOutcome(r.probes.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(candidateListLength, shards.keySet(), probes.keySet());
    }

    @Override
    public String toString() {
        return "SearchResults[" + shards.size() + " shards, " + probes.size() + " probes, K " + candidateListLength + "]";
    }
}
