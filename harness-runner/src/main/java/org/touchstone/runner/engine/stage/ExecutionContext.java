package org.touchstone.runner.engine.stage;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import org.touchstone.runner.engine.backend.BackendSession;
import org.touchstone.runner.engine.checkpoint.Checkpoints;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.engine.timing.CallTimings;
import org.touchstone.runner.engine.prepare.RunRequest;

/**
 * What a capability's stages run with.
 *
 * @param request  the run request
 * @param runDir   the run directory, created
 * @param system   the opened system
 * @param pool     worker threads ({@code request.threads()} of them)
 * @param progress    where stage progress goes
 * @param checkpoints where stages keep what a resumed run must not redo
 * @param backend     where the stages' work plans run
 * @param timings     where the guards record every call's latency and the stages their wall time
 */
public record ExecutionContext(RunRequest request, Path runDir, OpenedSystem system,
                               ExecutorService pool, Progress progress, Checkpoints checkpoints,
                               BackendSession backend, CallTimings timings) {
    /** @return how many threads the pool has */
    public int threads() {
        return request.threads();
    }
}
