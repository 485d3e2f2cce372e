/**
 * {@code touchstone bench}: JMH benchmarks of a system's operations, run in forked JVMs
 * ({@code SystemBenchmarks} is the benchmark class JMH generates its harness from), and the files they
 * leave ({@code bench.json}, {@code bench.csv}).
 *
 * <p>May import {@code engine..}, {@code systems..}, {@code protocols} and the SPI; used by {@code cli}.
 */
package org.touchstone.runner.cli.bench;
