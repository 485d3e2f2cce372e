/**
 * A run prepared once, before it starts, and handed to the engine: {@code PreparedRun} holds the request
 * (protocol, dataset, system, run directory, threads, where its work units run), the backend found, the
 * hashes of the system's code and configuration, and what the run directory holds. Every pre-flight check
 * happens here, once. Also the datasets named on the command line ({@code DatasetResolver}: synthetic
 * specs are generated and cached, procedural ones written as a manifest).
 *
 * <p>One of the engine's services: may import the other services ({@code backend}, {@code checkpoint},
 * {@code timing}, {@code rundir}, {@code progress}), {@code systems..}, {@code protocols} and the SPI;
 * never the stages, the capability runners or the engine's entry.
 */
package org.touchstone.runner.engine.prepare;
