/**
 * The part of every run's report that measures speed and size, whatever the capability: tables and
 * metrics.json's {@code timing} block from {@code timing.csv} and run.json's {@code resources}.
 *
 * <p>May import {@code rendering} and {@code input}.
 */
package org.touchstone.reports.timing;
