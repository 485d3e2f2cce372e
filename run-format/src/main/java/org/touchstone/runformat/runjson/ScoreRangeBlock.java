package org.touchstone.runformat.runjson;

/**
 * run.json's {@code system.score_range}: the scores the system declares it returns.
 *
 * @param min the lowest score
 * @param max the highest score
 */
public record ScoreRangeBlock(Double min, Double max) {
}
