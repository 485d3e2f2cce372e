package org.touchstone.runner.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --system} and {@code --config}: which system, for commands that call one. */
final class SystemOptions {
    @Option(names = "--system", required = true, paramLabel = "SYSTEM",
            description = "A system id (see 'touchstone systems'), jar:PATH[!ID] for a vendor jar, process:CONFIG for"
                    + " worker processes in any language, or an http:// or https:// URL of a service.")
    String system;

    @Option(names = "--config", paramLabel = "DIR",
            description = "The system's configuration folder, handed to it read-only.")
    Path config;

    Optional<Path> config() {
        return Optional.ofNullable(config);
    }
}
