/**
 * {@code jar:PATH[!ID]} systems: a vendor's jar, or folder of jars, loaded in a class loader that sees
 * the SPI and nothing else of the harness.
 *
 * <p>May import {@code systems} and the SPI; used by the resolver.
 */
package org.touchstone.runner.systems.jar;
