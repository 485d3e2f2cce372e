/**
 * Resuming: what a run directory holds before a run starts in it ({@code RunDirectoryState}), what must
 * be the same to resume it ({@code RunIdentity}), and the logs and resumable outputs through which stages
 * keep what an interrupted run had done.
 *
 * <p>One of the engine's services: may import {@code rundir}, {@code systems..}, {@code protocols} and
 * the SPI; never the stages, the capability runners or the engine's entry.
 */
package org.touchstone.runner.engine.checkpoint;
