/**
 * Face analysis (attribute) metrics, as the biometrics literature defines them ("Attribute
 * classification"): coverage and accuracy at confidence thresholds, confusion matrices, the
 * accuracy/coverage curve, calibration (reliability diagram, ECE, MCE, Brier) and, for numeric attributes
 * such as age, the mean absolute error and the error rates at threshold ages. Plain math over per-image
 * outcomes: no I/O, no file formats.
 *
 * <p>An estimate is <em>decided</em> at confidence threshold c when its confidence is {@code >= c}.
 * Images whose analysis failed follow the run's {@link org.touchstone.reports.attributes.AnalysisFailurePolicy}.
 *
 * <p>Imports only the JDK (no file or stream I/O), Commons Statistics, {@code stats} and
 * {@code verification} (its sorted scores and operating-point types).
 */
package org.touchstone.reports.attributes;
