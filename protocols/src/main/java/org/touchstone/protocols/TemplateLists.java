package org.touchstone.protocols;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.Sample;

/**
 * The lists of a template-level protocol, as an import writes them beside the manifest: a templates list
 * ({@code template_id,sample_id}, one row per image, a template being all rows of its id; further columns
 * such as {@code media_id} are information) and pair lists ({@code enrolment_template,probe_template} and an
 * optional {@code mated} column) or template lists ({@code template_id}). Pair lists are streamed, never held:
 * IJB-C's has 15.6 million rows. Every problem names the file and line.
 */
public final class TemplateLists {
    /** The first columns of a templates list. */
    public static final List<String> TEMPLATES_HEADER = List.of("template_id", "sample_id");
    /** The first columns of a pair list. */
    public static final List<String> PAIRS_HEADER = List.of("enrolment_template", "probe_template");
    /** The optional third column of a pair list. */
    public static final String MATED = "mated";

    private TemplateLists() {
    }

    /**
     * Reads a templates list against the dataset.
     *
     * @param csv      the list
     * @param manifest the dataset whose sample ids it names
     * @return each template's samples, by template id, in order of first appearance
     * @throws ProtocolException naming file and line: a bad header, an unknown sample, a template of two subjects
     */
    public static Map<String, List<Sample>> templates(Path csv, DatasetManifest manifest) throws ProtocolException {
        Map<String, List<Sample>> templates = new LinkedHashMap<>();
        rows(csv, TEMPLATES_HEADER, (line, cells) -> {
            String template = cells[0];
            Optional<Sample> sample = manifest.sample(cells[1]);
            if (template.isEmpty()) {
                throw problem(csv, line, "template_id is empty");
            }
            if (sample.isEmpty()) {
                throw problem(csv, line, "sample_id: unknown sample '" + cells[1] + "', not in " + manifest.file());
            }
            List<Sample> samples = templates.computeIfAbsent(template, t -> new ArrayList<>());
            if (!samples.isEmpty() && !samples.get(0).subjectId().equals(sample.get().subjectId())) {
                throw problem(csv, line, "template " + template + " mixes subjects " + samples.get(0).subjectId()
                        + " and " + sample.get().subjectId() + "; a template shows one subject");
            }
            if (samples.contains(sample.get())) {
                throw problem(csv, line, "sample " + cells[1] + " is listed twice in template " + template);
            }
            samples.add(sample.get());
        });
        if (templates.isEmpty()) {
            throw problem(csv, 0, "no templates after the header");
        }
        return templates;
    }

    /** Receives one pair. */
    @FunctionalInterface
    public interface PairHandler {
        /**
         * @param line      the physical line
         * @param enrolment the enrolment template's id
         * @param probe     the probe template's id
         * @param mated     the {@code mated} column, if the list has one
         * @throws ProtocolException to refuse the pair
         */
        void accept(long line, String enrolment, String probe, Optional<Boolean> mated) throws ProtocolException;
    }

    /**
     * Streams a pair list.
     *
     * @param csv     the list
     * @param handler receives each pair, in file order
     * @throws ProtocolException naming file and line: a bad header or cell count, an empty id, a template paired
     *                           with itself, a {@code mated} cell other than true/false, or anything the handler refuses
     */
    public static void pairs(Path csv, PairHandler handler) throws ProtocolException {
        boolean[] withMated = {false};
        rows(csv, PAIRS_HEADER, new Row() {
            @Override
            public void header(List<String> cells) {
                withMated[0] = cells.size() > 2 && cells.get(2).equals(MATED);
            }

            @Override
            public void accept(long line, String[] cells) throws ProtocolException {
                if (cells[0].isEmpty() || cells[1].isEmpty()) {
                    throw problem(csv, line, "empty template id; expected enrolment_template,probe_template");
                }
                if (cells[0].equals(cells[1])) {
                    throw problem(csv, line, "template " + cells[0] + " is paired with itself");
                }
                Optional<Boolean> mated = Optional.empty();
                if (withMated[0]) {
                    String m = cells.length > 2 ? cells[2] : "";
                    if (!m.equals("true") && !m.equals("false")) {
                        throw problem(csv, line, "mated: expected true or false, found '" + m + "'");
                    }
                    mated = Optional.of(m.equals("true"));
                }
                handler.accept(line, cells[0], cells[1], mated);
            }
        });
    }

    /**
     * Reads a list of template ids (a gallery or a probe set): header {@code template_id}.
     *
     * @param csv the list
     * @return the ids, in order
     * @throws ProtocolException naming file and line: a bad header, an empty or repeated id
     */
    public static List<String> templateIds(Path csv) throws ProtocolException {
        List<String> ids = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        rows(csv, List.of("template_id"), (line, cells) -> {
            if (cells[0].isEmpty() || !seen.add(cells[0])) {
                throw problem(csv, line, cells[0].isEmpty() ? "empty template id" : "template " + cells[0]
                        + " is listed twice");
            }
            ids.add(cells[0]);
        });
        return ids;
    }

    /** Receives the rows after the header. */
    private interface Row {
        default void header(List<String> cells) {
        }

        void accept(long line, String[] cells) throws ProtocolException;
    }

    /**
     * Reads the rows line by line. Written by hand rather than with Jackson's CSV reader, whose location after a
     * row is the next row's, because every refusal must name its exact line; a list row never spans lines (ids
     * hold no line ends), so a quoted cell is read within its line and an unclosed quote is refused.
     */
    private static void rows(Path csv, List<String> header, Row row) throws ProtocolException {
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            boolean first = true;
            long line = 0;
            List<String> cells = new ArrayList<>();
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                cells.clear();
                if (!split(text, cells)) {
                    throw problem(csv, line, "unclosed quote");
                }
                if (first) {
                    first = false;
                    if (cells.size() < header.size() || !cells.subList(0, header.size()).equals(header)) {
                        throw problem(csv, line, "expected a header starting " + String.join(",", header) + ", found '"
                                + String.join(",", cells) + "'");
                    }
                    row.header(List.copyOf(cells));
                    continue;
                }
                if (cells.size() < header.size()) {
                    throw problem(csv, line, "expected at least " + header.size() + " cells (" + String.join(",", header)
                            + "), found " + cells.size());
                }
                row.accept(line, cells.toArray(String[]::new));
            }
            if (first) {
                throw problem(csv, 0, "empty; expected the header " + String.join(",", header));
            }
        } catch (IOException | UncheckedIOException e) {
            throw problem(csv, 0, "cannot be read as UTF-8 text: " + e.getMessage());
        }
    }

    /** Splits one RFC 4180 line; false when a quote is not closed. */
    private static boolean split(String text, List<String> into) {
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                into.add(cell.toString());
                cell.setLength(0);
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        into.add(cell.toString());
        return !quoted;
    }

    private static ProtocolException problem(Path csv, long line, String message) {
        return new ProtocolException(new ProtocolProblem(csv.toString(), (int) Math.min(Integer.MAX_VALUE, line), 0,
                null, message));
    }
}
