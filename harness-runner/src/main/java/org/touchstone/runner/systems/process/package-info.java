/**
 * {@code process:CONFIG} systems: a pool of worker processes in any language, spoken to over the worker
 * protocol ({@code docs/worker-protocol.md}), each call under a deadline, a crashed or hung worker killed
 * and restarted. The client side only; the Java worker is in {@code systems.serve}.
 *
 * <p>May import {@code systems}, {@code systems.remote}, {@code systems.wire} and the SPI; used by the
 * resolver.
 */
package org.touchstone.runner.systems.process;
