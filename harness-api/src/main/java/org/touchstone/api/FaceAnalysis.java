package org.touchstone.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a system found out about one face in an image.
 *
 * @param box                 where the face is, if the system reports it
 * @param detectionConfidence the system's confidence, in [0, 1], that this is a face
 * @param estimates           the attribute estimates, at most one per attribute
 */
public record FaceAnalysis(Optional<BoundingBox> box, double detectionConfidence,
                           Map<Attribute, AttributeEstimate> estimates) {
    /**
     * @param box                 face location, or empty
     * @param detectionConfidence in [0, 1]
     * @param estimates           copied; keys must match each estimate's attribute
     */
    public FaceAnalysis {
        Objects.requireNonNull(box, "box");
        if (!(detectionConfidence >= 0.0 && detectionConfidence <= 1.0)) {
            throw new IllegalArgumentException("detectionConfidence must be in [0, 1], was " + detectionConfidence);
        }
        for (Map.Entry<Attribute, AttributeEstimate> e : estimates.entrySet()) {
            if (!e.getKey().equals(e.getValue().attribute())) {
                throw new IllegalArgumentException("estimate " + e.getValue() + " filed under " + e.getKey());
            }
        }
        estimates = Collections.unmodifiableMap(new LinkedHashMap<>(estimates));
    }

    /**
     * Convenience constructor from a list of estimates.
     *
     * @param box                 face location, or null if not reported
     * @param detectionConfidence in [0, 1]
     * @param estimates           at most one per attribute
     * @return the analysis
     */
    public static FaceAnalysis of(BoundingBox box, double detectionConfidence, List<AttributeEstimate> estimates) {
        Map<Attribute, AttributeEstimate> map = new LinkedHashMap<>();
        for (AttributeEstimate e : estimates) {
            if (map.put(e.attribute(), e) != null) {
                throw new IllegalArgumentException("two estimates of " + e.attribute());
            }
        }
        return new FaceAnalysis(Optional.ofNullable(box), detectionConfidence, map);
    }

    /**
     * @param attribute the attribute
     * @return its estimate, or empty if the system did not estimate it for this face
     */
    public Optional<AttributeEstimate> estimate(Attribute attribute) {
        return Optional.ofNullable(estimates.get(attribute));
    }
}
