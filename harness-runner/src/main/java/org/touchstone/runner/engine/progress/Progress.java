package org.touchstone.runner.engine.progress;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Reports the progress of long stages: a live progress bar on an interactive terminal, otherwise one
 * line when a stage starts and one when it ends (so logs stay readable in CI).
 */
public interface Progress {
    /**
     * Starts a stage.
     *
     * @param name  what is being done, e.g. "comparisons"
     * @param total how many steps it has
     * @return the stage's progress, to advance and close
     */
    Stage stage(String name, long total);

    /** The progress of one stage. */
    interface Stage extends AutoCloseable {
        /** @param steps steps just completed */
        void advance(long steps);

        @Override
        void close();
    }

    /**
     * @param out where to report
     * @return a progress bar when a console is attached, else line reporting
     */
    static Progress forTerminal(PrintStream out) {
        return System.console() != null ? new Bar() : lines(out);
    }

    /**
     * @param out where to print
     * @return progress as a line at the start and end of each stage
     */
    static Progress lines(PrintStream out) {
        return (name, total) -> {
            out.printf("%s: %,d to do%n", name, total);
            long start = System.nanoTime();
            return new Stage() {
                @Override
                public void advance(long steps) {
                }

                @Override
                public void close() {
                    out.printf("%s: done in %.1f s%n", name, (System.nanoTime() - start) / 1e9);
                }
            };
        };
    }

    /** @return progress that reports nothing */
    static Progress silent() {
        return (name, total) -> new Stage() {
            @Override
            public void advance(long steps) {
            }

            @Override
            public void close() {
            }
        };
    }

    /** A live bar on the terminal (stderr, so stdout stays clean for results). */
    final class Bar implements Progress {
        @Override
        public Stage stage(String name, long total) {
            ProgressBar bar = new ProgressBarBuilder()
                    .setTaskName(name)
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(200)
                    .showSpeed()
                    .setMaxRenderedLength(100)
                    .setSpeedUnit(ChronoUnit.SECONDS)
                    .build();
            return new Stage() {
                @Override
                public void advance(long steps) {
                    bar.stepBy(steps);
                }

                @Override
                public void close() {
                    bar.close();
                }
            };
        }
    }
}
