package org.touchstone.runformat.runjson;

/**
 * run.json's {@code harness}: the Touchstone that ran.
 *
 * @param version    Touchstone's version
 * @param apiVersion the SPI version it implements
 */
public record HarnessBlock(String version, String apiVersion) {
}
