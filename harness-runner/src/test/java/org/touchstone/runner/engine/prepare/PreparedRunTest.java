package org.touchstone.runner.engine.prepare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.protocols.ProtocolDefinition;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.runner.boundaries.TestRuns;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.backend.Backends;
import org.touchstone.runner.engine.checkpoint.RunDirectoryConflictException;
import org.touchstone.runner.engine.checkpoint.RunDirectoryState;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.systems.CapabilityMismatchException;
import org.touchstone.runner.systems.SystemArtifact;
import org.touchstone.runner.testsystems.SubjectOracleProvider;

/**
 * A run is checked and hashed once, when it is prepared: the engine runs what it is handed without
 * asking the system for its code's hash again, and what the run directory holds is known before the run.
 */
class PreparedRunTest {
    private static final String SPEC = "synthetic:subjects=10,images=2,seed=3";

    @TempDir
    static Path data;
    static DatasetManifest manifest;
    static ProtocolDefinition verification;

    @BeforeAll
    static void dataset() throws Exception {
        manifest = TestRuns.dataset(SPEC, data.resolve("d"));
        verification = ProtocolRepository.builtIn().resolve("verification@1.0.0");
    }

    /** The oracle, standing for code whose hash it computes on demand and counts. */
    private static final class CountingArtifact implements FaceSystemProvider, SystemArtifact.Source {
        private final FaceSystemProvider inner = new SubjectOracleProvider();
        private final AtomicInteger hashed = new AtomicInteger();

        @Override
        public SystemDescriptor descriptor() {
            return inner.descriptor();
        }

        @Override
        public FaceSystem open(SystemContext context) throws FaceSystemException {
            return inner.open(context);
        }

        @Override
        public SystemArtifact artifact() {
            hashed.incrementAndGet();
            return new SystemArtifact("counted", "ab".repeat(32));
        }
    }

    private static PreparedRun.Checked checked(FaceSystemProvider system) throws Exception {
        return PreparedRun.check(verification, system, ExecutionSettings.EMBEDDED);
    }

    @Test
    void theSystemIsHashedOnceWhenPreparedAndTheEngineRecordsThatHash(@TempDir Path tmp) throws Exception {
        CountingArtifact system = new CountingArtifact();
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("model.bin"), "weights");
        PreparedRun prepared = checked(system).prepare("once", manifest, SPEC, Optional.of(config),
                tmp.resolve("run"), 2);
        assertThat(system.hashed).hasValue(1);
        assertThat(prepared.directory().kind()).isEqualTo(RunDirectoryState.Kind.NEW);

        new ProtocolRunner(Progress.silent()).run(prepared);

        assertThat(system.hashed).as("hashes of the system's code after the run").hasValue(1);
        JsonNode run = new ObjectMapper().readTree(tmp.resolve("run/run.json").toFile());
        assertThat(run.path("status").asText()).isEqualTo("complete");
        assertThat(run.path("system").path("artifact").path("sha256").asText()).isEqualTo("ab".repeat(32));
        assertThat(run.path("system").path("config_sha256").asText()).isEqualTo(prepared.configSha256().orElseThrow())
                .hasSize(64);
    }

    @Test
    void aCompleteRunIsKnownWhenPreparedAndAnotherConfigurationIsRefusedBeforeAnythingRuns(@TempDir Path tmp)
            throws Exception {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("threshold.txt"), "0.5");
        Path runDir = tmp.resolve("run");
        new ProtocolRunner(Progress.silent()).run(checked(new SubjectOracleProvider()).prepare("first", manifest, SPEC,
                Optional.of(config), runDir, 2));

        PreparedRun again = checked(new SubjectOracleProvider()).prepare("second", manifest, SPEC,
                Optional.of(config), runDir, 2);
        assertThat(again.directory().kind()).isEqualTo(RunDirectoryState.Kind.COMPLETE);
        assertThat(again.directory().previousRunId()).contains("first");
        assertThatThrownBy(() -> new ProtocolRunner(Progress.silent()).run(again))
                .isInstanceOf(RunDirectoryConflictException.class).hasMessageContaining("already complete");

        Files.writeString(config.resolve("threshold.txt"), "0.6");
        assertThatThrownBy(() -> checked(new SubjectOracleProvider()).prepare("third", manifest, SPEC,
                Optional.of(config), runDir, 2))
                .isInstanceOf(RunDirectoryConflictException.class)
                .hasMessageContaining("system configuration (sha256)");
    }

    @Test
    void aMissingCapabilityOrAnUnknownBackendIsRefusedBeforeAnyDatasetIsNeeded() throws Exception {
        ProtocolDefinition attributes = ProtocolRepository.builtIn().resolve("attributes@1.0.0");
        assertThatThrownBy(() -> PreparedRun.check(attributes, new SubjectOracleProvider(), ExecutionSettings.EMBEDDED))
                .isInstanceOf(CapabilityMismatchException.class).hasMessageContaining("needs capability ANALYSIS");
        ExecutionSettings nowhere = new ExecutionSettings("nowhere", Map.of(), Optional.empty(), Integer.MAX_VALUE);
        assertThatThrownBy(() -> PreparedRun.check(verification, new SubjectOracleProvider(), nowhere))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no execution backend 'nowhere'")
                .hasMessageContaining(Backends.EMBEDDED);
    }
}
