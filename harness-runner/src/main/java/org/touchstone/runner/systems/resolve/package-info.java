/**
 * Turns a {@code --system} argument (an id, {@code jar:}, {@code process:}, {@code submission:} or an
 * {@code http(s)://} URL)
 * into a provider, through the adapter that serves that kind of system.
 *
 * <p>May import {@code systems}, the adapters ({@code inprocess}, {@code jar}, {@code process},
 * {@code http}, {@code submission}) and the SPI; used by the servers, the engine and the command line.
 */
package org.touchstone.runner.systems.resolve;
