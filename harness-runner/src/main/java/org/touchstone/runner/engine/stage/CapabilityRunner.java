package org.touchstone.runner.engine.stage;

import java.io.IOException;
import org.touchstone.api.Capability;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.runformat.runjson.DatasetBlock;
import org.touchstone.runformat.runjson.Evaluation;
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
         * run.json's {@code evaluation} block: everything the reports need to know, resolved.
         *
         * @return the block
         */
        Evaluation evaluation();

        /**
         * run.json's {@code dataset} block with the facts about the plan worth recording.
         *
         * @param manifest the block as the manifest gives it
         * @return it, with the plan's facts
         */
        DatasetBlock dataset(DatasetBlock manifest);

        /**
         * Runs the stages, writing the raw files; what each stage did goes into the summary's run.json
         * {@code stages} block.
         *
         * @param context the opened system, worker threads and run directory
         * @return what the stages did
         * @throws IOException          if files cannot be read or written
         * @throws InterruptedException if interrupted
         */
        StageSummary execute(ExecutionContext context) throws IOException, InterruptedException;
    }
}
