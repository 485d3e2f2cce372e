/**
 * Writing the run directory's CSV files in its one dialect (the schema itself, run.json and atomic writes are
 * the {@code run-format} module's; the specification is {@code docs/run-directory.md}).
 *
 * <p>One of the engine's services: imports Commons CSV only; never the stages, the capability runners or the
 * engine's entry.
 */
package org.touchstone.runner.engine.rundir;
