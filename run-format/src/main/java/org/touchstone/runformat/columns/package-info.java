/**
 * The columns of every raw CSV file of the run directory, one enum per file in header order, with the
 * vocabularies of their coded cells (statuses, roles, record kinds). {@code docs/run-directory.md}
 * specifies them; a test checks that the two agree.
 *
 * <p>Imports the JDK and {@code harness-api} only.
 */
package org.touchstone.runformat.columns;
