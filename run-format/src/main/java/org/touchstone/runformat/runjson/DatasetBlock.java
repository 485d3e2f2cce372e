package org.touchstone.runformat.runjson;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * run.json's {@code dataset}: the dataset used and how the protocol divided it. The fields after
 * {@code subjects} are those of the capability's plan and absent for the others.
 *
 * @param manifest          the manifest's absolute path
 * @param sha256            the manifest's SHA-256
 * @param spec              how the dataset was named on the command line (a path or a synthetic spec)
 * @param samples           images in the manifest
 * @param subjects          subjects in the manifest
 * @param templates         templates planned (verification, identification)
 * @param unusedSamples     samples left over when a subject's images do not divide into whole templates
 *                          (verification)
 * @param matedSubjects     subjects enrolled and searched for (identification)
 * @param nonMatedSubjects  subjects searched for but never enrolled (identification)
 * @param distractorSubjects subjects enrolled but never searched for (identification)
 * @param unusedSubjects    subjects that fit no role (identification)
 * @param probes            probe templates (identification)
 * @param galleries         the galleries' ids, in sweep order (identification)
 */
public record DatasetBlock(String manifest, String sha256, String spec, Integer samples, Integer subjects,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Integer templates,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Integer unusedSamples,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Integer matedSubjects,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Integer nonMatedSubjects,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Integer distractorSubjects,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Integer unusedSubjects,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Integer probes,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<String> galleries) {
    /**
     * The block before a capability adds its plan.
     *
     * @param manifest the manifest's absolute path
     * @param sha256   its SHA-256
     * @param spec     how the dataset was named
     * @param samples  images
     * @param subjects subjects
     * @return the block
     */
    public static DatasetBlock of(String manifest, String sha256, String spec, int samples, int subjects) {
        return new DatasetBlock(manifest, sha256, spec, samples, subjects, null, null, null, null, null, null, null,
                null);
    }

    /**
     * With a verification plan.
     *
     * @param templatesPlanned templates planned
     * @param unused           samples left over
     * @return a copy with those fields
     */
    public DatasetBlock withVerificationPlan(int templatesPlanned, int unused) {
        return new DatasetBlock(manifest, sha256, spec, samples, subjects, templatesPlanned, unused, null, null, null,
                null, null, null);
    }

    /**
     * With an identification plan.
     *
     * @param templatesPlanned templates planned
     * @param mated            mated subjects
     * @param nonMated         non-mated subjects
     * @param distractors      distractor subjects
     * @param unused           unused subjects
     * @param probeTemplates   probe templates
     * @param galleryIds       the galleries, in sweep order
     * @return a copy with those fields
     */
    public DatasetBlock withIdentificationPlan(int templatesPlanned, int mated, int nonMated, int distractors,
                                               int unused, int probeTemplates, List<String> galleryIds) {
        return new DatasetBlock(manifest, sha256, spec, samples, subjects, templatesPlanned, null, mated, nonMated,
                distractors, unused, probeTemplates, List.copyOf(galleryIds));
    }
}
