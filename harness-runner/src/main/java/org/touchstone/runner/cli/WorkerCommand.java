package org.touchstone.runner.cli;

import java.util.concurrent.Callable;
import org.touchstone.runner.systems.serve.JavaWorkerMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code touchstone worker SYSTEM}: serve a Java system over the worker protocol on stdin and stdout. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Serve a Java system (an id or jar:PATH[!ID]) over the worker protocol on stdin and stdout,"
                + " so that it runs isolated in its own process.",
                "Not for people: name it as the command of a process: config, e.g."
                        + " {\"command\": [\"./touchstone\", \"worker\", \"lbp\"]}."})
public final class WorkerCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SYSTEM", description = "A system id or jar:PATH[!ID].")
    String system;

    @Override
    public Integer call() {
        return JavaWorkerMain.run(new String[] {system});
    }
}
