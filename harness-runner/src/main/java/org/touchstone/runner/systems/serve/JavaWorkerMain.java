package org.touchstone.runner.systems.serve;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.runner.systems.resolve.SystemResolver;
import org.touchstone.runner.systems.SystemRegistry;

/**
 * Serves one Java system over the worker protocol on stdin and stdout, so that it runs isolated in its
 * own process: {@code java -cp CLASSPATH org.touchstone.runner.systems.serve.JavaWorkerMain SYSTEM},
 * where SYSTEM is a {@code ServiceLoader} id or {@code jar:PATH[!id]}. ({@code touchstone worker SYSTEM}
 * does the same through the launcher.)
 *
 * <p>Before anything else it points {@code System.out} at stderr: whatever the system prints must never
 * reach the protocol stream.
 */
public final class JavaWorkerMain {
    private JavaWorkerMain() {
    }

    /**
     * @param args the system to serve
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Serves the system named by {@code args[0]} on this process's stdin and stdout.
     *
     * @param args the system to serve
     * @return the exit status
     */
    public static int run(String[] args) {
        OutputStream protocolOut = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        PrintStream stderr = System.err;
        System.setOut(stderr);
        if (args.length != 1) {
            stderr.println("usage: JavaWorkerMain SYSTEM   (a ServiceLoader id or jar:PATH[!id])");
            return 2;
        }
        FaceSystemProvider provider;
        try {
            provider = new SystemResolver(new SystemRegistry(Thread.currentThread().getContextClassLoader()))
                    .resolveInJvm(args[0]);
        } catch (Exception e) {
            stderr.println("touchstone worker: cannot load system '" + args[0] + "': " + e.getMessage());
            return 2;
        }
        try {
            return new WorkerProtocolServer(provider, stderr)
                    .serve(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16), protocolOut);
        } catch (IOException e) {
            stderr.println("touchstone worker: the harness went away: " + e.getMessage());
            return 1;
        }
    }
}
