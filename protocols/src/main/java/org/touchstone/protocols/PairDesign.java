package org.touchstone.protocols;

import java.util.Optional;

/** Which template pairs a verification protocol compares. */
public enum PairDesign {
    /** Every template against every other one (see {@code docs/protocol-format.md} for the exact order). */
    ALL_VS_ALL,
    /** Exactly the pairs of a pair-list CSV file (see {@link PairList}). */
    PAIR_LIST,
    /**
     * Exactly the pairs of a dataset's template pair list, whose templates (many images each, such as IJB's) a
     * templates list defines (see {@link TemplateLists}); streamed, for lists of millions of pairs.
     */
    TEMPLATE_PAIRS;

    /** @return the name used in protocol files, {@code all-vs-all}, {@code pair-list} or {@code template-pairs} */
    public String externalName() {
        return ExternalNames.of(this);
    }

    /**
     * @param name a name as written in a protocol file
     * @return the design, or empty if {@code name} is not one
     */
    public static Optional<PairDesign> fromExternalName(String name) {
        return ExternalNames.parse(PairDesign.class, name);
    }
}
