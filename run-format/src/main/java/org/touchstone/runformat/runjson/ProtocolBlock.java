package org.touchstone.runformat.runjson;

/**
 * run.json's {@code protocol}: which protocol ran (its text is {@code protocol.yaml} beside run.json).
 *
 * @param id          the protocol's id
 * @param version     its semantic version
 * @param sha256      the SHA-256 of its text
 * @param source      where it was read from: a resource name or a file path
 * @param title       one line, for people
 * @param description what it measures and how, for people
 */
public record ProtocolBlock(String id, String version, String sha256, String source, String title,
                            String description) {
}
