/**
 * Writing the run directory: {@code run.json}, CSV printing and atomic file writes (the specification is
 * {@code docs/run-directory.md}).
 *
 * <p>One of the engine's services: may import {@code systems} (the system's artifact) and the SPI; never
 * the stages, the capability runners or the engine's entry.
 */
package org.touchstone.runner.engine.rundir;
