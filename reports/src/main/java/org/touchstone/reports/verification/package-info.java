/**
 * Verification (1:1) metrics as plain math: error rates at a threshold, FNMR at FMR targets, equal error
 * rates, DET curves, d-prime and score histograms, all computed from a {@link
 * org.touchstone.reports.verification.ScoreDistribution}. No I/O, no file formats.
 *
 * <p>Conventions (see {@code reference/metrics.md}): higher scores mean more similar; a comparison
 * matches at threshold T when its score is {@code >= T}; FMR(T) = false matches / impostor comparisons;
 * FNMR(T) = false non-matches / genuine comparisons. Failed comparisons follow the {@code non-match}
 * failure policy: they stay in the denominators, count as false non-matches when mated and never as
 * false matches.
 *
 * <p>Imports only the JDK (no file or stream I/O), Commons Statistics and {@code stats}.
 */
package org.touchstone.reports.verification;
