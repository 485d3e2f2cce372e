package org.touchstone.reference.lbp;

import java.util.Map;
import java.util.Optional;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.Identifier;
import org.touchstone.api.Verifier;

/** An opened LBP system, plain or compact: a verifier, the identifier on top of it, and what it reports. */
final class LbpFaceSystem implements FaceSystem {
    private final Verifier verifier;
    private final Identifier identifier;
    private final Map<String, String> runtimeProperties;

    /**
     * @param verifier          1:1
     * @param identifier        1:N
     * @param runtimeProperties reported by {@link #runtimeProperties()}; unmodifiable
     */
    LbpFaceSystem(Verifier verifier, Identifier identifier, Map<String, String> runtimeProperties) {
        this.verifier = verifier;
        this.identifier = identifier;
        this.runtimeProperties = runtimeProperties;
    }

    @Override
    public Optional<Verifier> verifier() {
        return Optional.of(verifier);
    }

    @Override
    public Optional<Identifier> identifier() {
        return Optional.of(identifier);
    }

    @Override
    public Map<String, String> runtimeProperties() {
        return runtimeProperties;
    }
}
