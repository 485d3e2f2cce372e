package org.touchstone.runner.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.touchstone.api.Capability;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.runner.RunnerModule;
import org.touchstone.runner.Touchstone;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.SystemRegistry;
import org.touchstone.runner.systems.resolve.SystemResolver;
import org.touchstone.runner.systems.serve.HttpApiServer;
import org.touchstone.runner.systems.serve.ServeSettings;
import org.touchstone.runner.systems.serve.ServedSystem;
import org.touchstone.runner.systems.wire.HttpApi;
import picocli.CommandLine;

/**
 * Issue class "docs a vendor could not follow": what the README promises a command prints, it prints on a
 * real terminal; the URL {@code serve} prints is one {@code --system} takes as it is.
 */
class VendorDocsTest {
    @Test
    void protocolsShowPrintsTheWholeYamlThroughABufferedTerminal() {
        // A terminal's writer buffers; the JVM exits right after the command, so nothing may be left in it.
        StringWriter terminal = new StringWriter();
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(new BufferedWriter(terminal), true));
        cli.setErr(new PrintWriter(new StringWriter(), true));

        assertThat(cli.execute("protocols", "--show", "verification@1.0.0")).isZero();

        assertThat(terminal.toString()).startsWith("# verification@1.0.0  sha256 ").contains("id: verification")
                .contains("fmr_targets:").contains("failure_policy: non-match");
    }

    @Test
    void theUrlServePrintsIsOneSystemTakesWithOrWithoutTheApiPrefix() throws Exception {
        SystemRegistry registry = new SystemRegistry(getClass().getClassLoader());
        SystemResolver resolver = new SystemResolver(registry);
        try (OpenedSystem opened = OpenedSystem.open(registry.require("lbp"), Optional.empty(),
                Capability.VERIFICATION, "serve", 1);
             ServedSystem served = ServedSystem.of(opened);
             HttpApiServer server = HttpApiServer.start(served, ServeSettings.loopback())) {
            for (String url : new String[] {server.uri().toString(), server.uri() + HttpApi.PREFIX,
                    server.uri() + HttpApi.PREFIX + "/"}) {
                FaceSystemProvider remote = resolver.resolve(url, Map.of());
                assertThat(remote.descriptor().id()).as(url).isEqualTo("lbp");
            }
        }
    }
}
