package org.touchstone.runformat;

/**
 * The names of the run directory's files and folders other than the raw tables (whose names are in
 * {@link org.touchstone.runformat.columns}): see {@code docs/run-directory.md}.
 */
public final class RunFiles {
    /** Provenance and the evaluation settings: written first, completed last. */
    public static final String RUN_JSON = "run.json";
    /**
     * The detached OpenPGP signature over run.json that {@code touchstone sign} writes; like run.json itself it
     * is not hashed into run.json's {@code files}.
     */
    public static final String RUN_JSON_SIGNATURE = "run.json.asc";
    /** The exact protocol file used (its SHA-256 is in run.json). */
    public static final String PROTOCOL_YAML = "protocol.yaml";
    /** What subprocess workers wrote to stderr, one file per worker. */
    public static final String LOGS_DIRECTORY = "logs";
    /**
     * The runner's private resume state: never hashed into run.json's {@code files}, and deleted once the
     * run is complete.
     */
    public static final String CHECKPOINT_DIRECTORY = "checkpoint";

    private RunFiles() {
    }

    /**
     * Whether a file belongs in run.json's {@code files} block: every file of the run directory but run.json
     * itself and its signature, files still being written and the checkpoint folder.
     *
     * @param relativePath the file's path in the run directory, {@code /} separated
     * @return true when its hash is recorded
     */
    public static boolean isHashed(String relativePath) {
        return !relativePath.equals(RUN_JSON) && !relativePath.equals(RUN_JSON_SIGNATURE) && !org.touchstone.runformat.io.AtomicFiles.isPartial(relativePath)
                && !relativePath.startsWith(CHECKPOINT_DIRECTORY + "/");
    }
}
