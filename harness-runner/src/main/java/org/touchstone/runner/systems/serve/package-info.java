/**
 * The servers: any opened system served across a boundary ({@code ServedSystem}), over the worker
 * protocol on stdin and stdout ({@code WorkerProtocolServer}, {@code JavaWorkerMain}: a Java system
 * isolated in its own process) or over the HTTP API ({@code HttpApiServer}, {@code touchstone serve}).
 *
 * <p>May import {@code systems}, {@code systems.resolve}, {@code systems.wire} and the SPI; used by the
 * command line only.
 */
package org.touchstone.runner.systems.serve;
