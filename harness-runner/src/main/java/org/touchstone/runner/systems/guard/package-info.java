/**
 * The guards every call to a system under test goes through, in runs and in {@code validate} alike:
 * timed, exceptions and contract breaches (nulls, harness-only failure codes, scores outside the declared
 * range, batches of the wrong length) turned into recorded failures; and {@code CallRecorder}, where the
 * guards report each call's latency.
 *
 * <p>May import {@code systems} and the SPI; imported by the engine and the command line, never by the
 * adapters or servers.
 */
package org.touchstone.runner.systems.guard;
