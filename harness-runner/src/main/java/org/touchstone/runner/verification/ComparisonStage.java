package org.touchstone.runner.verification;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.commons.csv.CSVPrinter;
import org.touchstone.api.Failure;
import org.touchstone.api.Template;
import org.touchstone.runner.checkpoint.Checkpoints;
import org.touchstone.runner.checkpoint.ResumableOutput;
import org.touchstone.runner.execution.OrderedUnits;
import org.touchstone.runner.execution.TemplateSpec;
import org.touchstone.runner.execution.TemplateStage;
import org.touchstone.runner.progress.Progress;
import org.touchstone.runner.rundir.Csv;
import org.touchstone.runner.systems.ComparisonBatch;
import org.touchstone.runner.systems.GuardedVerifier;
import org.touchstone.runner.systems.TemplateOutcome;

/**
 * Stage 2 of verification: compares every pair of the plan in parallel and streams one row per pair
 * into {@code comparisons.csv}, in plan order.
 *
 * <p>Memory stays bounded however many pairs there are: the plan is cut into work units of consecutive
 * rows (about {@link #PAIRS_PER_UNIT} pairs each), at most {@code 2 x threads} units are in flight, and
 * the writer takes their results in order as they complete. Within a unit, comparisons run in blocks
 * of {@link #BLOCK} enrolment templates across all of the unit's probes, so a block stays in cache while
 * it is reused, and each block reaches the system as one batched {@code compareMany} call per probe.
 * Each unit is a checkpoint: a killed run resumes after the last unit written.
 */
final class ComparisonStage {
    static final String FILE = "comparisons.csv";
    /**
     * Pairs per work unit, the granularity of parallel work, of memory and of checkpoints. The system
     * property {@code touchstone.pairs-per-unit} changes it, for tests that need many checkpoints on
     * little data; the output does not depend on it.
     */
    static final int PAIRS_PER_UNIT = Math.max(1, Integer.getInteger("touchstone.pairs-per-unit", 1 << 15));
    static final int BLOCK = 64;

    private final ExecutorService pool;
    private final Progress progress;
    private final int inFlight;

    ComparisonStage(ExecutorService pool, Progress progress, int threads) {
        this.pool = pool;
        this.progress = progress;
        this.inFlight = 2 * threads;
    }

    /** Counts of what the stage did. */
    record Counts(long pairs, long compared, long failedComparisons, long notCompared) {
    }

    /** A run of consecutive plan rows. */
    private record Unit(int firstRow, int endRow, int pairs) {
    }

    /** Where an interrupted stage stopped: the next plan row to compare, and the counts so far. */
    private record Position(int nextRow, long compared, long failedComparisons, long notCompared) {
        static final Position START = new Position(0, 0, 0, 0);

        byte[] encode() {
            return java.nio.ByteBuffer.allocate(28).putInt(nextRow).putLong(compared).putLong(failedComparisons)
                    .putLong(notCompared).array();
        }

        static Position decode(byte[] bytes) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
            return new Position(b.getInt(), b.getLong(), b.getLong(), b.getLong());
        }

        long pairsDone() {
            return compared + failedComparisons + notCompared;
        }
    }

    /**
     * Compares the pairs of the plan, resuming after the last unit an interrupted run committed to
     * {@code comparisons.csv}; a unit's rows are committed only once all of them are written.
     */
    Counts run(VerificationPlan plan, TemplateStage.Templates templates, GuardedVerifier verifier,
               Checkpoints checkpoints) throws IOException, InterruptedException {
        ComparisonPlan pairs = plan.pairs();
        try (ResumableOutput output = checkpoints.output(FILE)) {
            Position start = output.committedState().map(Position::decode).orElse(Position.START);
            if (output.isFinished()) {
                return new Counts(pairs.pairCount(), start.compared(), start.failedComparisons(), start.notCompared());
            }
            List<Unit> units = units(pairs, start.nextRow());
            long[] counts = {start.compared(), start.failedComparisons(), start.notCompared()};
            try (Progress.Stage stage = progress.stage("comparisons", pairs.pairCount())) {
                stage.advance(start.pairsDone());
                CSVPrinter csv;
                if (output.committedState().isPresent()) {
                    csv = Csv.continuing(output.stream());
                } else {
                    csv = Csv.printer(output.stream(), "enrolment_template", "probe_template", "mated", "status",
                            "failure_code", "score", "latency_ns");
                    csv.flush();
                    output.commit(Position.START.encode());
                }
                OrderedUnits.run(pool, units, inFlight, u -> compute(u, pairs, templates, verifier), (unit, batch) -> {
                    write(csv, unit, batch, plan, counts);
                    csv.flush();
                    output.commit(new Position(unit.endRow(), counts[0], counts[1], counts[2]).encode());
                    stage.advance(unit.pairs());
                });
                csv.flush();
                output.finish(new Position(pairs.rowCount(), counts[0], counts[1], counts[2]).encode());
            }
            return new Counts(pairs.pairCount(), counts[0], counts[1], counts[2]);
        }
    }

    private static List<Unit> units(ComparisonPlan pairs, int firstRow) {
        List<Unit> units = new ArrayList<>();
        int first = firstRow;
        long size = 0;
        for (int row = firstRow; row < pairs.rowCount(); row++) {
            size += pairs.enrolmentCount(row);
            if (size >= PAIRS_PER_UNIT || row == pairs.rowCount() - 1) {
                units.add(new Unit(first, row + 1, Math.toIntExact(size)));
                first = row + 1;
                size = 0;
            }
        }
        return units;
    }

    private static ComparisonBatch compute(Unit unit, ComparisonPlan pairs, TemplateStage.Templates templates,
                                           GuardedVerifier verifier) {
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
        List<Template> block = new ArrayList<>(BLOCK);
        int[] slots = new int[BLOCK];
        for (int k0 = 0; k0 < widest; k0 += BLOCK) {
            for (int r = 0; r < rows; r++) {
                int row = unit.firstRow() + r;
                int end = Math.min(k0 + BLOCK, pairs.enrolmentCount(row));
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

    private static void write(CSVPrinter csv, Unit unit, ComparisonBatch batch, VerificationPlan plan, long[] counts)
            throws IOException {
        ComparisonPlan pairs = plan.pairs();
        List<TemplateSpec> specs = plan.templates();
        int slot = 0;
        for (int row = unit.firstRow(); row < unit.endRow(); row++) {
            TemplateSpec probe = specs.get(pairs.probe(row));
            int n = pairs.enrolmentCount(row);
            for (int k = 0; k < n; k++, slot++) {
                TemplateSpec enrolment = specs.get(pairs.enrolment(row, k));
                boolean mated = enrolment.subjectId().equals(probe.subjectId());
                Failure failure = batch.failure(slot);
                long latency = batch.latencyNs(slot);
                String status;
                if (failure == null) {
                    status = "ok";
                    counts[0]++;
                } else if (latency < 0) {
                    status = "template_failed";
                    counts[2]++;
                } else {
                    status = "comparison_failed";
                    counts[1]++;
                }
                csv.printRecord(enrolment.templateId(), probe.templateId(), mated ? "true" : "false", status,
                        failure == null ? "" : failure.code().name(),
                        failure == null ? Double.toString(batch.score(slot)) : "",
                        latency < 0 ? "" : Long.toString(latency));
            }
        }
    }
}
