package org.touchstone.protocols;

import java.util.Optional;

/** How an image whose analysis failed, or in which no face was found, enters attribute metrics. */
public enum AnalysisFailurePolicy {
    /** It has no estimate: it lowers coverage, never accuracy. The failure-to-acquire rate is reported. */
    UNDECIDED,
    /** It counts as a wrong answer at every confidence threshold. */
    ERROR;

    /** @return the name used in protocol files and run directories, such as {@code undecided} */
    public String externalName() {
        return ExternalNames.of(this);
    }

    /**
     * @param name a name as written in a protocol file
     * @return the policy, or empty if {@code name} is not one
     */
    public static Optional<AnalysisFailurePolicy> fromExternalName(String name) {
        return ExternalNames.parse(AnalysisFailurePolicy.class, name);
    }
}
