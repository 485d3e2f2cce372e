/**
 * The seam between a run's work plans and where they are computed: {@code ExecutionBackend} (found by
 * {@code ServiceLoader}; {@code harness-spark} adds Apache Spark), the embedded thread pool, the plans,
 * jobs and mergeable results that travel between JVMs, and how other JVMs open the run's system.
 *
 * <p>One of the engine's services: may import {@code timing}, {@code systems..} and the SPI; never the
 * stages, the capability runners or the engine's entry.
 */
package org.touchstone.runner.engine.backend;
