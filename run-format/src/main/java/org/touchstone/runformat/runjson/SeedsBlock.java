package org.touchstone.runformat.runjson;

/**
 * run.json's {@code seeds}: the seeds of every random choice the run made.
 *
 * @param protocol the protocol's seed
 */
public record SeedsBlock(Long protocol) {
}
