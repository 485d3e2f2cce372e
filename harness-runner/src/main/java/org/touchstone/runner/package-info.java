/**
 * Launching: {@code Touchstone}, the {@code touchstone} command's main class, and {@code RunnerModule},
 * the Guice wiring of the commands. The top of the runner: it may import every package below, and none
 * imports it.
 *
 * <p>The runner's packages import one way only (checked by {@code ArchitectureTest}):
 * {@code cli} (commands, {@code validate}, {@code bench}) uses {@code engine} (a prepared run: plan,
 * stages, backends, checkpoints, timing, the run directory), which uses {@code systems} (resolving,
 * guarding, opening and serving systems; the wire format), which uses only the SPI ({@code harness-api}).
 */
package org.touchstone.runner;
