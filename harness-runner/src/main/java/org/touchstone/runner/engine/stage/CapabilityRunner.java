package org.touchstone.runner.engine.stage;

import java.io.IOException;
import org.touchstone.api.Capability;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.runner.engine.rundir.RunJson;
import org.touchstone.runner.engine.prepare.RunRequest;

/**
 * One capability's part of a run. {@link ProtocolRunner} does what every run shares (refusing a
 * mismatched capability, the run directory, provenance, opening the system, the reports); a capability
 * runner plans its work and executes its stages.
 */
public interface CapabilityRunner {
    /** @return the capability whose protocols it runs */
    Capability capability();

    /**
     * Plans the run and checks that the protocol fits the dataset, before anything is written.
     *
     * @param request the resolved request
     * @return the planned run
     * @throws ProtocolException if the protocol cannot run on this dataset, naming why
     */
    Planned plan(RunRequest request) throws ProtocolException;

    /** A run planned and ready to execute. */
    interface Planned {
        /**
         * Fills run.json: the {@code evaluation} block the reports read (everything but {@code capability}
         * and {@code group_columns}, which are common) and any facts about the plan worth recording
         * under {@code dataset}.
         *
         * @param json the run's provenance
         */
        void describe(RunJson json);

        /**
         * Runs the stages, writing the raw files and recording each stage under run.json's {@code stages}.
         *
         * @param context the opened system, worker threads and run directory
         * @return what the stages did
         * @throws IOException          if files cannot be read or written
         * @throws InterruptedException if interrupted
         */
        StageSummary execute(ExecutionContext context) throws IOException, InterruptedException;
    }
}
