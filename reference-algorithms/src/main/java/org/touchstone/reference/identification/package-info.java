/**
 * Exact 1:N search for systems whose templates are fixed-length embeddings: cosine similarity against
 * every enrolled template, nothing approximated. Usable on top of any template-producing system through
 * an {@link org.touchstone.reference.identification.EmbeddingCodec}.
 */
package org.touchstone.reference.identification;
