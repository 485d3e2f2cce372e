/**
 * 1:N identification metrics from candidate lists, as {@code /work/shared/reference/metrics.md} defines
 * them: FNIR(N, R, T), FPIR(N, T), TPIR, rank-k rates and the CMC, selectivity, and FNIR at FPIR targets.
 * Plain math over search outcomes: no I/O, no file formats.
 *
 * <p>A candidate is a hit at threshold T when its score is {@code >= T} (ties are hits). A search that
 * failed counts under the {@code non-match} policy: a miss when mated, no candidate when non-mated.
 */
package org.touchstone.reports.identification;
