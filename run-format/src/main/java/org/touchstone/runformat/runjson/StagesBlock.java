package org.touchstone.runformat.runjson;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * run.json's {@code stages}: what each stage did, for people (the reports never read it). Only the stages
 * of the run's capability are present.
 *
 * @param templates   the template stage (verification, identification)
 * @param comparisons the comparison stage (verification)
 * @param galleries   the galleries' building (identification)
 * @param searches    the search stage (identification)
 * @param analyses    the analysis stage (analysis)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StagesBlock(Templates templates, Comparisons comparisons, Galleries galleries, Searches searches,
                          Analyses analyses) {
    /**
     * @param calls    template-creation calls
     * @param failures calls that failed
     * @param seconds  the stage's wall time
     */
    public record Templates(Long calls, Long failures, Double seconds) {
    }

    /**
     * @param pairs                 pairs the protocol defines
     * @param compared              pairs compared
     * @param comparisonFailures    comparisons that returned a failure
     * @param notCompared           pairs not compared because a template failed
     * @param seconds               the stage's wall time
     * @param comparisonsPerSecond  compared / seconds
     * @param batchRetries          batched calls that failed as a whole and were retried one by one
     */
    public record Comparisons(Long pairs, Long compared, Long comparisonFailures, Long notCompared, Double seconds,
                              Double comparisonsPerSecond, Long batchRetries) {
    }

    /**
     * @param galleries      galleries built
     * @param failures       galleries that failed
     * @param seconds        the {@code finalizeEnrolment} calls' wall time
     * @param shardTemplates enrolment templates per shard, when galleries were sharded
     */
    public record Galleries(Integer galleries, Long failures, Double seconds,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Integer shardTemplates) {
    }

    /**
     * @param searches          searches the protocol defines
     * @param ok                searches answered
     * @param failed            searches that failed
     * @param notSearched       searches not made because the probe or the gallery failed
     * @param seconds           the stage's wall time, without the galleries' building
     * @param searchesPerSecond (ok + failed) / seconds
     * @param batchRetries      batched calls that failed as a whole and were retried one by one
     */
    public record Searches(Long searches, Long ok, Long failed, Long notSearched, Double seconds,
                           Double searchesPerSecond, Long batchRetries) {
    }

    /**
     * @param images          images analysed
     * @param ok              analyses with a face
     * @param noFace          analyses without a face
     * @param failed          analyses that failed
     * @param seconds         the stage's wall time
     * @param imagesPerSecond images / seconds
     */
    public record Analyses(Integer images, Long ok, Long noFace, Long failed, Double seconds, Double imagesPerSecond) {
    }
}
