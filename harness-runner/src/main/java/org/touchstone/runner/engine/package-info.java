/**
 * The engine's entry: {@code ProtocolRunner} takes a run, has the capability's runner plan and execute
 * it, has {@code reports} compute every number from the raw files, and completes {@code run.json}.
 *
 * <p>The top of the engine: it may import every {@code engine} package, {@code systems..},
 * {@code protocols}, {@code reports} and the SPI, and is imported only by {@code cli} and launching.
 */
package org.touchstone.runner.engine;
