package org.touchstone.runner.cli.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.touchstone.api.Candidate;
import org.touchstone.api.Concurrency;
import org.touchstone.api.Gallery;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.Template;
import org.touchstone.runner.cli.validate.CheckResult.Verdict;

/**
 * The checks of searching a gallery, in report order: {@code identification.candidates} (each list
 * valid, {@link CandidateListRules}), {@code identification.deterministic} (the same search, the same
 * list), {@code identification.concurrency} (from many threads, for thread-safe systems),
 * {@code identification.bad-probe} (a malformed probe gives a failure code) and {@code timing.search}.
 */
final class SearchChecks {
    private SearchChecks() {
    }

    static void check(ValidationSubject s, Gallery gallery, Set<String> enrolled, List<Template> probes) {
        ScoreRange range = s.opened().descriptor().scoreRange().orElseThrow();
        int expectedLength = Math.min(CandidateListRules.CANDIDATES, enrolled.size());
        List<Guarded.Outcome<List<Candidate>>> first = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Template probe : probes) {
            Guarded.Outcome<List<Candidate>> found = search(gallery, probe);
            first.add(found);
            String problem = found.ok() ? CandidateListRules.problem(found.value(), enrolled, expectedLength, range)
                    : found.fault() ? "the search faulted: " + found.failure() : null;
            if (problem != null) {
                problems.add(problem);
            }
        }
        CheckLog log = s.log();
        log.add("identification.candidates", "candidate lists are sorted by descending score, unique, enrolled, in"
                        + " range, and exactly min(" + CandidateListRules.CANDIDATES + ", gallery size) long", true,
                problems.isEmpty() ? Verdict.PASS : Verdict.FAIL, problems.isEmpty() ? probes.size() + " searches"
                        : problems.size() + " of " + probes.size() + " searches broke the rules, e.g. " + problems.get(0),
                Map.of("searches", probes.size(), "bad_lists", problems.size()));
        int differing = 0;
        for (int i = 0; i < probes.size(); i++) {
            if (!Objects.equals(first.get(i).answer(), search(gallery, probes.get(i)).answer())) {
                differing++;
            }
        }
        log.add("identification.deterministic", "the same search gives the same candidate list", true,
                differing == 0 ? Verdict.PASS : Verdict.FAIL, differing + " of " + probes.size()
                        + " searches changed on a second call", Map.of("differing", differing));
        concurrency(s, gallery, probes, first);
        byte[] noise = new byte[256];
        new Random(11).nextBytes(noise);
        Guarded.Outcome<List<Candidate>> junk = search(gallery, Template.of(noise));
        log.add("identification.bad-probe", "searching with a malformed probe gives a failure code, not a fault", true,
                junk.fault() ? Verdict.FAIL : junk.ok() ? Verdict.WARN : Verdict.PASS, junk.ok()
                        ? "256 random bytes were searched and returned " + junk.value().size() + " candidates"
                        : String.valueOf(junk.failure()), Map.of());
        MedianTimeCheck.check("timing.search", "median 1:N search time on a gallery of " + enrolled.size(),
                ValidationSubject.median(first.stream().mapToDouble(o -> o.latencyNs() / 1e6).toArray()),
                s.limits().searchMillis(), "ms", log);
    }

    private static void concurrency(ValidationSubject s, Gallery gallery, List<Template> probes,
                                    List<Guarded.Outcome<List<Candidate>>> first) {
        if (s.opened().descriptor().concurrency() != Concurrency.THREAD_SAFE) {
            s.log().skip("identification.concurrency",
                    "the system is not thread safe: its galleries are searched serially");
            return;
        }
        List<Callable<String>> tasks = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < probes.size(); i++) {
                int index = i;
                tasks.add(() -> {
                    Guarded.Outcome<List<Candidate>> again = search(gallery, probes.get(index));
                    return Objects.equals(first.get(index).answer(), again.answer()) ? null : "search " + index
                            + " (serially " + first.get(index).describe() + ", concurrently " + again.describe() + ")";
                });
            }
        }
        List<String> differences = s.runConcurrently(tasks);
        s.log().add("identification.concurrency", "searches from " + s.threads() + " threads at once give the serial"
                        + " answers", true, differences.isEmpty() ? Verdict.PASS : Verdict.FAIL, differences.size()
                        + " of " + tasks.size() + " concurrent searches differed"
                        + (differences.isEmpty() ? "" : ", e.g. " + differences.get(0)), Map.of("differing", differences.size()));
    }

    private static Guarded.Outcome<List<Candidate>> search(Gallery gallery, Template probe) {
        return Guarded.call("search", () -> gallery.search(probe, CandidateListRules.CANDIDATES));
    }
}
