package org.touchstone.protocols;

import java.util.List;

/**
 * One comparison of a verification protocol: a template made of the enrolment samples, compared with a
 * template made of the probe samples. Each side shows one subject.
 *
 * @param enrolmentSamples the manifest sample ids of the enrolment template, in order; not empty
 * @param probeSamples     the manifest sample ids of the probe template, in order; not empty
 * @param mated            whether both sides show the same subject (a genuine comparison)
 * @param fold             the pair's fold (1 and up) in a k-fold protocol, else 0
 */
public record TemplatePair(List<String> enrolmentSamples, List<String> probeSamples, boolean mated, int fold) {
    /** Copies the lists and checks that neither is empty. */
    public TemplatePair {
        enrolmentSamples = List.copyOf(enrolmentSamples);
        probeSamples = List.copyOf(probeSamples);
        if (enrolmentSamples.isEmpty() || probeSamples.isEmpty()) {
            throw new IllegalArgumentException("both sides of a template pair need at least one sample");
        }
        if (fold < 0) {
            throw new IllegalArgumentException("fold must be >= 0, was " + fold);
        }
    }

    /** A pair outside any fold. */
    public TemplatePair(List<String> enrolmentSamples, List<String> probeSamples, boolean mated) {
        this(enrolmentSamples, probeSamples, mated, 0);
    }
}
