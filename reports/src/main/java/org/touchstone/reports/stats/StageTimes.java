package org.touchstone.reports.stats;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Where a report's wall time goes, measured only when the system property {@code touchstone.stageTimes} is
 * {@code true} (e.g. {@code TOUCHSTONE_JAVA_OPTS=-Dtouchstone.stageTimes=true ./touchstone analyze ...}, which
 * prints them to standard error); otherwise {@link #mark} does nothing. Each line gives the stage's wall
 * milliseconds, the milliseconds since the JVM started, and the process's CPU seconds so far. Lines are
 * collected here and printed by the command, so the metrics packages stay free of I/O.
 */
public final class StageTimes {
    private static final boolean ENABLED = Boolean.getBoolean("touchstone.stageTimes");
    private static final List<String> LINES = new ArrayList<>();
    private static long last = System.nanoTime();

    private StageTimes() {
    }

    /**
     * Marks the end of a stage that began at the previous mark (the first stage: at class initialisation).
     *
     * @param stage what just finished
     */
    public static synchronized void mark(String stage) {
        if (!ENABLED) {
            return;
        }
        long now = System.nanoTime();
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        double cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        LINES.add(String.format(Locale.ROOT, "stage %-28s %8.1f ms  (at %6d ms since JVM start, CPU %.2f s)",
                stage, (now - last) / 1e6, sinceStart, cpu));
        last = now;
    }

    /**
     * Hands the lines marked so far to a printer and forgets them; nothing when not measuring.
     *
     * @param printer where each line goes, e.g. {@code System.err::println}
     */
    public static synchronized void drainTo(Consumer<String> printer) {
        LINES.forEach(printer);
        LINES.clear();
    }
}
