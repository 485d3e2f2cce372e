/**
 * Progress of a run's stages: bars on a terminal, lines in logs, or nothing.
 *
 * <p>One of the engine's services: imports nothing of the runner.
 */
package org.touchstone.runner.engine.progress;
