/**
 * Plain statistics used by the reports: proportions with their counts and confidence intervals. No I/O,
 * no biometric file formats.
 */
package org.touchstone.reports.stats;
