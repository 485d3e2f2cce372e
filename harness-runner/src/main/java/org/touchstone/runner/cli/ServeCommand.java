package org.touchstone.runner.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.touchstone.api.Capability;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.runner.systems.serve.HttpApiServer;
import org.touchstone.runner.systems.serve.ServeSettings;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.resolve.SystemResolver;
import org.touchstone.runner.systems.http.HttpClientSettings;
import org.touchstone.runner.systems.serve.ServedSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code touchstone serve}: any system, exposed over the HTTP API until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Expose a system over Touchstone's HTTP API (docs/http-api.yaml), so that it can be tested"
                + " as a service exactly like a vendor's: touchstone run --system http://HOST:PORT.",
                "Listens on loopback unless --bind says otherwise. Stop with Ctrl-C."})
public final class ServeCommand implements Callable<Integer> {
    /** Environment variable holding the TLS key store's password. */
    static final String TLS_PASSWORD_VARIABLE = "TOUCHSTONE_TLS_PASSWORD";

    @Spec
    CommandSpec spec;

    @Mixin
    SystemOptions system;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080",
            description = "Port to listen on; 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for all).")
    String bind;

    @Option(names = "--token", paramLabel = "T",
            description = "Bearer token every request must carry (default: the environment variable "
                    + HttpClientSettings.TOKEN_VARIABLE + ", if set; otherwise none).")
    String token;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "Serve HTTPS with the key and certificate in this PKCS#12 file; its password comes from"
                    + " the environment variable " + TLS_PASSWORD_VARIABLE + ".")
    Path keystore;

    @Option(names = "--max-concurrent", paramLabel = "N",
            description = "Requests handled at once; more wait up to 1 s for a slot, then are answered 503"
                    + " (default: the number of cores).")
    Integer maxConcurrent;

    @Option(names = "--max-request-mb", paramLabel = "MB", defaultValue = "64",
            description = "Largest request body, in MiB; larger ones are answered 413 (default: ${DEFAULT-VALUE}).")
    long maxRequestMb;

    @Mixin
    TimeLimitOptions timeLimits;

    /** Loaded when the command runs (service loading of every system), not when the command line is built. */
    private final Provider<SystemResolver> resolver;

    private static char[] tlsPassword() {
        String password = System.getenv(TLS_PASSWORD_VARIABLE);
        return password == null ? new char[0] : password.toCharArray();
    }

    /** @param resolver resolves {@code --system} */
    @Inject
    public ServeCommand(Provider<SystemResolver> resolver) {
        this.resolver = resolver;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try {
            ServeSettings settings = new ServeSettings(InetAddress.getByName(bind), port,
                    Optional.ofNullable(token != null ? token : System.getenv(HttpClientSettings.TOKEN_VARIABLE))
                            .filter(t -> !t.isBlank()),
                    keystore == null ? Optional.empty() : Optional.of(ServeSettings.serverTls(keystore, tlsPassword())),
                    maxConcurrent != null ? maxConcurrent : Runtime.getRuntime().availableProcessors(),
                    maxRequestMb << 20);
            FaceSystemProvider provider = resolver.get().resolve(system.system, timeLimits.limits());
            Capability any = provider.descriptor().capabilities().iterator().next();
            OpenedSystem opened = OpenedSystem.open(provider, system.config(), any, "serve",
                    settings.maxConcurrent());
            ServedSystem served = ServedSystem.of(opened);
            HttpApiServer server = HttpApiServer.start(served, settings);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                served.close();
                stopped.countDown();
            }, "touchstone-serve-shutdown"));
            // The base URL, exactly what --system takes (the API's paths start with /v1 below it).
            out.printf("Serving system '%s' at %s (%s%s; at most %d requests at once, %d MiB each)%n",
                    provider.descriptor().id(), server.uri(),
                    settings.token().isPresent() ? "bearer token required" : "no token",
                    settings.bind().isLoopbackAddress() ? ", this machine only" : "", settings.maxConcurrent(),
                    maxRequestMb);
            out.flush();
            stopped.await();
            return ExitCodes.OK;
        } catch (InterruptedException e) {
            // Stopped: the shutdown hook closes the server and the system.
            Thread.currentThread().interrupt();
            return ExitCodes.OK;
        }
    }
}
