package org.touchstone.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FailureCode;
import org.touchstone.runner.Touchstone;
import org.touchstone.runner.RunnerModule;
import org.touchstone.runner.engine.checkpoint.RunDirectoryConflictException;
import org.touchstone.runner.systems.UnknownSystemException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Whatever a command throws ends in the README's exit codes (1 run failed, 2 bad input) and one
 * {@code error:} line on stderr, the same for every command; a bug is not disguised as an error message.
 */
class CommandFailuresTest {
    private final StringWriter err = new StringWriter();

    /** A command that throws what it is given. */
    @Command(name = "throwing")
    static final class Throwing implements Callable<Integer> {
        private final Exception thrown;

        Throwing(Exception thrown) {
            this.thrown = thrown;
        }

        @Override
        public Integer call() throws Exception {
            throw thrown;
        }
    }

    private int run(Exception thrown) {
        CommandLine cli = new CommandLine(new Throwing(thrown));
        cli.setExecutionExceptionHandler(new CommandFailures());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute();
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void whatTheUserCanFixIsBadInput() {
        assertThat(run(new UnknownSystemException("no system with id 'acme'"))).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run(new RunDirectoryConflictException("run directory r holds a different run")))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run(new IllegalArgumentException("--threshold needs NAME=VALUE"))).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run(new NoSuchFileException("scores.csv"))).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().lines()).containsExactly("error: no system with id 'acme'",
                "error: run directory r holds a different run", "error: --threshold needs NAME=VALUE",
                "error: no such file: scores.csv");
    }

    @Test
    void whatWentWrongWhileRunningFailedTheRun() {
        assertThat(run(new IOException("disk full"))).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(run(new FaceSystemException(FailureCode.SYSTEM_CRASHED, "worker exited")))
                .isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(run(new InterruptedException())).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept").isTrue();
        assertThat(err.toString().lines()).containsExactly("error: disk full",
                "error: the system could not be opened (SYSTEM_CRASHED): worker exited", "error: interrupted");
    }

    @Test
    void aBugKeepsItsStackTrace() {
        assertThat(run(new NullPointerException("a bug"))).isEqualTo(1);
        assertThat(err.toString()).doesNotStartWith("error:").contains("java.lang.NullPointerException: a bug")
                .contains("\tat ");
    }

    @Test
    void theTouchstoneCommandLineUsesIt() {
        CommandLine cli = Touchstone.commandLine(RunnerModule.withLines(System.out));
        assertThat(cli.getExecutionExceptionHandler()).isInstanceOf(CommandFailures.class);
    }
}
