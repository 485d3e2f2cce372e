package org.touchstone.protocols;

import java.util.Optional;

/** How a failed template creation or comparison enters the error rates. */
public enum FailurePolicy {
    /**
     * As in NIST FRVT: a pair not compared because a template failed, or whose comparison failed, counts
     * as a non-match: a false non-match when mated, a correct non-match when not.
     */
    NON_MATCH;

    /** @return the name used in protocol files and run directories, {@code non-match} */
    public String externalName() {
        return ExternalNames.of(this);
    }

    /**
     * @param name a name as written in a protocol file
     * @return the policy, or empty if {@code name} is not one
     */
    public static Optional<FailurePolicy> fromExternalName(String name) {
        return ExternalNames.parse(FailurePolicy.class, name);
    }
}
