/**
 * 1:N identification metrics from candidate lists, as ISO/IEC 19795-1 and NIST FRTE define
 * them: FNIR(N, R, T), FPIR(N, T), TPIR, rank-k rates and the CMC, selectivity, and FNIR at FPIR targets.
 * Plain math over search outcomes: no I/O, no file formats.
 *
 * <p>A candidate is a hit at threshold T when its score is {@code >= T} (ties are hits). A search that
 * failed counts under the {@code non-match} policy: a miss when mated, no candidate when non-mated.
 *
 * <p>Imports only the JDK (no file or stream I/O), Commons Statistics, {@code stats} and
 * {@code verification} (its sorted scores and operating-point types).
 */
package org.touchstone.reports.identification;
