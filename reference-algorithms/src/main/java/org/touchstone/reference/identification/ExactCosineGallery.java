package org.touchstone.reference.identification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.touchstone.api.Candidate;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Gallery;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Result;
import org.touchstone.api.Template;

/**
 * An exact cosine-similarity gallery: every probe is compared with every enrolled template.
 *
 * <p>Layout, for speed on the JDK's auto-vectoriser: enrolled embeddings are L2-normalised and stored
 * in blocks of {@value #BLOCK} templates, each block transposed ({@code block[d][j]} is dimension
 * {@code d} of the block's template {@code j}). Scoring a probe against a block is then
 * {@code acc[j] += q[d] * block[d][j]}, an element-wise loop over plain arrays that C2 vectorises (a dot
 * product's running sum is not vectorised, since reordering a float sum changes its value). Searches
 * are blocked over probes ({@link #searchMany}) so each block is reused from cache by every probe of a
 * batch, and large galleries are split across all cores.
 *
 * <p>The kernel adds {@value #UNROLL} dimensions per pass over the accumulator
 * ({@code acc[j] = acc[j] + q0 * r0[j] + ... + q7 * r7[j]}, which Java evaluates left to right): the
 * same additions in the same order as one dimension per pass, so every score is the same float to the
 * last bit, with an eighth of the accumulator's loads and stores. The eight rows are then reused from L1
 * by every probe of the batch before the next eight are read. On the 2-core reference machine this
 * doubled the comparisons per second of a search of 16 probes in 1e6 x 512 templates, and tripled them in
 * small galleries (README, Benchmarks). The JDK 17 Vector API, which would hold the accumulators in
 * registers, is an incubator module that every JVM loading this class would have to enable.
 *
 * <p>Blocks are {@value #BLOCK} wide, not the 64 that would fit a block in L1: the inner loop over a
 * block's templates then runs 512 times per probe and row group instead of 64, so what C2 adds around a
 * vectorised loop (alignment pre-loop, tail, loop entry) is paid an eighth as often. Measured on the 2-core
 * reference machine (1e6 x 512 templates, one trial each): 1.9x to 2.6x the comparisons per second of
 * 64-wide blocks at 1, 16 and 64 probes per call, 2.2x to 3.6x at 256; 256- and 1,024-wide blocks were
 * slower than 512, and probe tiles of 8 or 32 slower than 16. The loop's bound must stay the constant:
 * blocks whose width varied (a gallery's last block started narrow and widened as it filled) measured 5x
 * slower at 16 probes. So every block is full width, and a gallery holds up to 511 templates' worth of
 * zeros (1 MB at 512 dimensions) beyond its templates, all scored: a gallery of 100 is searched at 0.58x
 * the rate of 64-wide blocks (7.2e6 against 1.24e7 comparisons/s, 16 probes), one of 1,000 at 1.95x.
 *
 * <p>Memory is otherwise proportional to the gallery: 4 bytes per dimension per template, plus its id.
 * Inserts and removals take a write lock; searches a read lock.
 */
final class ExactCosineGallery implements Gallery {
    static final int BLOCK = 512;
    /** Dimensions added per pass over a block's accumulators. */
    static final int UNROLL = 8;
    /** Probes whose accumulators (2 KB each) are kept in L1 while a block is scanned. */
    static final int PROBE_TILE = 16;
    /** Below this many templates a search stays on the calling thread: splitting would cost more. */
    private static final int PARALLEL_MIN_TEMPLATES = 1 << 15;

    private final EmbeddingCodec codec;
    private final int dimension;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<float[][]> blocks = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final List<Integer> orders = new ArrayList<>();
    private final Map<String, Integer> slotOf = new HashMap<>();
    private int nextOrder;

    ExactCosineGallery(EmbeddingCodec codec) {
        this.codec = codec;
        this.dimension = codec.dimension();
    }

    /**
     * Adds a template, normalised; used by enrolment and {@link #insert}.
     *
     * @return null on success, else why it was refused
     */
    String add(GalleryEntry entry) {
        float[] embedding = new float[dimension];
        try {
            codec.decode(entry.template(), embedding);
        } catch (EmbeddingCodec.InvalidEmbeddingException e) {
            return "template of '" + entry.templateId() + "': " + e.getMessage();
        }
        if (!UnitLength.normalise(embedding)) {
            return "template of '" + entry.templateId() + "' is a zero vector: cosine similarity is undefined";
        }
        lock.writeLock().lock();
        try {
            if (slotOf.containsKey(entry.templateId())) {
                return "'" + entry.templateId() + "' is already enrolled";
            }
            int slot = ids.size();
            if (slot % BLOCK == 0) {
                blocks.add(new float[dimension][BLOCK]);
            }
            store(slot, embedding);
            ids.add(entry.templateId());
            orders.add(nextOrder++);
            slotOf.put(entry.templateId(), slot);
            return null;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void store(int slot, float[] embedding) {
        float[][] block = blocks.get(slot / BLOCK);
        int j = slot % BLOCK;
        for (int d = 0; d < dimension; d++) {
            block[d][j] = embedding[d];
        }
    }

    private float[] load(int slot) {
        float[][] block = blocks.get(slot / BLOCK);
        int j = slot % BLOCK;
        float[] embedding = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            embedding[d] = block[d][j];
        }
        return embedding;
    }

    @Override
    public Result<List<Candidate>> search(Template probe, int maxCandidates) {
        return searchMany(List.of(probe), maxCandidates).get(0);
    }

    @Override
    public List<Result<List<Candidate>>> searchMany(List<Template> probes, int maxCandidates) {
        List<Result<List<Candidate>>> results = new ArrayList<>(probes.size());
        if (maxCandidates < 1) {
            probes.forEach(p -> results.add(Result.failure(FailureCode.REFUSE_INPUT,
                    "maxCandidates must be at least 1, was " + maxCandidates)));
            return results;
        }
        List<float[]> queries = new ArrayList<>(probes.size());
        int[] queryOf = new int[probes.size()];
        for (int i = 0; i < probes.size(); i++) {
            float[] q = new float[dimension];
            String problem = null;
            try {
                codec.decode(probes.get(i), q);
                if (!UnitLength.normalise(q)) {
                    problem = "probe template is a zero vector: cosine similarity is undefined";
                }
            } catch (EmbeddingCodec.InvalidEmbeddingException e) {
                problem = "probe template: " + e.getMessage();
            }
            queryOf[i] = problem == null ? queries.size() : -1;
            if (problem == null) {
                queries.add(q);
            }
            results.add(problem == null ? null : Result.failure(FailureCode.VERIF_TEMPLATE_ERROR, problem));
        }
        lock.readLock().lock();
        try {
            TopCandidates[] tops = scan(queries, maxCandidates);
            for (int i = 0; i < probes.size(); i++) {
                if (queryOf[i] >= 0) {
                    results.set(i, Result.success(tops[queryOf[i]].toCandidates(ids::get)));
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return results;
    }

    private TopCandidates[] scan(List<float[]> queries, int k) {
        int templates = ids.size();
        if (templates >= PARALLEL_MIN_TEMPLATES && !queries.isEmpty()) {
            return ForkJoinPool.commonPool().invoke(new Shard(queries, k, 0, blocks.size()));
        }
        return scanBlocks(queries, k, 0, blocks.size());
    }

    private TopCandidates[] scanBlocks(List<float[]> queries, int k, int firstBlock, int endBlock) {
        float[][] q = queries.toArray(float[][]::new);
        TopCandidates[] tops = new TopCandidates[q.length];
        for (int p = 0; p < tops.length; p++) {
            tops[p] = new TopCandidates(k);
        }
        float[][] acc = new float[q.length][BLOCK];
        int templates = ids.size();
        for (int b = firstBlock; b < endBlock; b++) {
            float[][] block = blocks.get(b);
            for (float[] a : acc) {
                java.util.Arrays.fill(a, 0f);
            }
            accumulate(block, q, acc);
            int base = b * BLOCK;
            int width = Math.min(BLOCK, templates - base);
            for (int p = 0; p < tops.length; p++) {
                float[] a = acc[p];
                TopCandidates top = tops[p];
                for (int j = 0; j < width; j++) {
                    if (a[j] >= top.bar()) {
                        top.offer(a[j], base + j, orders.get(base + j));
                    }
                }
            }
        }
        return tops;
    }

    /**
     * Adds {@code q[p][d] * block[d][j]} into {@code acc[p][j]} for every dimension d in increasing order,
     * rounding after each addition exactly as {@code acc[p][j] += q[p][d] * block[d][j]} one d at a time.
     * Probes are taken {@value #PROBE_TILE} at a time so that their accumulators stay in L1 while the block
     * (128 KB at 512 dimensions) is re-read from L2 once per tile. (Pairing probes in the innermost loop, so
     * each loaded row value serves two accumulators, was measured 2-3x slower: C2 no longer vectorised it.)
     */
    private void accumulate(float[][] block, float[][] q, float[][] acc) {
        for (int from = 0; from < q.length; from += PROBE_TILE) {
            accumulateTile(block, q, acc, from, Math.min(q.length, from + PROBE_TILE));
        }
    }

    private void accumulateTile(float[][] block, float[][] q, float[][] acc, int from, int to) {
        int d = 0;
        for (; d + UNROLL <= dimension; d += UNROLL) {
            float[] r0 = block[d];
            float[] r1 = block[d + 1];
            float[] r2 = block[d + 2];
            float[] r3 = block[d + 3];
            float[] r4 = block[d + 4];
            float[] r5 = block[d + 5];
            float[] r6 = block[d + 6];
            float[] r7 = block[d + 7];
            for (int p = from; p < to; p++) {
                float[] qp = q[p];
                float q0 = qp[d];
                float q1 = qp[d + 1];
                float q2 = qp[d + 2];
                float q3 = qp[d + 3];
                float q4 = qp[d + 4];
                float q5 = qp[d + 5];
                float q6 = qp[d + 6];
                float q7 = qp[d + 7];
                float[] a = acc[p];
                for (int j = 0; j < BLOCK; j++) {
                    a[j] = a[j] + q0 * r0[j] + q1 * r1[j] + q2 * r2[j] + q3 * r3[j] + q4 * r4[j] + q5 * r5[j]
                            + q6 * r6[j] + q7 * r7[j];
                }
            }
        }
        for (; d < dimension; d++) {
            float[] row = block[d];
            for (int p = from; p < to; p++) {
                float qd = q[p][d];
                float[] a = acc[p];
                for (int j = 0; j < BLOCK; j++) {
                    a[j] += qd * row[j];
                }
            }
        }
    }

    /** A range of blocks searched in parallel, split in halves down to a few blocks. */
    private final class Shard extends RecursiveTask<TopCandidates[]> {
        private static final long serialVersionUID = 1L;
        /** 4,096 templates: enough work per task to pay for its forking. */
        private static final int MIN_BLOCKS = 8;
        private final transient List<float[]> queries;
        private final int k;
        private final int first;
        private final int end;

        Shard(List<float[]> queries, int k, int first, int end) {
            this.queries = queries;
            this.k = k;
            this.first = first;
            this.end = end;
        }

        @Override
        protected TopCandidates[] compute() {
            if (end - first <= MIN_BLOCKS) {
                return scanBlocks(queries, k, first, end);
            }
            int middle = (first + end) >>> 1;
            Shard left = new Shard(queries, k, first, middle);
            left.fork();
            TopCandidates[] right = new Shard(queries, k, middle, end).compute();
            TopCandidates[] merged = left.join();
            for (int p = 0; p < merged.length; p++) {
                merged[p].addAll(right[p]);
            }
            return merged;
        }
    }

    @Override
    public int size() {
        lock.readLock().lock();
        try {
            return ids.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Result<String> insert(GalleryEntry entry) {
        String problem = add(entry);
        return problem == null ? Result.success(entry.templateId())
                : Result.failure(FailureCode.TEMPLATE_FORMAT_ERROR, problem);
    }

    /** Removes by moving the last template into the freed slot, so storage stays dense. */
    @Override
    public Result<String> remove(String templateId) {
        lock.writeLock().lock();
        try {
            Integer slot = slotOf.remove(templateId);
            if (slot == null) {
                return Result.failure(FailureCode.REFUSE_INPUT, "'" + templateId + "' is not enrolled");
            }
            int last = ids.size() - 1;
            if (slot != last) {
                store(slot, load(last));
                ids.set(slot, ids.get(last));
                orders.set(slot, orders.get(last));
                slotOf.put(ids.get(slot), slot);
            }
            ids.remove(last);
            orders.remove(last);
            float[][] lastBlock = blocks.get(last / BLOCK);
            for (float[] row : lastBlock) {
                row[last % BLOCK] = 0f;
            }
            if (last % BLOCK == 0) {
                blocks.remove(blocks.size() - 1);
            }
            return Result.success(templateId);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
