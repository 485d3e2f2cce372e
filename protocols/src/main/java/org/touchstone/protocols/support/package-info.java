/**
 * Small helpers shared by the dataset and protocol packages: strict UTF-8 decoding, CSV reading with
 * physical line numbers, and the rendering of problem lists in exception messages (SHA-256 is
 * {@code run-format}'s). They are public only so that both packages can use them; they are not part of the
 * stable API.
 */
package org.touchstone.protocols.support;
