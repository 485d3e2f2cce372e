/**
 * How long a run took: every SPI call's latency and every template's size (recorded by the guards
 * through {@code systems.guard.CallRecorder}), each stage's wall time, the process's resources, and
 * {@code timing.csv}.
 *
 * <p>One of the engine's services: may import {@code rundir}, {@code systems..} and the SPI; never the
 * stages, the capability runners or the engine's entry.
 */
package org.touchstone.runner.engine.timing;
