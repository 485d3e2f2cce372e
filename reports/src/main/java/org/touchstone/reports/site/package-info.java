/**
 * {@code touchstone publish}: a static site of many runs (an index, a leaderboard per protocol and dataset
 * with overlaid curves and paired tests, each run's report card and provenance), written only from the runs'
 * files, so the same runs always give the same bytes.
 *
 * <p>May import {@code comparison}, {@code card} and {@code summary}.
 */
package org.touchstone.reports.site;
