package org.touchstone.runner.cli.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.touchstone.api.ApiVersion;
import org.touchstone.api.Attribute;
import org.touchstone.api.Candidate;
import org.touchstone.api.Capability;
import org.touchstone.api.Concurrency;
import org.touchstone.api.FaceAnalysis;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Gallery;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Result;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateCreator;
import org.touchstone.api.TemplateRole;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ImageSource;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.runner.systems.CapabilityMismatchException;
import org.touchstone.runner.systems.guard.ComparisonBatch;
import org.touchstone.runner.systems.guard.GuardedVerifier;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.SystemArtifact;
import org.touchstone.runner.systems.guard.TemplateOutcome;
import org.touchstone.runner.cli.validate.BadImages.BadImage;
import org.touchstone.runner.cli.validate.BadImages.Expectation;
import org.touchstone.runner.cli.validate.CheckResult.Verdict;

/**
 * The vendor's conformance check before submission ({@code touchstone validate}), stricter than NIST
 * FRVT's validation package: the descriptor is complete; templates, scores, candidate lists and
 * analyses are the same for the same input, and the same from many threads as from one; empty, corrupt,
 * truncated, huge and faceless images give answers (failure codes), never faults; scores are finite and
 * inside the declared range; candidate lists are sorted, unique, full and no longer than asked;
 * multi-image templates work; and each operation's median time is within the limits. Every call goes
 * through the same guards and deadlines as a run, so the verdict holds for runs.
 *
 * <p>Checks are required (a failure fails the validation) or advisory (a failure is a warning).
 */
public final class Validator {
    private static final int BATCH = 64;
    private static final int CANDIDATES = 5;

    private final ValidationLimits limits;
    private final int threads;
    private final List<CheckResult> checks = new ArrayList<>();

    /**
     * @param limits  the time limits
     * @param threads threads for the concurrency checks (at least 2)
     */
    public Validator(ValidationLimits limits, int threads) {
        this.limits = limits;
        this.threads = Math.max(2, threads);
    }

    /**
     * Validates a system on a small dataset of face images.
     *
     * @param name     how the system was named on the command line
     * @param provider the system
     * @param config   its configuration folder, if any
     * @param faces    the validation faces: several subjects with at least three images each
     * @return the report
     * @throws IOException if the images cannot be read
     */
    public ValidationReport validate(String name, FaceSystemProvider provider, Optional<Path> config,
                                     DatasetManifest faces) throws IOException {
        checks.clear();
        SystemDescriptor d = provider.descriptor();
        descriptor(d);
        OpenedSystem opened;
        try {
            Capability any = d.capabilities().iterator().next();
            opened = OpenedSystem.open(provider, config, any, "validate", threads);
            add("system.opens", "the system opens and implements exactly what it declares", true, Verdict.PASS,
                    opened.instanceCount() + " instance(s) open", Map.of());
        } catch (FaceSystemException | CapabilityMismatchException | RuntimeException e) {
            add("system.opens", "the system opens and implements exactly what it declares", true, Verdict.FAIL,
                    e.getMessage(), Map.of());
            return new ValidationReport(name, d, SystemArtifact.of(provider), limits, checks);
        }
        try (opened) {
            List<FaceImage> images = images(faces);
            Map<String, BadImage> bad = BadImages.all(bytes(images.get(0)));
            if (d.offers(Capability.VERIFICATION)) {
                verification(opened, faces, images, bad);
            } else {
                skip("verification", "verification is not offered");
            }
            if (d.offers(Capability.IDENTIFICATION)) {
                identification(opened, faces, images);
            } else {
                skip("identification", "identification is not offered");
            }
            if (d.offers(Capability.ANALYSIS)) {
                analysis(opened, images, bad);
            } else {
                skip("analysis", "analysis is not offered");
            }
        }
        return new ValidationReport(name, d, SystemArtifact.of(provider), limits, checks);
    }

    // ---- descriptor ------------------------------------------------------------------------------

    private void descriptor(SystemDescriptor d) {
        List<String> problems = new ArrayList<>();
        String major = d.apiVersion().split("\\.", 2)[0];
        if (!major.equals(Integer.toString(ApiVersion.MAJOR))) {
            problems.add("built against SPI " + d.apiVersion() + ", this harness runs SPI " + ApiVersion.VERSION);
        }
        boolean recognition = d.offers(Capability.VERIFICATION) || d.offers(Capability.IDENTIFICATION);
        String facts = d.id() + ", " + d.vendor() + " " + d.name() + " " + d.version() + "; "
                + d.capabilities().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList()
                + (recognition ? "; scores in [" + d.scoreRange().orElseThrow().min() + ", "
                + d.scoreRange().orElseThrow().max() + "]" : "") + "; " + d.thresholds().size() + " threshold(s)";
        add("descriptor.complete", "the descriptor names the system, its capabilities, score range and SPI version",
                true, problems.isEmpty() ? Verdict.PASS : Verdict.FAIL,
                problems.isEmpty() ? facts : String.join("; ", problems), Map.of());
        List<String> advice = new ArrayList<>();
        if (d.description().isBlank()) {
            advice.add("no description");
        }
        if (recognition && d.thresholds().isEmpty()) {
            advice.add("no recommended threshold: reports can only show the system at thresholds chosen from data");
        }
        if (recognition && (Double.isInfinite(d.scoreRange().orElseThrow().min())
                || Double.isInfinite(d.scoreRange().orElseThrow().max()))) {
            advice.add("an unbounded score range: out-of-range scores cannot be detected");
        }
        add("descriptor.informative", "the descriptor says what the system is and recommends thresholds", false,
                advice.isEmpty() ? Verdict.PASS : Verdict.WARN, advice.isEmpty() ? "description and thresholds given"
                        : String.join("; ", advice), Map.of());
    }

    // ---- verification ------------------------------------------------------------------------------

    private void verification(OpenedSystem opened, DatasetManifest faces, List<FaceImage> images,
                              Map<String, BadImage> bad) {
        GuardedVerifier v = new GuardedVerifier(opened);
        ScoreRange range = opened.descriptor().scoreRange().orElseThrow();
        TemplateRole role = TemplateRole.VERIFICATION_ENROLMENT;
        TemplateOutcome[] first = new TemplateOutcome[images.size()];
        for (int i = 0; i < images.size(); i++) {
            first[i] = v.createTemplate(List.of(images.get(i)), role);
        }
        templateFaults("verification.templates", Arrays.asList(first), images, TemplateOutcome::failure);
        TemplateOutcome[] second = new TemplateOutcome[images.size()];
        for (int i = 0; i < images.size(); i++) {
            second[i] = v.createTemplate(List.of(images.get(i)), role);
        }
        sameAnswers("verification.templates.deterministic", "the same images give the same template bytes",
                images, i -> answer(first[i]), i -> answer(second[i]), "a second call");

        List<Integer> good = new ArrayList<>();
        for (int i = 0; i < first.length; i++) {
            if (first[i].ok()) {
                good.add(i);
            }
        }
        List<ComparisonBatch> serial = compareAll(v, first, good);
        scoreChecks(serial, good, images, faces, range);
        List<ComparisonBatch> again = compareAll(v, first, good);
        int differing = 0;
        String example = "";
        for (int p = 0; p < serial.size(); p++) {
            for (int k = 0; k < serial.get(p).capacity(); k++) {
                if (!Objects.equals(scoreAnswer(serial.get(p), k), scoreAnswer(again.get(p), k))) {
                    differing++;
                    example = images.get(good.get(k)).id() + " vs " + images.get(good.get(p + 1)).id();
                }
            }
        }
        add("verification.scores.deterministic", "the same pair of templates gives the same score, bit for bit", true,
                differing == 0 ? Verdict.PASS : Verdict.FAIL, differing == 0 ? pairs(serial) + " comparisons repeated"
                        : differing + " of " + pairs(serial) + " comparisons changed on a second call, e.g. " + example,
                Map.of("comparisons", pairs(serial), "differing", differing));

        concurrency(v, images, first, good, serial);
        multiImage(v, faces, images, first, range);
        badImages("verification.bad-input", bad, image -> {
            TemplateOutcome o = v.createTemplate(List.of(image), role);
            return new Guarded.Outcome<>(o.template(), o.failure(), o.latencyNs());
        });
        badTemplates(v, first, good);

        // Timed on the second passes, when the system (and the JIT) has warmed up.
        double[] templateMs = Arrays.stream(second).mapToDouble(o -> o.latencyNs() / 1e6).toArray();
        timing("timing.template", "median template-creation time per image", median(templateMs),
                limits.templateMillisPerImage(), "ms");
        List<Double> perComparison = new ArrayList<>();
        for (ComparisonBatch batch : again) {
            for (int k = 0; k < batch.capacity(); k++) {
                if (batch.latencyNs(k) >= 0) {
                    perComparison.add(batch.latencyNs(k) / 1e3);
                }
            }
        }
        timing("timing.comparison", "median time per comparison (batched calls of up to " + BATCH + ")",
                median(perComparison.stream().mapToDouble(Double::doubleValue).toArray()), limits.comparisonMicros(),
                "us");
    }

    private static Object answer(TemplateOutcome o) {
        return o.ok() ? o.template() : o.failure().code();
    }

    private static Object scoreAnswer(ComparisonBatch b, int k) {
        return b.failure(k) == null ? (Object) Double.doubleToRawLongBits(b.score(k)) : b.failure(k).code();
    }

    /** Probe {@code good[p+1]} against enrolments {@code good[0..p]}, in blocks, one batch per probe. */
    private static List<ComparisonBatch> compareAll(GuardedVerifier v, TemplateOutcome[] templates, List<Integer> good) {
        List<ComparisonBatch> batches = new ArrayList<>();
        for (int p = 1; p < good.size(); p++) {
            batches.add(compareRow(v, templates, good, p));
        }
        return batches;
    }

    private static ComparisonBatch compareRow(GuardedVerifier v, TemplateOutcome[] templates, List<Integer> good,
                                              int p) {
        ComparisonBatch batch = new ComparisonBatch(p);
        for (int k0 = 0; k0 < p; k0 += BATCH) {
            List<Template> block = new ArrayList<>();
            for (int k = k0; k < Math.min(p, k0 + BATCH); k++) {
                block.add(templates[good.get(k)].template());
            }
            v.compareMany(templates[good.get(p)].template(), block, batch, k0);
        }
        return batch;
    }

    private static int pairs(List<ComparisonBatch> batches) {
        return batches.stream().mapToInt(ComparisonBatch::capacity).sum();
    }

    private void scoreChecks(List<ComparisonBatch> batches, List<Integer> good, List<FaceImage> images,
                             DatasetManifest faces, ScoreRange range) {
        int outOfRange = 0;
        int faults = 0;
        int failures = 0;
        String rangeExample = "";
        String faultExample = "";
        List<Double> genuine = new ArrayList<>();
        List<Double> impostor = new ArrayList<>();
        for (int p = 0; p < batches.size(); p++) {
            ComparisonBatch b = batches.get(p);
            String probeSubject = subject(faces, images.get(good.get(p + 1)));
            for (int k = 0; k < b.capacity(); k++) {
                Failure f = b.failure(k);
                if (f == null) {
                    (probeSubject.equals(subject(faces, images.get(good.get(k)))) ? genuine : impostor).add(b.score(k));
                } else if (f.code() == FailureCode.INVALID_OUTPUT && f.message().startsWith("score ")) {
                    outOfRange++;
                    rangeExample = f.message();
                } else if (f.code().isHarnessAssigned()) {
                    faults++;
                    faultExample = f.toString();
                } else {
                    failures++;
                }
            }
        }
        int total = pairs(batches);
        add("verification.scores.range", "every score is finite and inside the declared range [" + range.min() + ", "
                        + range.max() + "]", true, outOfRange == 0 ? Verdict.PASS : Verdict.FAIL,
                outOfRange == 0 ? total + " comparisons" : outOfRange + " of " + total + " scores broke the range, e.g. "
                        + rangeExample, Map.of("comparisons", total, "out_of_range", outOfRange));
        add("verification.comparisons", "comparing valid templates never throws, hangs, crashes or breaks the contract",
                true, faults == 0 ? Verdict.PASS : Verdict.FAIL, faults == 0 ? failures + " system failure(s) in "
                        + total + " comparisons" : faults + " of " + total + " comparisons faulted, e.g. " + faultExample,
                Map.of("comparisons", total, "faults", faults, "failures", failures));
        double meanGenuine = genuine.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double meanImpostor = impostor.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        boolean separates = meanGenuine > meanImpostor;
        add("verification.scores.discrimination", "mated pairs score higher than non-mated pairs on average", false,
                separates ? Verdict.PASS : Verdict.WARN, String.format(Locale.ROOT,
                        "mean mated %.4g (%d), mean non-mated %.4g (%d)%s", meanGenuine, genuine.size(), meanImpostor,
                        impostor.size(), separates ? "" : ": are the scores similarities (higher = more similar)?"),
                Map.of("mated", genuine.size(), "non_mated", impostor.size()));
        long distinct = impostor.stream().distinct().count();
        boolean varied = impostor.isEmpty() || distinct * 2 >= impostor.size();
        add("verification.scores.varied", "at least half the non-mated scores are distinct (as FRVT asks)", false,
                varied ? Verdict.PASS : Verdict.WARN, distinct + " distinct of " + impostor.size() + " non-mated scores",
                Map.of("distinct", distinct, "non_mated", impostor.size()));
    }

    private static String subject(DatasetManifest faces, FaceImage image) {
        return faces.sample(image.id()).map(Sample::subjectId).orElse(image.id());
    }

    private void concurrency(GuardedVerifier v, List<FaceImage> images, TemplateOutcome[] serialTemplates,
                             List<Integer> good, List<ComparisonBatch> serial) {
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            int index = i;
            tasks.add(() -> Objects.equals(answer(serialTemplates[index]),
                    answer(v.createTemplate(List.of(images.get(index)), TemplateRole.VERIFICATION_ENROLMENT)))
                    ? null : "the template of " + images.get(index).id());
        }
        for (int p = 1; p < good.size(); p++) {
            int row = p;
            tasks.add(() -> {
                ComparisonBatch again = compareRow(v, serialTemplates, good, row);
                for (int k = 0; k < again.capacity(); k++) {
                    if (!Objects.equals(scoreAnswer(again, k), scoreAnswer(serial.get(row - 1), k))) {
                        return "the score of " + images.get(good.get(k)).id() + " vs " + images.get(good.get(row)).id();
                    }
                }
                return null;
            });
        }
        List<String> differences = runConcurrently(tasks);
        add("verification.concurrency", "calls from " + threads + " threads at once give the answers of serial calls",
                true, differences.isEmpty() ? Verdict.PASS : Verdict.FAIL, differences.isEmpty()
                        ? tasks.size() + " calls (templates and batched comparisons) repeated concurrently"
                        : differences.size() + " of " + tasks.size() + " concurrent calls differed, e.g. "
                        + differences.get(0), Map.of("calls", tasks.size(), "differing", differences.size()));
    }

    private void multiImage(GuardedVerifier v, DatasetManifest faces, List<FaceImage> images,
                            TemplateOutcome[] singles, ScoreRange range) {
        String subject = subject(faces, images.get(0));
        List<FaceImage> own = images.stream().filter(i -> subject(faces, i).equals(subject)).toList();
        TemplateOutcome multi = v.createTemplate(own, TemplateRole.VERIFICATION_ENROLMENT);
        String detail;
        boolean ok = false;
        if (!multi.ok()) {
            detail = "a template from " + own.size() + " images of " + subject + " failed: " + multi.failure();
        } else if (!singles[0].ok()) {
            detail = "could not compare: the single-image template of " + images.get(0).id() + " failed";
        } else {
            ComparisonBatch b = new ComparisonBatch(1);
            v.compareMany(singles[0].template(), List.of(multi.template()), b, 0);
            ok = b.failure(0) == null && range.contains(b.score(0));
            detail = ok ? "a template from " + own.size() + " images of " + subject + " scores " + b.score(0)
                    + " against one of them" : "comparing it failed: " + b.failure(0);
        }
        add("verification.multi-image", "a template can be made from several images of one person", true,
                ok ? Verdict.PASS : Verdict.FAIL, detail, Map.of("images", own.size()));
    }

    private void badTemplates(GuardedVerifier v, TemplateOutcome[] templates, List<Integer> good) {
        if (good.isEmpty()) {
            skip("verification.bad-template", "no valid template to compare with");
            return;
        }
        byte[] noise = new byte[256];
        new Random(7).nextBytes(noise);
        Template valid = templates[good.get(0)].template();
        List<String> faults = new ArrayList<>();
        List<String> scored = new ArrayList<>();
        Map<String, Template> broken = new LinkedHashMap<>();
        broken.put("an empty template", Template.of(new byte[0]));
        broken.put("256 random bytes", Template.of(noise));
        byte[] shortened = valid.toByteArray();
        broken.put("a valid template cut in half", Template.of(Arrays.copyOf(shortened, shortened.length / 2)));
        for (Map.Entry<String, Template> e : broken.entrySet()) {
            ComparisonBatch b = new ComparisonBatch(2);
            v.compareMany(valid, List.of(e.getValue()), b, 0);
            v.compareMany(e.getValue(), List.of(valid), b, 1);
            for (int k = 0; k < 2; k++) {
                Failure f = b.failure(k);
                String where = e.getKey() + (k == 0 ? " as enrolment" : " as probe");
                if (f == null) {
                    scored.add(where);
                } else if (f.code().isHarnessAssigned()) {
                    faults.add(where + ": " + f);
                }
            }
        }
        Verdict verdict = !faults.isEmpty() ? Verdict.FAIL : scored.isEmpty() ? Verdict.PASS : Verdict.WARN;
        add("verification.bad-template", "comparing a malformed template gives a failure code (e.g. "
                        + "TEMPLATE_FORMAT_ERROR), not a fault", true, verdict,
                !faults.isEmpty() ? String.join("; ", faults) : scored.isEmpty() ? "6 comparisons, each a failure code"
                        : "scored rather than refused: " + String.join("; ", scored), Map.of());
    }

    // ---- identification ----------------------------------------------------------------------------

    private void identification(OpenedSystem opened, DatasetManifest faces, List<FaceImage> images) {
        TemplateCreator creator = (list, role) -> instance(opened).identifier().orElseThrow().createTemplate(list, role);
        Map<String, List<FaceImage>> bySubject = new LinkedHashMap<>();
        images.forEach(i -> bySubject.computeIfAbsent(subject(faces, i), s -> new ArrayList<>()).add(i));
        List<FaceImage> enrolled = new ArrayList<>();
        List<FaceImage> probes = new ArrayList<>();
        bySubject.values().forEach(list -> {
            enrolled.addAll(list.subList(0, list.size() - 1));
            probes.add(list.get(list.size() - 1));
        });
        List<Guarded.Outcome<Template>> enrolment = new ArrayList<>();
        for (FaceImage image : enrolled) {
            enrolment.add(Guarded.call("createTemplate", () -> creator.createTemplate(List.of(image),
                    TemplateRole.IDENTIFICATION_ENROLMENT)));
        }
        List<Guarded.Outcome<Template>> probeTemplates = new ArrayList<>();
        for (FaceImage image : probes) {
            probeTemplates.add(Guarded.call("createTemplate", () -> creator.createTemplate(List.of(image),
                    TemplateRole.IDENTIFICATION_PROBE)));
        }
        List<Guarded.Outcome<Template>> all = new ArrayList<>(enrolment);
        all.addAll(probeTemplates);
        List<FaceImage> allImages = new ArrayList<>(enrolled);
        allImages.addAll(probes);
        templateFaults("identification.templates", all, allImages, Guarded.Outcome::failure);
        List<Guarded.Outcome<Template>> again = new ArrayList<>();
        for (int i = 0; i < enrolled.size(); i++) {
            FaceImage image = enrolled.get(i);
            again.add(Guarded.call("createTemplate", () -> creator.createTemplate(List.of(image),
                    TemplateRole.IDENTIFICATION_ENROLMENT)));
        }
        sameAnswers("identification.templates.deterministic", "the same images give the same enrolment template bytes",
                enrolled, i -> enrolment.get(i).answer(), i -> again.get(i).answer(), "a second call");

        List<GalleryEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < enrolled.size(); i++) {
            if (enrolment.get(i).ok()) {
                entries.add(new GalleryEntry(enrolled.get(i).id(), enrolment.get(i).value()));
                ids.add(enrolled.get(i).id());
            }
        }
        Path dir;
        try {
            dir = Files.createDirectories(opened.context().workingDirectory().resolve("validation-gallery"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Guarded.Outcome<Gallery> built = Guarded.call("finalizeEnrolment",
                () -> instance(opened).identifier().orElseThrow().finalizeEnrolment(entries, dir));
        if (!built.ok()) {
            add("identification.gallery", "a gallery can be built from the enrolment templates", true, Verdict.FAIL,
                    entries.size() + " entries: " + built.failure(), Map.of("entries", entries.size()));
            skip("identification.search", "no gallery");
            return;
        }
        Gallery gallery = built.value();
        Guarded.Outcome<Integer> size = Guarded.call("size", () -> Result.success(gallery.size()));
        boolean sizeRight = size.ok() && size.value() == entries.size();
        add("identification.gallery", "a gallery can be built from the enrolment templates and reports its size", true,
                sizeRight ? Verdict.PASS : Verdict.FAIL, entries.size() + " entries; size() says "
                        + (size.ok() ? size.value() : size.failure()), Map.of("entries", entries.size()));
        ScoreRange range = opened.descriptor().scoreRange().orElseThrow();
        int expectedLength = Math.min(CANDIDATES, entries.size());
        List<Guarded.Outcome<List<Candidate>>> first = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Template> usable = new ArrayList<>();
        for (Guarded.Outcome<Template> p : probeTemplates) {
            if (p.ok()) {
                usable.add(p.value());
            }
        }
        for (Template probe : usable) {
            Guarded.Outcome<List<Candidate>> found = Guarded.call("search", () -> gallery.search(probe, CANDIDATES));
            first.add(found);
            String problem = found.ok() ? candidateProblem(found.value(), ids, expectedLength, range)
                    : found.fault() ? "the search faulted: " + found.failure() : null;
            if (problem != null) {
                problems.add(problem);
            }
        }
        add("identification.candidates", "candidate lists are sorted by descending score, unique, enrolled, in range,"
                        + " and exactly min(" + CANDIDATES + ", gallery size) long", true,
                problems.isEmpty() ? Verdict.PASS : Verdict.FAIL, problems.isEmpty() ? usable.size() + " searches"
                        : problems.size() + " of " + usable.size() + " searches broke the rules, e.g. " + problems.get(0),
                Map.of("searches", usable.size(), "bad_lists", problems.size()));
        int differing = 0;
        for (int i = 0; i < usable.size(); i++) {
            Template probe = usable.get(i);
            if (!Objects.equals(first.get(i).answer(), Guarded.call("search", () -> gallery.search(probe, CANDIDATES))
                    .answer())) {
                differing++;
            }
        }
        add("identification.deterministic", "the same search gives the same candidate list", true,
                differing == 0 ? Verdict.PASS : Verdict.FAIL, differing + " of " + usable.size()
                        + " searches changed on a second call", Map.of("differing", differing));
        if (opened.descriptor().concurrency() == Concurrency.THREAD_SAFE) {
            List<Callable<String>> tasks = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < usable.size(); i++) {
                    int index = i;
                    tasks.add(() -> Objects.equals(first.get(index).answer(), Guarded.call("search",
                            () -> gallery.search(usable.get(index), CANDIDATES)).answer()) ? null : "search " + index);
                }
            }
            List<String> differences = runConcurrently(tasks);
            add("identification.concurrency", "searches from " + threads + " threads at once give the serial answers",
                    true, differences.isEmpty() ? Verdict.PASS : Verdict.FAIL, differences.size() + " of "
                            + tasks.size() + " concurrent searches differed", Map.of("differing", differences.size()));
        } else {
            skip("identification.concurrency", "the system is not thread safe: its galleries are searched serially");
        }
        byte[] noise = new byte[256];
        new Random(11).nextBytes(noise);
        Guarded.Outcome<List<Candidate>> junk = Guarded.call("search", () -> gallery.search(Template.of(noise),
                CANDIDATES));
        add("identification.bad-probe", "searching with a malformed probe gives a failure code, not a fault", true,
                junk.fault() ? Verdict.FAIL : junk.ok() ? Verdict.WARN : Verdict.PASS, junk.ok()
                        ? "256 random bytes were searched and returned " + junk.value().size() + " candidates"
                        : String.valueOf(junk.failure()), Map.of());
        timing("timing.search", "median 1:N search time on a gallery of " + entries.size(), median(first.stream()
                .mapToDouble(o -> o.latencyNs() / 1e6).toArray()), limits.searchMillis(), "ms");
        try {
            gallery.close();
        } catch (RuntimeException e) {
            // A gallery that fails to close does not change any verdict above.
        }
    }

    private static String candidateProblem(List<Candidate> list, Set<String> enrolled, int expectedLength,
                                           ScoreRange range) {
        if (list.size() > CANDIDATES) {
            return list.size() + " candidates for " + CANDIDATES + " asked";
        }
        if (list.size() != expectedLength) {
            return list.size() + " candidates where the gallery holds enough for " + expectedLength;
        }
        Set<String> seen = new HashSet<>();
        double previous = Double.POSITIVE_INFINITY;
        for (Object o : list) {
            if (!(o instanceof Candidate c)) {
                return "the list holds " + (o == null ? "null" : "a " + o.getClass().getName());
            }
            if (!seen.add(c.templateId())) {
                return c.templateId() + " is listed twice";
            }
            if (!enrolled.contains(c.templateId())) {
                return c.templateId() + " was never enrolled";
            }
            if (!range.contains(c.score())) {
                return "score " + c.score() + " is not finite or outside [" + range.min() + ", " + range.max() + "]";
            }
            if (c.score() > previous) {
                return "not sorted: " + previous + " before " + c.score();
            }
            previous = c.score();
        }
        return null;
    }

    // ---- analysis ------------------------------------------------------------------------------------

    private void analysis(OpenedSystem opened, List<FaceImage> images, Map<String, BadImage> bad) {
        Set<Attribute> declared = new HashSet<>(opened.descriptor().attributes());
        Function<FaceImage, Guarded.Outcome<List<FaceAnalysis>>> analyze = image -> {
            Guarded.Outcome<List<FaceAnalysis>> o = Guarded.call("analyze",
                    () -> instance(opened).analyzer().orElseThrow().analyze(image));
            String problem = o.ok() ? analysisProblem(o.value(), declared) : null;
            return problem == null ? o : new Guarded.Outcome<>(null, new Failure(FailureCode.INVALID_OUTPUT, problem),
                    o.latencyNs());
        };
        List<Guarded.Outcome<List<FaceAnalysis>>> first = new ArrayList<>();
        images.forEach(i -> first.add(analyze.apply(i)));
        templateFaults("analysis.results", first, images, Guarded.Outcome::failure);
        List<Guarded.Outcome<List<FaceAnalysis>>> second = new ArrayList<>();
        images.forEach(i -> second.add(analyze.apply(i)));
        sameAnswers("analysis.deterministic", "the same image gives the same analysis", images,
                i -> first.get(i).answer(), i -> second.get(i).answer(), "a second call");
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            int index = i;
            tasks.add(() -> Objects.equals(first.get(index).answer(), analyze.apply(images.get(index)).answer()) ? null
                    : images.get(index).id());
        }
        List<String> differences = runConcurrently(tasks);
        add("analysis.concurrency", "analyses from " + threads + " threads at once give the serial answers", true,
                differences.isEmpty() ? Verdict.PASS : Verdict.FAIL, differences.size() + " of " + tasks.size()
                        + " concurrent analyses differed", Map.of("differing", differences.size()));
        badImages("analysis.bad-input", bad, image -> {
            Guarded.Outcome<List<FaceAnalysis>> o = analyze.apply(image);
            // For analysis, "no face" (an empty list) is the right answer to an image without one.
            return o.ok() && o.value().isEmpty() ? new Guarded.Outcome<>(null,
                    new Failure(FailureCode.FACE_DETECTION_ERROR, "no face found"), o.latencyNs()) : o;
        });
        timing("timing.analysis", "median analysis time per image", median(first.stream()
                .mapToDouble(o -> o.latencyNs() / 1e6).toArray()), limits.analysisMillisPerImage(), "ms");
    }

    private static String analysisProblem(List<FaceAnalysis> faces, Set<Attribute> declared) {
        for (Object o : faces) {
            if (!(o instanceof FaceAnalysis face)) {
                return "the list of faces holds " + (o == null ? "null" : "a " + o.getClass().getName());
            }
            for (Attribute a : face.estimates().keySet()) {
                if (!declared.contains(a)) {
                    return "attribute " + a + " is estimated but not declared";
                }
            }
        }
        return null;
    }

    // ---- shared checks -------------------------------------------------------------------------------

    private <O> void templateFaults(String id, List<O> outcomes, List<FaceImage> images,
                                    Function<O, Failure> failureOf) {
        int faults = 0;
        int failures = 0;
        String example = "";
        for (int i = 0; i < outcomes.size(); i++) {
            Failure f = failureOf.apply(outcomes.get(i));
            if (f != null && f.code().isHarnessAssigned()) {
                faults++;
                example = images.get(i).id() + ": " + f;
            } else if (f != null) {
                failures++;
                if (example.isEmpty()) {
                    example = images.get(i).id() + ": " + f;
                }
            }
        }
        int n = outcomes.size();
        Verdict verdict = faults > 0 ? Verdict.FAIL : failures * 10 > n ? Verdict.WARN : Verdict.PASS;
        add(id, "face images give answers, never faults (exceptions, invalid output, timeouts, crashes)", true, verdict,
                faults > 0 ? faults + " of " + n + " calls faulted, e.g. " + example
                        : failures + " of " + n + " face images failed" + (failures > 0 ? ", e.g. " + example : "")
                        + (verdict == Verdict.WARN ? " (more than 10%)" : ""),
                Map.of("calls", n, "faults", faults, "failures", failures));
    }

    private void sameAnswers(String id, String title, List<FaceImage> images, Function<Integer, Object> first,
                             Function<Integer, Object> second, String how) {
        int differing = 0;
        String example = "";
        for (int i = 0; i < images.size(); i++) {
            if (!Objects.equals(first.apply(i), second.apply(i))) {
                differing++;
                example = images.get(i).id();
            }
        }
        add(id, title, true, differing == 0 ? Verdict.PASS : Verdict.FAIL, differing == 0 ? images.size()
                        + " images, each answered identically by " + how : differing + " of " + images.size()
                        + " images were answered differently by " + how + ", e.g. " + example,
                Map.of("images", images.size(), "differing", differing));
    }

    private void badImages(String prefix, Map<String, BadImage> bad,
                           Function<FaceImage, Guarded.Outcome<?>> call) {
        for (BadImage b : bad.values()) {
            Guarded.Outcome<?> o = call.apply(b.image());
            Verdict verdict;
            String detail;
            if (o.fault()) {
                verdict = Verdict.FAIL;
                detail = b.description() + ": " + o.failure();
            } else if (o.ok()) {
                verdict = b.expectation() == Expectation.FAILURE ? Verdict.FAIL
                        : b.expectation() == Expectation.FAILURE_PREFERRED ? Verdict.WARN : Verdict.PASS;
                detail = b.description() + ": " + (b.expectation() == Expectation.ANY_ANSWER ? "answered"
                        : "accepted as a face");
            } else {
                verdict = Verdict.PASS;
                detail = b.description() + ": " + o.failure().code();
            }
            add(prefix + "." + b.name(), b.description() + " gives " + (b.expectation() == Expectation.ANY_ANSWER
                    ? "an answer" : "a failure code") + ", not a fault", true, verdict, detail,
                    Map.of("latency_ms", o.latencyNs() / 1e6));
        }
    }

    private void timing(String id, String title, double median, double limit, String unit) {
        boolean known = !Double.isNaN(median);
        add(id, title + " is at most " + limit + " " + unit, true, !known ? Verdict.SKIP
                        : median <= limit ? Verdict.PASS : Verdict.FAIL,
                known ? String.format(Locale.ROOT, "median %.4g %s (limit %s %s)", median, unit, limit, unit)
                        : "nothing was measured", known ? Map.of("median_" + unit, median, "limit_" + unit, limit)
                        : Map.of());
    }

    private List<String> runConcurrently(List<Callable<String>> tasks) {
        List<Callable<String>> shuffled = new ArrayList<>(tasks);
        Collections.shuffle(shuffled, new Random(42));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "touchstone-validate");
            t.setDaemon(true);
            return t;
        });
        try {
            List<String> differences = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(shuffled)) {
                try {
                    String d = f.get();
                    if (d != null) {
                        differences.add(d);
                    }
                } catch (ExecutionException e) {
                    differences.add("a call threw " + e.getCause());
                }
            }
            return differences;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    private void skip(String id, String why) {
        add(id, why, false, Verdict.SKIP, why, Map.of());
    }

    private void add(String id, String title, boolean required, Verdict verdict, String detail,
                     Map<String, Object> measurements) {
        checks.add(new CheckResult(id, title, required, verdict, detail, measurements));
    }

    private static FaceSystem instance(OpenedSystem opened) {
        try {
            return opened.instance();
        } catch (FaceSystemException e) {
            throw new org.touchstone.runner.systems.SystemFault(FailureCode.SYSTEM_CRASHED,
                    "could not open another instance: " + e.getMessage(), e);
        }
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static List<FaceImage> images(DatasetManifest faces) throws IOException {
        List<FaceImage> images = new ArrayList<>();
        for (Sample s : faces.samples()) {
            images.add(ImageSource.of(faces, s).read());
        }
        return images;
    }

    private static byte[] bytes(FaceImage image) {
        byte[] b = new byte[image.encodedLength()];
        image.encoded().get(b);
        return b;
    }
}
