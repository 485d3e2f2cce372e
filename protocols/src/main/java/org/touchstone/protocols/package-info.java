/**
 * Versioned test protocols: the YAML format (see {@code docs/protocol-format.md}), its immutable Java
 * model ({@link org.touchstone.protocols.ProtocolDefinition}), the loader that validates it
 * ({@link org.touchstone.protocols.ProtocolLoader}), the repository of built-in released protocols
 * ({@link org.touchstone.protocols.ProtocolRepository}) and explicit pair lists
 * ({@link org.touchstone.protocols.PairList}).
 */
package org.touchstone.protocols;
