/**
 * Systems running in the harness's JVM under deadlines: every call on a thread of its own, abandoned and
 * recorded as a timeout when it overruns.
 *
 * <p>May import {@code systems} and the SPI; used by the resolver.
 */
package org.touchstone.runner.systems.inprocess;
