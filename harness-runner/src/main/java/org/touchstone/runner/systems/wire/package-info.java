/**
 * The wire format shared by the out-of-process clients and the servers: the JSON of every message
 * ({@code WireJson}), the worker protocol's frames ({@code docs/worker-protocol.md}) and the HTTP API's
 * paths ({@code docs/http-api.yaml}).
 *
 * <p>May import only the SPI, the JDK and Jackson; imported by the adapters, the servers and whatever
 * writes a descriptor as JSON.
 */
package org.touchstone.runner.systems.wire;
