package org.touchstone.runformat.runjson;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.touchstone.runformat.RunFormatVersion;

/**
 * The provenance manifest {@code run.json} as typed records ({@code docs/run-directory.md}): written when a
 * run starts (status {@code running}), rewritten as its stages end, and completed with the end time and the
 * SHA-256 of every other file. {@link RunJsonFile} is the only code that writes or reads it; fields appear
 * in the file in the order of the components here, absent ones left out.
 *
 * @param format      the run-directory format's version
 * @param status      where the run stands
 * @param runId       the run's id, kept when it is resumed
 * @param harness     the Touchstone that ran
 * @param protocol    the protocol that ran
 * @param evaluation  what the reports evaluate, resolved
 * @param dataset     the dataset and how the protocol divided it
 * @param system      the system under test
 * @param environment the machine and JVM
 * @param seeds       the seeds of every random choice
 * @param started     when the run first started (ISO-8601, seconds)
 * @param resumed     when it was picked up again after an interruption, absent if never
 * @param stages      what each stage did, once they have run
 * @param execution   where the work ran, once the stages have run
 * @param resources   what the stages used, once they have run
 * @param error       why the run failed, when it failed
 * @param finished    when it completed or failed
 * @param files       every other file's SHA-256 by relative path, once complete
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunJson(RunFormatVersion format, RunStatus status, String runId, HarnessBlock harness,
                      ProtocolBlock protocol, Evaluation evaluation, DatasetBlock dataset, SystemBlock system,
                      EnvironmentBlock environment, SeedsBlock seeds, String started, List<String> resumed,
                      StagesBlock stages, ExecutionBlock execution, ResourcesBlock resources, String error,
                      String finished, Map<String, String> files) {
    /**
     * run.json as a run starts, in the current format, status {@code running}.
     *
     * @param runId       the run's id
     * @param harness     the Touchstone that runs
     * @param protocol    the protocol
     * @param evaluation  what the reports will evaluate
     * @param dataset     the dataset and its plan
     * @param system      the system under test
     * @param environment this machine
     * @param seeds       the seeds
     * @param started     when the run first started
     * @param resumed     when it was resumed, oldest first, or empty for a run that starts afresh
     * @return the record
     */
    public static RunJson started(String runId, HarnessBlock harness, ProtocolBlock protocol, Evaluation evaluation,
                                  DatasetBlock dataset, SystemBlock system, EnvironmentBlock environment,
                                  SeedsBlock seeds, String started, List<String> resumed) {
        return new RunJson(RunFormatVersion.CURRENT, RunStatus.RUNNING, runId, harness, protocol, evaluation, dataset,
                system, environment, seeds, started, resumed.isEmpty() ? null : List.copyOf(resumed), null, null,
                null, null, null, null);
    }

    /**
     * With the system as opened (its runtime properties).
     *
     * @param opened the system block
     * @return a copy
     */
    public RunJson withSystem(SystemBlock opened) {
        return new RunJson(format, status, runId, harness, protocol, evaluation, dataset, opened, environment, seeds,
                started, resumed, stages, execution, resources, error, finished, files);
    }

    /**
     * With what the stages did, where they ran and what they used.
     *
     * @param ranStages what each stage did
     * @param ranOn     where the work ran
     * @param used      what the stages used
     * @return a copy
     */
    public RunJson withStages(StagesBlock ranStages, ExecutionBlock ranOn, ResourcesBlock used) {
        return new RunJson(format, status, runId, harness, protocol, evaluation, dataset, system, environment, seeds,
                started, resumed, ranStages, ranOn, used, error, finished, files);
    }

    /**
     * The run completed.
     *
     * @param finishedAt when
     * @param hashes     every other file's SHA-256 by relative path
     * @return a copy with status {@code complete}
     */
    public RunJson completed(String finishedAt, Map<String, String> hashes) {
        SortedMap<String, String> sorted = new TreeMap<>(hashes);
        return new RunJson(format, RunStatus.COMPLETE, runId, harness, protocol, evaluation, dataset, system,
                environment, seeds, started, resumed, stages, execution, resources, null, finishedAt,
                java.util.Collections.unmodifiableSortedMap(sorted));
    }

    /**
     * The run failed.
     *
     * @param why        the error
     * @param finishedAt when
     * @return a copy with status {@code failed}
     */
    public RunJson failed(String why, String finishedAt) {
        return new RunJson(format, RunStatus.FAILED, runId, harness, protocol, evaluation, dataset, system,
                environment, seeds, started, resumed, stages, execution, resources, why, finishedAt, files);
    }
}
