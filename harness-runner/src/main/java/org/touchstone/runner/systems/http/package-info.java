/**
 * {@code http://} and {@code https://} systems: a service speaking the HTTP API
 * ({@code docs/http-api.yaml}), with bearer tokens, TLS, retries and deadlines. The client side only;
 * {@code touchstone serve}'s server is in {@code systems.serve}.
 *
 * <p>May import {@code systems}, {@code systems.remote}, {@code systems.wire} and the SPI; used by the
 * resolver.
 */
package org.touchstone.runner.systems.http;
