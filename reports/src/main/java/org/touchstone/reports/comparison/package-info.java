/**
 * Several runs of one protocol version on one dataset side by side ({@code touchstone compare}): the
 * leaderboard, overlaid curves and paired tests, read from each run's report files (run.json, metrics.json,
 * tables), rendered with {@code rendering}'s blocks and shown by {@code card}'s comparison page.
 *
 * <p>May import {@code card}, {@code rendering} and the metric packages.
 */
package org.touchstone.reports.comparison;
