package org.touchstone.reference.identification;

import org.touchstone.api.Template;

/** Reads the embedding a system stores in its templates. */
public interface EmbeddingCodec {
    /** @return the embedding's length; every template of the system decodes to this many values */
    int dimension();

    /**
     * Decodes a template into {@code out}.
     *
     * @param template a template of the system
     * @param out      an array of {@link #dimension()} values, overwritten
     * @throws InvalidEmbeddingException if the template is not one of the system's
     */
    void decode(Template template, float[] out) throws InvalidEmbeddingException;

    /** A template that is not an embedding of this system. Expected on bad input, so it has no stack trace. */
    final class InvalidEmbeddingException extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param message what is wrong with the template */
        public InvalidEmbeddingException(String message) {
            super(message, null, false, false);
        }
    }
}
