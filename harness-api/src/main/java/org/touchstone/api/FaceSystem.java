package org.touchstone.api;

import java.util.Map;
import java.util.Optional;

/**
 * An opened system under test. It offers each capability it implements through the matching accessor
 * and leaves the others at their empty defaults, so a system that only analyses faces implements
 * {@link #analyzer()} and nothing else.
 *
 * <p>The capabilities returned here must be exactly those declared in the provider's
 * {@link SystemDescriptor#capabilities()}; the harness checks.
 */
public interface FaceSystem extends AutoCloseable {
    /** @return the 1:1 verifier, if {@link Capability#VERIFICATION} is offered */
    default Optional<Verifier> verifier() {
        return Optional.empty();
    }

    /** @return the 1:N identifier, if {@link Capability#IDENTIFICATION} is offered */
    default Optional<Identifier> identifier() {
        return Optional.empty();
    }

    /** @return the attribute analyzer, if {@link Capability#ANALYSIS} is offered */
    default Optional<AttributeAnalyzer> analyzer() {
        return Optional.empty();
    }

    /**
     * Facts known only once the system is open, recorded in the run's provenance next to the
     * provider's {@link SystemDescriptor}: the configuration actually in effect, the hashes of the
     * models loaded, the hardware chosen. The default reports nothing.
     *
     * @return property names and values, in a stable order
     */
    default Map<String, String> runtimeProperties() {
        return Map.of();
    }

    /** Releases models, sessions, threads and files. Must not throw. The default does nothing. */
    @Override
    default void close() {
    }
}
