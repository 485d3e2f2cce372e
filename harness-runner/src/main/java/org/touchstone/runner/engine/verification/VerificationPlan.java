package org.touchstone.runner.engine.verification;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.protocols.ProtocolProblem;
import org.touchstone.protocols.VerificationSettings;
import org.touchstone.protocols.PairList;
import org.touchstone.protocols.TemplatePair;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.runner.engine.stage.TemplateSpec;

/**
 * The templates a verification protocol needs on a dataset, and the pairs it compares.
 *
 * @param templates     the templates, in plan order
 * @param pairs         the comparisons
 * @param unusedSamples samples left over when a subject's images do not divide into whole templates
 * @param folds         with a k-fold protocol, per pair in pair-list order {enrolment template index, probe
 *                      template index, fold}; else empty
 */
public record VerificationPlan(List<TemplateSpec> templates, ComparisonPlan pairs, int unusedSamples,
                               List<int[]> folds) {

    /**
     * @param settings the protocol's verification settings
     * @param manifest the dataset
     * @return the plan
     * @throws ProtocolException if a pair list does not fit the dataset
     */
    public static VerificationPlan build(VerificationSettings settings, DatasetManifest manifest)
            throws ProtocolException {
        return switch (settings.design()) {
            case ALL_VS_ALL -> allAgainstAll(manifest, settings.imagesPerTemplate());
            case PAIR_LIST -> listed(manifest, PairList.load(pairListOf(settings, manifest), manifest, settings.folds()));
            case TEMPLATE_PAIRS -> templatePairs(settings, manifest);
        };
    }

    /** The template-level lists of an imported benchmark (IJB's 1:1), streamed off the heap. */
    private static VerificationPlan templatePairs(VerificationSettings settings, DatasetManifest manifest)
            throws ProtocolException {
        try {
            return TemplatePairsPlan.build(manifest.protocolList(settings.templateList().orElseThrow()),
                    manifest.protocolList(settings.datasetList().orElseThrow()), manifest);
        } catch (IOException e) {
            throw new ProtocolException(new ProtocolProblem(manifest.file().toString(), 0, 0, null, e.getMessage()));
        }
    }

    /** @return the protocol's pair-list file, or the dataset's list it names */
    private static Path pairListOf(VerificationSettings settings, DatasetManifest manifest) throws ProtocolException {
        if (settings.pairList().isPresent()) {
            return settings.pairList().get();
        }
        String name = settings.datasetList().orElseThrow();
        try {
            return manifest.protocolList(name);
        } catch (IOException e) {
            throw new ProtocolException(new ProtocolProblem(manifest.file().toString(), 0, 0, null, e.getMessage()));
        }
    }

    /**
     * Cuts each subject's samples, in manifest order, into consecutive templates of
     * {@code imagesPerTemplate} images; leftovers are unused.
     */
    static VerificationPlan allAgainstAll(DatasetManifest manifest, int imagesPerTemplate) {
        List<TemplateSpec> specs = new ArrayList<>();
        int unused = 0;
        for (Map.Entry<String, List<Sample>> subject : manifest.samplesBySubject().entrySet()) {
            List<Sample> samples = subject.getValue();
            int whole = samples.size() / imagesPerTemplate;
            for (int t = 0; t < whole; t++) {
                int index = specs.size();
                specs.add(new TemplateSpec(index, TemplateSpec.idOf(index), subject.getKey(),
                        samples.subList(t * imagesPerTemplate, (t + 1) * imagesPerTemplate), true, true));
            }
            unused += samples.size() - whole * imagesPerTemplate;
        }
        return new VerificationPlan(List.copyOf(specs), new AllAgainstAllPlan(specs.size()), unused, List.of());
    }

    private static VerificationPlan listed(DatasetManifest manifest, List<TemplatePair> pairs) {
        Map<List<String>, int[]> roleUse = new LinkedHashMap<>(); // sample ids -> {index, enrol?, probe?}
        List<List<String>> order = new ArrayList<>();
        for (TemplatePair pair : pairs) {
            use(roleUse, order, pair.enrolmentSamples())[1] = 1;
            use(roleUse, order, pair.probeSamples())[2] = 1;
        }
        List<TemplateSpec> specs = new ArrayList<>(order.size());
        for (List<String> ids : order) {
            int[] use = roleUse.get(ids);
            List<Sample> samples = ids.stream().map(id -> manifest.sample(id).orElseThrow()).toList();
            specs.add(new TemplateSpec(use[0], TemplateSpec.idOf(use[0]), samples.get(0).subjectId(), samples,
                    use[1] == 1, use[2] == 1));
        }
        Map<Integer, List<Integer>> rows = new LinkedHashMap<>();
        for (TemplatePair pair : pairs) {
            rows.computeIfAbsent(roleUse.get(pair.probeSamples())[0], k -> new ArrayList<>())
                    .add(roleUse.get(pair.enrolmentSamples())[0]);
        }
        int[] probes = rows.keySet().stream().mapToInt(Integer::intValue).toArray();
        int[][] enrolments = rows.values().stream()
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        List<int[]> folds = new ArrayList<>();
        for (TemplatePair pair : pairs) {
            if (pair.fold() > 0) {
                folds.add(new int[] {roleUse.get(pair.enrolmentSamples())[0], roleUse.get(pair.probeSamples())[0],
                        pair.fold()});
            }
        }
        return new VerificationPlan(List.copyOf(specs), new ListedPairsPlan(probes, enrolments), 0, List.copyOf(folds));
    }

    private static int[] use(Map<List<String>, int[]> roleUse, List<List<String>> order, List<String> ids) {
        return roleUse.computeIfAbsent(List.copyOf(ids), k -> {
            order.add(k);
            return new int[] {order.size() - 1, 0, 0};
        });
    }
}
