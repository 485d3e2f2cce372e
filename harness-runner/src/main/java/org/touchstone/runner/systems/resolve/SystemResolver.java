package org.touchstone.runner.systems.resolve;

import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.runner.systems.http.HttpClientSettings;
import org.touchstone.runner.systems.http.HttpSystemProvider;
import org.touchstone.runner.systems.inprocess.TimeLimitedProvider;
import org.touchstone.runner.systems.jar.JarSystems;
import org.touchstone.runner.systems.process.ProcessSystemProvider;
import org.touchstone.runner.systems.SystemRegistry;
import org.touchstone.runner.systems.CallLimits;
import org.touchstone.runner.systems.UnknownSystemException;
import org.touchstone.runner.systems.wire.HttpApi;
import org.touchstone.runner.systems.CacheFolder;
import org.touchstone.runner.systems.submission.SubmissionArchive;
import org.touchstone.runner.systems.submission.SubmissionException;
import org.touchstone.runner.systems.submission.SubmissionProvider;

/**
 * Turns a {@code --system} argument into a provider. One syntax names every kind of system:
 * <ul>
 *   <li>{@code ID}: a system on the class path, found by {@code ServiceLoader} ({@code touchstone systems});</li>
 *   <li>{@code jar:PATH[!ID]}: a vendor jar (or folder of jars), loaded in a class loader of its own;</li>
 *   <li>{@code process:CONFIG}: worker processes speaking the worker protocol, in any language;</li>
 *   <li>{@code submission:FILE}: a vendor's submission archive, checked and unpacked by
 *       {@code touchstone submission check} (docs/submissions.md);</li>
 *   <li>{@code http://...} or {@code https://...}: a service speaking the HTTP API.</li>
 * </ul>
 * Systems that run in the harness's JVM (the first two) get a deadline on every call
 * ({@link TimeLimitedProvider}); the others enforce their own.
 */
public final class SystemResolver {
    /** Prefix of vendor jar systems. */
    public static final String JAR = "jar:";
    /** Prefix of subprocess systems. */
    public static final String PROCESS = "process:";
    /** Prefix of checked submission archives. */
    public static final String SUBMISSION = "submission:";

    private final SystemRegistry registry;

    /** @param registry the systems on the class path */
    @Inject
    public SystemResolver(SystemRegistry registry) {
        this.registry = registry;
    }

    /** @return the systems on the class path */
    public SystemRegistry registry() {
        return registry;
    }

    /**
     * @param spec      a {@code --system} argument
     * @param overrides per-operation deadlines from the command line (the rest keep their defaults)
     * @return the provider, ready to open
     * @throws UnknownSystemException if no such system exists or the argument is malformed
     * @throws IOException            if a jar, config or service cannot be read
     * @throws FaceSystemException    if a subprocess or service does not complete its handshake
     */
    public FaceSystemProvider resolve(String spec, Map<CallLimits.Operation, Duration> overrides)
            throws UnknownSystemException, IOException, FaceSystemException {
        if (spec.startsWith("http://") || spec.startsWith("https://")) {
            URI uri;
            try {
                // The service's URL is its base; the API's own prefix, as serve prints it, is accepted too.
                String base = spec.replaceFirst(Pattern.quote(HttpApi.PREFIX) + "/?$", "");
                uri = new URI(base);
            } catch (URISyntaxException e) {
                throw new UnknownSystemException("not a valid URL: " + spec + " (" + e.getReason() + ")");
            }
            return HttpSystemProvider.connect(uri, HttpClientSettings.fromEnvironment(),
                    CallLimits.defaults().with(overrides));
        }
        if (spec.startsWith(SUBMISSION)) {
            String file = spec.substring(SUBMISSION.length());
            if (file.isEmpty()) {
                throw new UnknownSystemException("submission: needs an archive, as in submission:acme.tsub");
            }
            SubmissionArchive.Checked checked;
            try {
                checked = SubmissionArchive.cached(Path.of(file), CacheFolder.submissions());
            } catch (SubmissionException e) {
                throw new UnknownSystemException(e.getMessage());
            }
            if (checked.systemSpec().startsWith(SUBMISSION)) {
                throw new UnknownSystemException(file + ": a submission cannot hold another submission");
            }
            return new SubmissionProvider(spec, checked, resolve(checked.systemSpec(), overrides));
        }
        if (spec.startsWith(PROCESS)) {
            String config = spec.substring(PROCESS.length());
            if (config.isEmpty()) {
                throw new UnknownSystemException("process: needs a config file, as in process:path/to/system.json");
            }
            return ProcessSystemProvider.load(Path.of(config), overrides);
        }
        return new TimeLimitedProvider(resolveInJvm(spec), CallLimits.defaults().with(overrides));
    }

    /**
     * Resolves a system that runs in this JVM, without deadlines (for the Java worker, whose deadlines the
     * harness on the other side of the pipe enforces).
     *
     * @param spec an id or {@code jar:PATH[!ID]}
     * @return the provider
     * @throws UnknownSystemException if no such system exists
     * @throws IOException            if a jar cannot be read
     */
    public FaceSystemProvider resolveInJvm(String spec) throws UnknownSystemException, IOException {
        if (spec.startsWith(JAR)) {
            String rest = spec.substring(JAR.length());
            int bang = rest.lastIndexOf('!');
            Optional<String> id = bang >= 0 ? Optional.of(rest.substring(bang + 1)) : Optional.empty();
            String path = bang >= 0 ? rest.substring(0, bang) : rest;
            if (path.isEmpty()) {
                throw new UnknownSystemException("jar: needs a path, as in jar:vendor/acme.jar or jar:vendor/acme.jar!acme-fr");
            }
            return JarSystems.load(Path.of(path), id);
        }
        if (spec.contains(":")) {
            throw new UnknownSystemException("'" + spec + "' is not a system: expected an id (see 'touchstone systems'),"
                    + " jar:PATH[!ID], process:CONFIG, submission:FILE, or an http:// or https:// URL");
        }
        return registry.require(spec);
    }
}
