package org.touchstone.runner.engine.checkpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.touchstone.runformat.runjson.RunJson;
import org.touchstone.runformat.runjson.SystemBlock;

/**
 * What must be the same for a run directory to be resumed: the protocol, the dataset, the system and
 * its code, and the system's configuration, each by content hash. Thread counts, the machine and the
 * harness's own build may differ.
 *
 * @param protocolSha256 the protocol file's hash
 * @param datasetSha256  the dataset manifest's hash
 * @param systemId       the system's id
 * @param artifactSha256 the hash of the system's code (empty when unknown)
 * @param configSha256   the hash of its configuration folder, or empty when it has none
 */
public record RunIdentity(String protocolSha256, String datasetSha256, String systemId, String artifactSha256,
                          String configSha256) {
    /** Canonical form: no nulls. */
    public RunIdentity {
        protocolSha256 = Objects.requireNonNullElse(protocolSha256, "");
        datasetSha256 = Objects.requireNonNullElse(datasetSha256, "");
        systemId = Objects.requireNonNullElse(systemId, "");
        artifactSha256 = Objects.requireNonNullElse(artifactSha256, "");
        configSha256 = Objects.requireNonNullElse(configSha256, "");
    }

    /**
     * @param runJson a run's {@code run.json}
     * @return the identity it records
     */
    public static RunIdentity recordedIn(RunJson runJson) {
        SystemBlock system = runJson.system();
        return new RunIdentity(runJson.protocol() == null ? "" : runJson.protocol().sha256(),
                runJson.dataset() == null ? "" : runJson.dataset().sha256(), system.id(),
                system.artifact() == null ? "" : system.artifact().sha256(), system.configSha256());
    }

    /**
     * @param other the identity of the run being started
     * @return what differs, for people (empty when they are the same run)
     */
    public List<String> differences(RunIdentity other) {
        List<String> differences = new ArrayList<>();
        compare(differences, "protocol (sha256)", protocolSha256, other.protocolSha256);
        compare(differences, "dataset manifest (sha256)", datasetSha256, other.datasetSha256);
        compare(differences, "system id", systemId, other.systemId);
        compare(differences, "system code (artifact sha256)", artifactSha256, other.artifactSha256);
        compare(differences, "system configuration (sha256)", configSha256, other.configSha256);
        return differences;
    }

    private static void compare(List<String> differences, String what, String recorded, String now) {
        if (!recorded.equals(now)) {
            differences.add(what + ": the run directory has " + (recorded.isEmpty() ? "none" : "'" + recorded + "'")
                    + ", this run has " + (now.isEmpty() ? "none" : "'" + now + "'"));
        }
    }
}
