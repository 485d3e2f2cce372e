/**
 * What a run is made of before it starts: the request (protocol, dataset, system, run directory,
 * threads), where its work units run, and the datasets named on the command line (synthetic specs are
 * generated and cached, procedural ones written as a manifest).
 *
 * <p>One of the engine's services: may import the other services ({@code backend}, {@code checkpoint},
 * {@code timing}, {@code rundir}, {@code progress}), {@code systems..}, {@code protocols} and the SPI;
 * never the stages, the capability runners or the engine's entry.
 */
package org.touchstone.runner.engine.prepare;
