/**
 * Small helpers shared by the dataset and protocol packages: strict UTF-8 decoding, SHA-256 digests,
 * CSV reading with physical line numbers, and the rendering of problem lists in exception messages.
 * They are public only so that both packages can use them; they are not part of the stable API.
 */
package org.touchstone.protocols.support;
