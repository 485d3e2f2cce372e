package org.touchstone.protocols;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.protocols.support.NumberedCsv;
import org.touchstone.protocols.support.Utf8;

/**
 * The explicit comparisons of a verification protocol with design {@code pair-list}: a UTF-8 CSV file
 * with the header {@code enrolment_samples,probe_samples}, one pair per row, each side the
 * {@code ;}-separated sample ids of one subject. A k-fold protocol's list has a third column, {@code fold}:
 * the pair's fold, 1 to the protocol's number of folds. See {@code docs/protocol-format.md}.
 */
public final class PairList {
    /** The header of every pair list. */
    public static final List<String> HEADER = List.of("enrolment_samples", "probe_samples");
    /** The header of a k-fold protocol's pair list. */
    public static final List<String> FOLD_HEADER = List.of("enrolment_samples", "probe_samples", "fold");

    private PairList() {
    }

    /**
     * Reads a pair list and checks it against a dataset manifest. Every problem is reported, with the
     * pair list's path and line.
     *
     * @param csv      the pair-list file
     * @param manifest the dataset whose sample ids the pairs name
     * @return the pairs in file order
     * @throws ProtocolException if the file cannot be read, or lists an unknown sample id, samples of
     *                           different subjects on one side, an empty side, a sample on both sides, or a
     *                           pair twice; or has no pair
     */
    public static List<TemplatePair> load(Path csv, DatasetManifest manifest) throws ProtocolException {
        return load(csv, manifest, 0);
    }

    /**
     * Reads a pair list, with folds when {@code folds > 0}.
     *
     * @param csv      the pair-list file
     * @param manifest the dataset whose sample ids the pairs name
     * @param folds    0 for a plain list (header {@link #HEADER}); else the protocol's number of folds, and the
     *                 list must have the header {@link #FOLD_HEADER} and every fold from 1 to {@code folds}
     * @return the pairs in file order
     * @throws ProtocolException as {@link #load(Path, DatasetManifest)}, or if a fold is missing or out of range
     */
    public static List<TemplatePair> load(Path csv, DatasetManifest manifest, int folds) throws ProtocolException {
        List<String> header = folds > 0 ? FOLD_HEADER : HEADER;
        String source = csv.toString();
        String text;
        try {
            text = Utf8.decode(Files.readAllBytes(csv));
        } catch (IOException e) {
            throw new ProtocolException(new ProtocolProblem(source, 0, 0, null, "cannot read pair list: " + e));
        } catch (Utf8.MalformedException e) {
            throw new ProtocolException(new ProtocolProblem(source, e.line(), 0, null,
                    "not valid UTF-8 text; a pair list must be saved as UTF-8"));
        }
        NumberedCsv table = NumberedCsv.parse(text);
        List<ProtocolProblem> problems = new ArrayList<>();
        table.problems().forEach(p -> problems.add(new ProtocolProblem(source, p.line(), 0, null, p.message())));
        List<TemplatePair> pairs = new ArrayList<>();
        if (table.rows().isEmpty() || !table.rows().get(0).cells().equals(header)) {
            String found = table.rows().isEmpty() ? "nothing" : "'" + String.join(",", table.rows().get(0).cells()) + "'";
            int line = table.rows().isEmpty() ? 0 : table.rows().get(0).line();
            problems.add(new ProtocolProblem(source, line, 0, null, "expected the header "
                    + String.join(",", header) + ", found " + found));
        } else {
            Map<TemplatePair, Integer> firstLine = new HashMap<>();
            for (NumberedCsv.Row row : table.rows().subList(1, table.rows().size())) {
                new RowCheck(source, row, manifest, problems, folds).pair().ifPresent(pair -> {
                    Integer first = firstLine.putIfAbsent(pair, row.line());
                    if (first != null) {
                        problems.add(new ProtocolProblem(source, row.line(), 0, null,
                                "duplicate pair (first on line " + first + ")"));
                    } else {
                        pairs.add(pair);
                    }
                });
            }
            if (table.rows().size() == 1 && table.problems().isEmpty()) {
                problems.add(new ProtocolProblem(source, table.rows().get(0).line(), 0, null,
                        "the pair list has no pairs: expected rows after the header"));
            }
        }
        if (problems.isEmpty() && folds > 0) {
            Set<Integer> used = pairs.stream().map(TemplatePair::fold).collect(Collectors.toSet());
            for (int f = 1; f <= folds; f++) {
                if (!used.contains(f)) {
                    problems.add(new ProtocolProblem(source, 0, 0, "fold", "fold " + f + " of " + folds + " has no pairs"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ProtocolException(problems);
        }
        return List.copyOf(pairs);
    }

    /** The checks of one row, adding to the shared list of problems. */
    private record RowCheck(String source, NumberedCsv.Row row, DatasetManifest manifest,
                            List<ProtocolProblem> problems, int folds) {
        Optional<TemplatePair> pair() {
            List<String> header = folds > 0 ? FOLD_HEADER : HEADER;
            if (row.cells().size() != header.size()) {
                problem(null, "the row has " + row.cells().size() + " cells, expected " + header.size() + " ("
                        + String.join(",", header) + ")");
                return Optional.empty();
            }
            int fold = 0;
            if (folds > 0) {
                String cell = row.cells().get(2);
                fold = cell.matches("[0-9]{1,3}") ? Integer.parseInt(cell) : -1;
                if (fold < 1 || fold > folds) {
                    problem("fold", "expected a fold from 1 to " + folds + ", found '" + cell + "'");
                    return Optional.empty();
                }
            }
            Optional<List<Sample>> enrolment = side(HEADER.get(0), row.cells().get(0));
            Optional<List<Sample>> probe = side(HEADER.get(1), row.cells().get(1));
            if (enrolment.isEmpty() || probe.isEmpty()) {
                return Optional.empty();
            }
            Set<String> both = ids(enrolment.get()).stream().filter(ids(probe.get())::contains)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (!both.isEmpty()) {
                problem(null, "sample " + String.join(", ", both) + " is on both sides; a sample is never"
                        + " compared with itself");
                return Optional.empty();
            }
            boolean mated = enrolment.get().get(0).subjectId().equals(probe.get().get(0).subjectId());
            return Optional.of(new TemplatePair(ids(enrolment.get()), ids(probe.get()), mated, fold));
        }

        /** @return the samples of one side, or empty if the side has a problem */
        private Optional<List<Sample>> side(String column, String cell) {
            if (cell.isEmpty()) {
                problem(column, "empty; expected one or more sample ids of one subject, separated by ';'");
                return Optional.empty();
            }
            List<Sample> samples = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            boolean ok = true;
            for (String id : cell.split(";", -1)) {
                Optional<Sample> sample = manifest.sample(id);
                if (id.isEmpty()) {
                    problem(column, "empty sample id in '" + cell + "'");
                } else if (!seen.add(id)) {
                    problem(column, "sample '" + id + "' is listed twice");
                } else if (sample.isEmpty()) {
                    problem(column, "unknown sample id '" + id + "': not in " + manifest.file());
                } else {
                    samples.add(sample.get());
                    continue;
                }
                ok = false;
            }
            Set<String> subjects = samples.stream().map(Sample::subjectId).collect(Collectors.toCollection(LinkedHashSet::new));
            if (subjects.size() > 1) {
                problem(column, "samples of different subjects on one side (" + samples.stream()
                        .map(s -> s.sampleId() + " shows " + s.subjectId()).collect(Collectors.joining(", "))
                        + "); a template shows one subject");
                ok = false;
            }
            return ok ? Optional.of(samples) : Optional.empty();
        }

        private static List<String> ids(List<Sample> samples) {
            return samples.stream().map(Sample::sampleId).toList();
        }

        private void problem(String column, String message) {
            problems.add(new ProtocolProblem(source, row.line(), 0, column, message));
        }
    }
}
