/**
 * The client side shared by out-of-process systems: {@code SystemEndpoint}, the SPI as requests to
 * another process, and {@code EndpointFaceSystem}, a {@code FaceSystem} over an endpoint.
 *
 * <p>May import {@code systems} and the SPI; used by the {@code process} and {@code http} clients.
 */
package org.touchstone.runner.systems.remote;
