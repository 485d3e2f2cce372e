package org.touchstone.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * A listener (registered through {@code spark.extraListeners}) that keeps the name of every accumulator
 * Spark reports with a finished task, but for Spark's own task metrics: what Spark's status listener turns
 * into text after every task.
 */
public final class ReportedAccumulators extends SparkListener {
    private static final List<String> NAMES = new ArrayList<>();

    /** Spark instantiates it. */
    public ReportedAccumulators() {
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        scala.collection.Iterator<AccumulableInfo> infos = taskEnd.taskInfo().accumulables().iterator();
        while (infos.hasNext()) {
            AccumulableInfo info = infos.next();
            String name = info.name().isDefined() ? info.name().get() : "(unnamed)";
            if (!name.startsWith("internal.metrics.")) {
                synchronized (NAMES) {
                    NAMES.add(name);
                }
            }
        }
    }

    /** @return the names reported so far, and forgets them */
    static List<String> drain() {
        synchronized (NAMES) {
            List<String> names = List.copyOf(NAMES);
            NAMES.clear();
            return names;
        }
    }
}
