package org.touchstone.runner.cli;

import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.touchstone.api.FaceSystemException;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.protocols.dataset.ManifestException;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.reports.OutputFolderException;
import org.touchstone.reports.comparison.RunComparison;
import org.touchstone.runformat.RunDirectoryException;
import org.touchstone.runformat.io.OutsideFolderException;
import org.touchstone.runformat.signing.OpenPgpException;
import org.touchstone.runner.engine.checkpoint.RunDirectoryConflictException;
import org.touchstone.runner.systems.CapabilityMismatchException;
import org.touchstone.runner.systems.UnknownSystemException;
import org.touchstone.runner.systems.submission.SubmissionException;
import picocli.CommandLine;

/**
 * What a command that throws exits with, in one place for every command: picocli hands it what a
 * command's {@code call()} threw, it prints one {@code error: ...} line (or lines) on stderr and returns
 * the exit code (README: 0 ok, 1 run failed, 2 bad input). Bad input is what the user can fix by
 * changing the command: an unknown protocol, system or backend, a system without the protocol's
 * capability, an invalid manifest, protocol or run directory, a run directory holding another run,
 * runs that cannot be compared, a file that does not exist, an invalid value. Anything else that was
 * expected to go wrong (I/O, a system that cannot open, an interruption) failed the run. An unexpected
 * runtime exception, a bug, is left to picocli, which prints its stack trace and exits 1.
 */
public final class CommandFailures implements CommandLine.IExecutionExceptionHandler {
    /** Exceptions that mean the command was given something it cannot use. */
    private static final List<Class<? extends Exception>> BAD_INPUT = List.of(BadInputException.class,
            ProtocolException.class, UnknownSystemException.class, CapabilityMismatchException.class,
            ManifestException.class, RunDirectoryException.class, RunDirectoryConflictException.class,
            RunComparison.IncompatibleRunsException.class, NoSuchFileException.class, IllegalArgumentException.class,
            ImportException.class, OutsideFolderException.class, OutputFolderException.class,
            OpenPgpException.class, FileAlreadyExistsException.class, SubmissionException.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed)
            throws Exception {
        if (e instanceof RuntimeException && !(e instanceof IllegalArgumentException)) {
            throw e;
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        command.getOut().flush();
        PrintWriter err = command.getErr();
        err.println("error: " + message(e));
        err.flush();
        return exitCode(e);
    }

    /**
     * @param e what a command threw
     * @return the exit code it means
     */
    static int exitCode(Exception e) {
        return BAD_INPUT.stream().anyMatch(type -> type.isInstance(e)) ? ExitCodes.BAD_INPUT : ExitCodes.RUN_FAILED;
    }

    private static String message(Exception e) {
        if (e instanceof FaceSystemException f) {
            return "the system could not be opened (" + f.code() + "): " + f.getMessage();
        }
        if (e instanceof InterruptedException) {
            return "interrupted";
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        return e.getMessage();
    }
}
