/**
 * Plain statistics for rates, reusable by every capability: {@link org.touchstone.reports.stats.Proportion}
 * (events of trials) with Clopper-Pearson and Wilson intervals and the zero-error upper bound; the rule of
 * 3 for support; tests of difference (two-proportion z, k x 2 chi-square, McNemar) with Holm or
 * Benjamini-Hochberg corrections; the minimum detectable difference; the TOST equivalence test; and the
 * clustered bootstrap. Distributions and the standard tests come from Apache Commons Statistics. No I/O, no
 * biometric file formats.
 *
 * <p>Imports only the JDK (no file or stream I/O) and Commons Statistics.
 */
package org.touchstone.reports.stats;
