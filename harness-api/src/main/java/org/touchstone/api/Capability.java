package org.touchstone.api;

/**
 * What a system can do. Facial recognition (verification, identification) and facial analysis are
 * distinct capabilities with distinct metrics; a protocol names the one it tests.
 */
public enum Capability {
    /** 1:1: create templates and compare two of them to a similarity score. See {@link Verifier}. */
    VERIFICATION,
    /** 1:N: enrol a gallery and search it for ranked candidates. See {@link Identifier}. */
    IDENTIFICATION,
    /** Facial analysis: estimate attributes of each face in an image. See {@link AttributeAnalyzer}. */
    ANALYSIS
}
