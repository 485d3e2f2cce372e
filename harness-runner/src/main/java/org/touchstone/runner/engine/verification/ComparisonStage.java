package org.touchstone.runner.engine.verification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Template;
import org.touchstone.runner.engine.backend.BackendSession;
import org.touchstone.runner.engine.backend.Shared;
import org.touchstone.runner.engine.backend.UnitJob;
import org.touchstone.runner.engine.backend.WorkPlan;
import org.touchstone.runner.engine.backend.Worker;
import org.touchstone.runner.engine.checkpoint.Checkpoints;
import org.touchstone.runner.engine.checkpoint.ResumableOutput;
import org.touchstone.runner.engine.stage.TemplateSet;
import org.touchstone.runner.engine.stage.TemplateSpec;
import org.touchstone.runner.engine.stage.TemplateStage;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runformat.columns.Column;
import org.touchstone.runformat.columns.Cells;
import org.touchstone.runformat.columns.ComparisonsCsv;
import org.touchstone.runformat.store.ComparisonStore;
import org.touchstone.runformat.store.ComparisonStoreReader;
import org.touchstone.runformat.store.ComparisonStoreWriter;
import org.touchstone.runner.engine.rundir.Csv;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.remote.EndpointFaceSystem;
import org.touchstone.runner.systems.guard.ComparisonBatch;
import org.touchstone.runner.systems.guard.GuardedVerifier;
import org.touchstone.runner.systems.guard.TemplateOutcome;

/**
 * Stage 2 of verification: compares every pair of the plan on the run's backend and streams one row per
 * pair into the score store {@code comparisons.arrows} (run format 2), in plan order, whichever backend
 * computed it.
 *
 * <p>The plan is cut into work units of consecutive rows (about {@link #PAIRS_PER_UNIT} pairs each): plain
 * records of row indexes, which any backend can ship. A unit yields its pairs' outcomes in three primitive
 * arrays plus their {@link ComparisonSummary}; the templates reach the units once, shared as a
 * {@link TemplateSet}. Within a unit, comparisons run in blocks of {@link #BLOCK} enrolment templates
 * ({@link #REMOTE_BLOCK} for a system in another process) across all of the unit's probes, so a block stays
 * in cache while it is reused, and each block reaches the system as one batched {@code compareMany} call per
 * probe.
 *
 * <p>Memory stays bounded however many pairs there are: the backend keeps a bounded number of units in
 * flight and hands the results back in order. Each result the driver receives (one unit on the embedded
 * backend) is a checkpoint: a killed run resumes after the last one written, and rebuilds the summary of
 * what was written from the file itself.
 */
final class ComparisonStage {
    static final String FILE = ComparisonStore.FILE;
    /**
     * Pairs per work unit, the granularity of parallel work, of memory and of checkpoints. The system
     * property {@code touchstone.pairs-per-unit} changes it, for tests that need many checkpoints on
     * little data; the output does not depend on it.
     */
    static final int PAIRS_PER_UNIT = Math.max(1, Integer.getInteger("touchstone.pairs-per-unit", 1 << 15));
    static final int BLOCK = 64;
    /**
     * Enrolments per batched call to a system in another process or machine (a worker, an HTTP service):
     * there each call costs a round trip, so fewer, larger calls pay (lbp behind serve: block 512 ran about
     * twice as fast as 64). The adapters cut a call into requests their transport can carry (by bytes over a
     * pipe and in HTTP version 2, at 64 templates inline in version 1). Blocked across probes like
     * {@link #BLOCK}: the service then meets nearly the same 1,024 templates call after call, which its cache
     * can hold (lbp behind serve at 1,000 subjects: about 5% faster than a call per probe row).
     */
    static final int REMOTE_BLOCK = 1024;
    /** Units a backend may merge before the driver writes them: 64 x 32,768 pairs take about 36 MB. */
    static final int UNITS_PER_RESULT = 64;

    private final BackendSession backend;
    private final Progress progress;

    ComparisonStage(BackendSession backend, Progress progress) {
        this.backend = backend;
        this.progress = progress;
    }

    /**
     * A work unit: consecutive plan rows.
     *
     * @param firstRow the first row
     * @param endRow   the row after the last
     * @param pairs    the pairs of those rows
     */
    record ComparisonUnit(int firstRow, int endRow, int pairs) implements Serializable {
    }

    /**
     * What every unit reads: the pairs, and each template's subject as an index (pairs of equal subjects are
     * mated).
     *
     * @param pairs     the plan's pairs
     * @param subjectOf subject index of each template of the plan
     */
    record PairsToCompare(ComparisonPlan pairs, int[] subjectOf) implements Serializable {
        boolean mated(int enrolment, int probe) {
            return subjectOf[enrolment] == subjectOf[probe];
        }

        static PairsToCompare of(VerificationPlan plan) {
            Map<String, Integer> index = new HashMap<>();
            int[] subjectOf = new int[plan.templates().size()];
            for (TemplateSpec spec : plan.templates()) {
                subjectOf[spec.index()] = index.computeIfAbsent(spec.subjectId(), s -> index.size());
            }
            return new PairsToCompare(plan.pairs(), subjectOf);
        }
    }

    /**
     * Where an interrupted stage stopped: the next plan row to compare, the counts so far, and the batch
     * retries so far (the one part of the summary the file does not show).
     */
    private record Position(int nextRow, long compared, long failedComparisons, long notCompared, long batchRetries) {
        static final Position START = new Position(0, 0, 0, 0, 0);

        static Position of(int nextRow, ComparisonSummary done) {
            return new Position(nextRow, done.compared(), done.failedComparisons(), done.notCompared(),
                    done.batchRetries());
        }

        byte[] encode() {
            return java.nio.ByteBuffer.allocate(36).putInt(nextRow).putLong(compared).putLong(failedComparisons)
                    .putLong(notCompared).putLong(batchRetries).array();
        }

        static Position decode(byte[] bytes) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
            return new Position(b.getInt(), b.getLong(), b.getLong(), b.getLong(), b.remaining() >= 8 ? b.getLong() : 0);
        }
    }

    /**
     * Compares the pairs of the plan, resuming after the last result an interrupted run committed to
     * {@code comparisons.arrows}; a result's rows are committed only once all of them are written.
     *
     * @return the summary of every pair of the plan
     */
    ComparisonSummary run(VerificationPlan plan, Shared<TemplateSet> templates, Checkpoints checkpoints)
            throws IOException, InterruptedException {
        ComparisonPlan pairs = plan.pairs();
        PairsToCompare toCompare = PairsToCompare.of(plan);
        try (ResumableOutput output = checkpoints.output(FILE)) {
            Position start = output.committedState().map(Position::decode).orElse(Position.START);
            ComparisonSummary done = output.committedState().isPresent()
                    ? replay(output, toCompare, start) : ComparisonSummary.empty();
            if (output.isFinished()) {
                return done;
            }
            List<ComparisonUnit> units = units(pairs, start.nextRow());
            try (Progress.Stage stage = progress.stage("comparisons", pairs.pairCount())) {
                stage.advance(done.pairs());
                ComparisonStoreWriter store;
                if (output.committedState().isPresent()) {
                    store = ComparisonStoreWriter.continuing(output.stream());
                } else {
                    store = ComparisonStoreWriter.start(output.stream());
                    output.commit(Position.START.encode());
                }
                try (store) {
                    TemplateRows rows = TemplateRows.of(plan);
                    ComparisonSummary[] total = {done};
                    backend.run(new WorkPlan<>("comparisons", units,
                            new ComparisonJob(templates, backend.share(toCompare)), UNITS_PER_RESULT),
                            (first, end, results) -> {
                                write(store, units.get(first).firstRow(), results, pairs, rows);
                                store.flush();
                                total[0] = total[0].mergedWith(results.summary());
                                output.commit(Position.of(units.get(end - 1).endRow(), total[0]).encode());
                                stage.advance(results.size());
                            });
                    store.finish();
                    output.finish(Position.of(pairs.rowCount(), total[0]).encode());
                    return total[0];
                }
            }
        }
    }

    private static List<ComparisonUnit> units(ComparisonPlan pairs, int firstRow) {
        List<ComparisonUnit> units = new ArrayList<>();
        int first = firstRow;
        long size = 0;
        for (int row = firstRow; row < pairs.rowCount(); row++) {
            size += pairs.enrolmentCount(row);
            if (size >= PAIRS_PER_UNIT || row == pairs.rowCount() - 1) {
                units.add(new ComparisonUnit(first, row + 1, Math.toIntExact(size)));
                first = row + 1;
                size = 0;
            }
        }
        return units;
    }

    /** Compares a unit's pairs with the system opened where it runs. */
    private record ComparisonJob(Shared<TemplateSet> templates, Shared<PairsToCompare> plan)
            implements UnitJob<ComparisonUnit, ComparisonResults> {
        @Override
        public ComparisonResults compute(ComparisonUnit unit, Worker worker) {
            // A verifier per unit, so that its retry count is this unit's own.
            GuardedVerifier verifier = new GuardedVerifier(worker.system(), worker.timings());
            PairsToCompare toCompare = plan.get();
            ComparisonBatch batch = compare(unit, toCompare.pairs(), templates.get().templates(), verifier,
                    remote(worker.system()) ? REMOTE_BLOCK : BLOCK);
            int n = unit.pairs();
            double[] scores = new double[n];
            byte[] failures = new byte[n];
            long[] latencies = new long[n];
            Map<Integer, String> messages = new HashMap<>();
            ComparisonSummary.Builder summary = new ComparisonSummary.Builder();
            int slot = 0;
            for (int row = unit.firstRow(); row < unit.endRow(); row++) {
                int probe = toCompare.pairs().probe(row);
                for (int k = 0; k < toCompare.pairs().enrolmentCount(row); k++, slot++) {
                    boolean mated = toCompare.mated(toCompare.pairs().enrolment(row, k), probe);
                    Failure failure = batch.failure(slot);
                    scores[slot] = batch.score(slot);
                    latencies[slot] = batch.latencyNs(slot);
                    if (failure == null) {
                        summary.add(mated, ComparisonSummary.Outcome.OK, null);
                    } else {
                        failures[slot] = ComparisonResults.code(failure.code());
                        if (failure.message() != null && !failure.message().isEmpty()) {
                            messages.put(slot, failure.message());
                        }
                        summary.add(mated, latencies[slot] < 0 ? ComparisonSummary.Outcome.TEMPLATE_FAILED
                                : ComparisonSummary.Outcome.COMPARISON_FAILED, failure.code());
                    }
                }
            }
            return new ComparisonResults(scores, failures, latencies, messages, summary.build(verifier.batchRetries()));
        }
    }

    /**
     * Compares a unit's pairs in column blocks of {@code width} enrolments across all of its rows: the calls
     * following one another name nearly the same enrolments, so they stay in cache, in this process or (for a
     * remote system) in the system's.
     */
    private static ComparisonBatch compare(ComparisonUnit unit, ComparisonPlan pairs, TemplateStage.Templates templates,
                                           GuardedVerifier verifier, int width) {
        ComparisonBatch batch = new ComparisonBatch(unit.pairs());
        int rows = unit.endRow() - unit.firstRow();
        int[] offset = new int[rows];
        int widest = 0;
        for (int r = 0, o = 0; r < rows; r++) {
            offset[r] = o;
            int n = pairs.enrolmentCount(unit.firstRow() + r);
            o += n;
            widest = Math.max(widest, n);
        }
        List<Template> block = new ArrayList<>(width);
        int[] slots = new int[width];
        for (int k0 = 0; k0 < widest; k0 += width) {
            for (int r = 0; r < rows; r++) {
                int row = unit.firstRow() + r;
                int end = Math.min(k0 + width, pairs.enrolmentCount(row));
                if (k0 >= end) {
                    continue;
                }
                TemplateOutcome probe = templates.probe()[pairs.probe(row)];
                block.clear();
                int used = 0;
                for (int k = k0; k < end; k++) {
                    int slot = offset[r] + k;
                    TemplateOutcome enrolment = templates.enrolment()[pairs.enrolment(row, k)];
                    Failure failed = !enrolment.ok() ? enrolment.failure() : !probe.ok() ? probe.failure() : null;
                    if (failed != null) {
                        batch.setFailure(slot, failed, -1);
                    } else {
                        block.add(enrolment.template());
                        slots[used++] = slot;
                    }
                }
                if (used > 0) {
                    compareInto(verifier, probe.template(), block, batch, slots, used);
                }
            }
        }
        return batch;
    }

    /** @return whether calls to the system cross a process boundary (its round trip is worth amortising) */
    private static boolean remote(OpenedSystem system) {
        try {
            return system.instance() instanceof EndpointFaceSystem;
        } catch (FaceSystemException e) {
            return false; // the guarded calls will meet and record the same failure
        }
    }

    /** Runs one batched call and scatters its outcomes to their (not necessarily contiguous) slots. */
    private static void compareInto(GuardedVerifier verifier, Template probe, List<Template> block,
                                    ComparisonBatch batch, int[] slots, int used) {
        boolean contiguous = slots[used - 1] - slots[0] == used - 1;
        if (contiguous) {
            verifier.compareMany(probe, block, batch, slots[0]);
            return;
        }
        ComparisonBatch scratch = new ComparisonBatch(used);
        verifier.compareMany(probe, block, scratch, 0);
        for (int i = 0; i < used; i++) {
            if (scratch.failure(i) == null) {
                batch.setScore(slots[i], scratch.score(i), scratch.latencyNs(i));
            } else {
                batch.setFailure(slots[i], scratch.failure(i), scratch.latencyNs(i));
            }
        }
    }

    /**
     * Each plan template's row in templates.csv, per role: the store names templates by those rows.
     * templates.csv lists the plan's templates in order, each in its enrolment role, then its probe role,
     * where the plan uses it so ({@code TemplateStage}).
     */
    private record TemplateRows(int[] enrolment, int[] probe) {
        static TemplateRows of(VerificationPlan plan) {
            List<TemplateSpec> specs = plan.templates();
            int[] enrolment = new int[specs.size()];
            int[] probe = new int[specs.size()];
            int row = 0;
            for (TemplateSpec spec : specs) {
                enrolment[spec.index()] = spec.asEnrolment() ? row++ : -1;
                probe[spec.index()] = spec.asProbe() ? row++ : -1;
            }
            return new TemplateRows(enrolment, probe);
        }
    }

    private static void write(ComparisonStoreWriter store, int firstRow, ComparisonResults results, ComparisonPlan pairs,
                              TemplateRows rows) throws IOException {
        // The pairs of the units, in the order the results hold them.
        int[] position = {firstRow, 0};
        results.forEach((score, failure, latency, message) -> {
            while (position[1] == pairs.enrolmentCount(position[0])) {
                position[0]++;
                position[1] = 0;
            }
            int probe = rows.probe()[pairs.probe(position[0])];
            int enrolment = rows.enrolment()[pairs.enrolment(position[0], position[1]++)];
            if (failure == null) {
                store.addScored(enrolment, probe, score, latency);
            } else {
                store.addFailed(enrolment, probe, latency < 0 ? ComparisonsCsv.Status.TEMPLATE_FAILED
                        : ComparisonsCsv.Status.COMPARISON_FAILED, failure, message, latency);
            }
        });
    }

    /**
     * Rebuilds the summary of the rows an interrupted run committed, from the file itself: the rows follow
     * the plan, so each row's pair is known by position.
     */
    private static ComparisonSummary replay(ResumableOutput output, PairsToCompare toCompare, Position committed)
            throws IOException {
        int endRow = committed.nextRow();
        ComparisonSummary.Builder summary = new ComparisonSummary.Builder();
        ComparisonPlan pairs = toCompare.pairs();
        try (InputStream in = output.committedContent();
             ComparisonStoreReader rows = ComparisonStoreReader.open(in, Path.of(FILE))) {
            int i = 0;
            for (int row = 0; row < endRow; row++) {
                int probe = pairs.probe(row);
                for (int k = 0; k < pairs.enrolmentCount(row); k++, i++) {
                    if (i == rows.rows()) {
                        i = 0;
                        if (!rows.nextBatch()) {
                            throw new IOException(FILE + " holds fewer rows than its checkpoint says were written");
                        }
                    }
                    boolean mated = toCompare.mated(pairs.enrolment(row, k), probe);
                    ComparisonsCsv.Status status = rows.status(i);
                    if (status == ComparisonsCsv.Status.OK) {
                        summary.add(mated, ComparisonSummary.Outcome.OK, null);
                    } else {
                        summary.add(mated, status == ComparisonsCsv.Status.TEMPLATE_FAILED
                                        ? ComparisonSummary.Outcome.TEMPLATE_FAILED
                                        : ComparisonSummary.Outcome.COMPARISON_FAILED, rows.failureCode(i));
                    }
                }
            }
        }
        ComparisonSummary replayed = summary.build(committed.batchRetries());
        if (replayed.compared() != committed.compared() || replayed.notCompared() != committed.notCompared()) {
            throw new IOException(FILE + " does not hold the outcomes its checkpoint counted");
        }
        return replayed;
    }
}
