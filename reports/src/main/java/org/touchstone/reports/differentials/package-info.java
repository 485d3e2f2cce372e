/**
 * Demographic differentials over per-group rates, reusable by every capability. Build a
 * {@link org.touchstone.reports.differentials.GroupRates} (a {@link org.touchstone.reports.stats.Proportion}
 * per {@link org.touchstone.reports.differentials.GroupKey}, all at one operating point, e.g. the one global
 * threshold of NISTIR 8280) and ask for:
 * <ul>
 *   <li>{@link org.touchstone.reports.differentials.RateRatios}: max/min and max/geometric mean, with an
 *       explicit {@link org.touchstone.reports.differentials.ZeroRateHandling};</li>
 *   <li>{@link org.touchstone.reports.differentials.FairnessDiscrepancyRate} and
 *       {@link org.touchstone.reports.differentials.Garbe} from an FMR and an FNMR {@code GroupRates};</li>
 *   <li>{@link org.touchstone.reports.differentials.GroupComparisons}: the k x 2 chi-square over all groups and
 *       pairwise two-proportion z tests with a multiple-comparison correction, each with its minimum
 *       detectable difference and, when a margin is declared, a TOST equivalence test.</li>
 * </ul>
 * Plain math: no I/O.
 *
 * <p>Imports only the JDK (no file or stream I/O), Commons Statistics and {@code stats}.
 */
package org.touchstone.reports.differentials;
