package org.touchstone.protocols.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.touchstone.api.Attribute;
import org.touchstone.api.ImageFormat;
import org.touchstone.protocols.support.NumberedCsv;
import org.touchstone.runformat.io.Sha256;
import org.touchstone.protocols.support.Utf8;

/**
 * Reads and validates a dataset manifest (see {@code docs/dataset-manifest.md}): the header, every row
 * and every image file it lists; or, for a procedural manifest ({@link ProceduralManifest}), its generator,
 * spec and the hashes of the images it records. All problems are collected and reported together in one
 * {@link ManifestException}, each with the manifest's path, the physical line and the column.
 */
public final class ManifestLoader {
    /** The columns every manifest has, in the order {@link ManifestWriter} writes them. */
    public static final List<String> REQUIRED_COLUMNS = List.of("sample_id", "subject_id", "path", "sha256");
    /** Prefix of a ground-truth attribute column. */
    public static final String LABEL_PREFIX = "label:";
    /** Prefix of a grouping column. */
    public static final String GROUP_PREFIX = "group:";
    /** Prefix of a free metadata column, which is checked for a name and otherwise ignored. */
    public static final String META_PREFIX = "meta:";
    /** Prefix that marks a label column as a non-standard attribute (as {@link Attribute#vendor} names it). */
    public static final String NON_STANDARD_ATTRIBUTE_PREFIX = "x-";

    /**
     * The comment naming the folder sample paths are relative to (absolute, or relative to the manifest's
     * folder); without it, the manifest's folder. Paths may not leave that root.
     */
    public static final String IMAGE_ROOT = "image-root:";
    /** The comment declaring a protocol list of the dataset: {@code protocol-list: NAME PATH sha256=HEX}. */
    public static final String PROTOCOL_LIST = "protocol-list:";

    private static final String FORMAT = ManifestWriter.FORMAT_LINE.substring(1).trim();
    private static final Pattern NON_NEGATIVE_NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("[A-Za-z]:.*");

    private ManifestLoader() {
    }

    /**
     * Loads a manifest and verifies the SHA-256 of every image it lists.
     *
     * @param manifest the manifest file
     * @return the validated manifest
     * @throws ManifestException if the manifest or any file it lists has a problem; lists all of them
     * @throws IOException       if the manifest itself cannot be read
     */
    public static DatasetManifest load(Path manifest) throws ManifestException, IOException {
        return load(manifest, HashCheck.VERIFY);
    }

    /**
     * Loads a manifest. Image files are checked in parallel on all cores, each read as a stream.
     *
     * @param manifest the manifest file
     * @param check    whether to verify each image's SHA-256 or only that it exists
     * @return the validated manifest
     * @throws ManifestException if the manifest or any file it lists has a problem; lists all of them
     * @throws IOException       if the manifest itself cannot be read
     */
    public static DatasetManifest load(Path manifest, HashCheck check) throws ManifestException, IOException {
        Path file = manifest.toAbsolutePath().normalize();
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = Utf8.decode(bytes);
        } catch (Utf8.MalformedException e) {
            throw new ManifestException(List.of(new ManifestProblem(file, e.line(), null,
                    "not valid UTF-8 text; a manifest must be saved as UTF-8")));
        }
        return new Validation(file, check).run(Sha256.hex(bytes), NumberedCsv.parse(text));
    }

    /** The state of validating one manifest: its problems so far and what the rows have established. */
    private static final class Validation {
        private final Path file;
        private Path root;
        private final HashCheck check;
        private final List<ManifestProblem> problems = new ArrayList<>();

        Validation(Path file, HashCheck check) {
            this.file = file;
            this.root = file.getParent();
            this.check = check;
        }

        DatasetManifest run(String sha256, NumberedCsv csv) throws ManifestException {
            csv.problems().forEach(p -> problem(p.line(), null, p.message()));
            List<String> comments = comments(csv.comments());
            imageRoot(csv.comments());
            if (ProceduralManifest.isProcedural(csv.comments())) {
                DatasetManifest procedural = ProceduralManifest.load(file, sha256, csv, check, problems);
                if (procedural == null || !problems.isEmpty()) {
                    throw failure();
                }
                return procedural;
            }
            if (csv.rows().isEmpty()) {
                problem(0, null, "no header row: expected a header naming the columns "
                        + String.join(",", REQUIRED_COLUMNS) + " (and any label:, group:, meta: columns)");
                throw failure();
            }
            NumberedCsv.Row headerRow = csv.rows().get(0);
            Header header = header(headerRow);
            if (header == null) {
                throw failure();
            }
            List<NumberedCsv.Row> dataRows = csv.rows().subList(1, csv.rows().size());
            if (dataRows.isEmpty() && csv.problems().isEmpty()) {
                problem(headerRow.line(), null, "the manifest lists no samples: expected rows after the header");
            }
            List<Sample> samples = new ArrayList<>();
            List<FileCheck> fileChecks = new ArrayList<>();
            Map<String, Integer> firstLineOfId = new HashMap<>();
            for (NumberedCsv.Row row : dataRows) {
                sample(row, header, firstLineOfId, fileChecks).ifPresent(samples::add);
            }
            // The common pool's workers plus this thread use every core; each file is hashed as a stream.
            fileChecks.parallelStream().map(this::checkFile).flatMap(Optional::stream)
                    .toList().forEach(problems::add);
            if (!problems.isEmpty()) {
                throw failure();
            }
            return new DatasetManifest(file, root, sha256, comments, List.copyOf(header.labels.keySet()),
                    List.copyOf(header.groups.keySet()), samples);
        }

        /** Sets the root from an {@value #IMAGE_ROOT} comment, if there is one. */
        private void imageRoot(List<NumberedCsv.Comment> lines) {
            for (NumberedCsv.Comment c : lines) {
                String text = c.text().strip();
                if (!text.startsWith(IMAGE_ROOT)) {
                    continue;
                }
                String value = text.substring(IMAGE_ROOT.length()).strip();
                try {
                    Path named = root.resolve(Path.of(value)).toAbsolutePath().normalize();
                    if (value.isEmpty() || !Files.isDirectory(named)) {
                        problem(c.line(), null, "image root '" + value + "' is not a folder (it is resolved against "
                                + root + "); the images of an imported dataset stay in the folder it was imported from");
                    } else {
                        root = named;
                    }
                } catch (InvalidPathException e) {
                    problem(c.line(), null, "invalid image root '" + value + "': " + e.getReason());
                }
                return;
            }
        }

        private List<String> comments(List<NumberedCsv.Comment> lines) {
            if (!lines.isEmpty()) {
                NumberedCsv.Comment first = lines.get(0);
                String format = first.text().trim();
                if (format.startsWith("touchstone-manifest") && !format.equals(FORMAT)) {
                    problem(first.line(), null, "unsupported format '" + format + "': this version of Touchstone"
                            + " reads '" + FORMAT + "'");
                } else if (!format.equals(FORMAT)) {
                    problem(first.line(), null, "the first comment must be the format line '"
                            + ManifestWriter.FORMAT_LINE + "'; found '#" + first.text() + "'");
                }
            }
            // ManifestWriter writes "# " + comment: strip exactly that one space so comments round-trip.
            return lines.stream().skip(1).map(NumberedCsv.Comment::text)
                    .map(t -> t.startsWith(" ") ? t.substring(1) : t).toList();
        }

        /** @return the column layout, or null if the rows cannot be read (a required column missing or repeated) */
        private Header header(NumberedCsv.Row row) {
            int line = row.line();
            Map<String, Integer> firstIndex = new HashMap<>();
            Map<String, Integer> required = new HashMap<>();
            Map<String, Integer> labels = new TreeMap<>();
            Map<String, Integer> groups = new TreeMap<>();
            boolean readable = true;
            for (int i = 0; i < row.cells().size(); i++) {
                int index = i;
                String name = row.cells().get(i);
                Integer earlier = firstIndex.putIfAbsent(name, i);
                if (earlier != null) {
                    problem(line, name, "duplicate column (also column " + (earlier + 1) + ")");
                    readable &= !REQUIRED_COLUMNS.contains(name);
                } else if (REQUIRED_COLUMNS.contains(name)) {
                    required.put(name, i);
                } else if (name.startsWith(LABEL_PREFIX) || name.startsWith(GROUP_PREFIX)
                        || name.startsWith(META_PREFIX)) {
                    String rest = name.substring(name.indexOf(':') + 1);
                    if (rest.isBlank()) {
                        problem(line, name, "empty name after '" + name + "'");
                    } else if (name.startsWith(LABEL_PREFIX)) {
                        labelNameProblem(rest).ifPresentOrElse(p -> problem(line, name, p),
                                () -> labels.put(rest, index));
                    } else if (name.startsWith(GROUP_PREFIX)) {
                        groups.put(rest, index);
                    }
                } else {
                    problem(line, name, "unknown column: expected " + String.join(", ", REQUIRED_COLUMNS)
                            + ", or a name prefixed " + LABEL_PREFIX + ", " + GROUP_PREFIX + " or " + META_PREFIX);
                }
            }
            for (String name : REQUIRED_COLUMNS) {
                if (!firstIndex.containsKey(name)) {
                    problem(line, name, "required column is missing; every manifest has the columns "
                            + String.join(", ", REQUIRED_COLUMNS));
                    readable = false;
                }
            }
            return readable ? new Header(row.cells().size(), required, labels, groups) : null;
        }

        private Optional<String> labelNameProblem(String attribute) {
            if (attribute.startsWith(NON_STANDARD_ATTRIBUTE_PREFIX)) {
                try {
                    Attribute.vendor(attribute.substring(NON_STANDARD_ATTRIBUTE_PREFIX.length()),
                            Attribute.Kind.CATEGORICAL, List.of());
                    return Optional.empty();
                } catch (IllegalArgumentException e) {
                    return Optional.of("invalid non-standard attribute name: " + e.getMessage());
                }
            }
            if (standardAttribute(attribute).isPresent()) {
                return Optional.empty();
            }
            return Optional.of("'" + attribute + "' is not a standard attribute ("
                    + Attribute.standard().stream().map(Attribute::name).collect(Collectors.joining(", "))
                    + "); name a non-standard one with the prefix " + NON_STANDARD_ATTRIBUTE_PREFIX
                    + ", e.g. " + LABEL_PREFIX + NON_STANDARD_ATTRIBUTE_PREFIX + attribute);
        }

        /** @return the sample, or empty if the row is too malformed to make one */
        private Optional<Sample> sample(NumberedCsv.Row row, Header header, Map<String, Integer> firstLineOfId,
                                        List<FileCheck> fileChecks) {
            int line = row.line();
            List<String> cells = row.cells();
            if (cells.size() != header.width) {
                problem(line, null, "the row has " + cells.size() + " cells but the header has "
                        + header.width + " columns");
                return Optional.empty();
            }
            String sampleId = cells.get(header.required.get("sample_id"));
            String subjectId = cells.get(header.required.get("subject_id"));
            String path = cells.get(header.required.get("path"));
            String sha256 = cells.get(header.required.get("sha256"));

            if (sampleId.isBlank()) {
                problem(line, "sample_id", "empty sample id");
            } else if (sampleId.contains(";")) {
                problem(line, "sample_id", "'" + sampleId + "' contains ';', which separates sample ids in pair"
                        + " lists and run files");
            } else {
                Integer first = firstLineOfId.putIfAbsent(sampleId, line);
                if (first != null) {
                    problem(line, "sample_id", "duplicate sample id '" + sampleId + "' (first on line " + first + ")");
                }
            }
            if (subjectId.isBlank()) {
                problem(line, "subject_id", "empty subject id");
            }
            boolean missing = Sample.MISSING.equals(sha256);
            boolean hashWellFormed = Sha256.isHexDigest(sha256);
            if (!hashWellFormed && !missing) {
                problem(line, "sha256", "expected 64 lower-case hex digits, found '" + sha256 + "' ("
                        + sha256.length() + " characters), or '" + Sample.MISSING + "' for an image the dataset lacks");
            }
            resolvedImage(line, path).filter(image -> !missing).ifPresent(image ->
                    fileChecks.add(new FileCheck(line, path, image, hashWellFormed ? sha256 : null)));

            Map<String, String> labels = new LinkedHashMap<>();
            header.labels.forEach((attribute, index) -> {
                String value = cells.get(index);
                if (!value.isEmpty()) {
                    labels.put(attribute, value);
                    labelValueProblem(attribute, value).ifPresent(p -> problem(line, LABEL_PREFIX + attribute, p));
                }
            });
            Map<String, String> groups = new LinkedHashMap<>();
            header.groups.forEach((name, index) -> {
                if (!cells.get(index).isEmpty()) {
                    groups.put(name, cells.get(index));
                }
            });
            return Optional.of(new Sample(sampleId, subjectId, path, sha256, labels, groups));
        }

        /** @return the image's absolute path if {@code path} is a well-formed path inside the root */
        private Optional<Path> resolvedImage(int line, String path) {
            if (path.isBlank()) {
                problem(line, "path", "empty path");
                return Optional.empty();
            }
            if (ImageFormat.fromFileName(path).isEmpty()) {
                problem(line, "path", "'" + path + "' does not end in the extension of a supported image format:"
                        + " .png, .jpg, .jpeg, .bmp or .gif");
            }
            if (path.contains("\\")) {
                problem(line, "path", "'" + path + "' must use '/' as separator, not '\\'");
                return Optional.empty();
            }
            Path relative;
            try {
                relative = Path.of(path);
            } catch (InvalidPathException e) {
                problem(line, "path", "invalid path '" + path + "': " + e.getReason());
                return Optional.empty();
            }
            if (relative.isAbsolute() || path.startsWith("/") || WINDOWS_DRIVE.matcher(path).matches()) {
                problem(line, "path", "'" + path + "' is absolute; expected a path relative to " + rootName());
                return Optional.empty();
            }
            Path image = root.resolve(relative).normalize();
            if (!image.startsWith(root) || image.equals(root)) {
                problem(line, "path", "'" + path + "' leaves " + rootName() + " " + root);
                return Optional.empty();
            }
            return Optional.of(image);
        }

        private String rootName() {
            return root.equals(file.getParent()) ? "the manifest's folder" : "the image root";
        }

        private Optional<ManifestProblem> checkFile(FileCheck c) {
            if (!Files.exists(c.image)) {
                return Optional.of(new ManifestProblem(file, c.line, "path", "image file not found: " + c.image));
            }
            if (!Files.isRegularFile(c.image)) {
                return Optional.of(new ManifestProblem(file, c.line, "path", "not a regular file: " + c.image));
            }
            if (check == HashCheck.EXISTENCE_ONLY || c.expectedSha256 == null) {
                return Files.isReadable(c.image) ? Optional.empty() : Optional.of(
                        new ManifestProblem(file, c.line, "path", "image file not readable: " + c.image));
            }
            String actual;
            try {
                actual = Sha256.hex(c.image);
            } catch (IOException e) {
                return Optional.of(new ManifestProblem(file, c.line, "path",
                        "cannot read image file " + c.image + ": " + e));
            }
            return actual.equals(c.expectedSha256) ? Optional.empty() : Optional.of(new ManifestProblem(file,
                    c.line, "sha256", "SHA-256 mismatch for " + c.path + ": the manifest says " + c.expectedSha256
                    + " but the file's bytes hash to " + actual));
        }

        private void problem(int line, String column, String message) {
            problems.add(new ManifestProblem(file, line, column, message));
        }

        private ManifestException failure() {
            // Stable sort: problems of one line keep the order of the checks (columns left to right, then files).
            problems.sort(Comparator.comparingInt(ManifestProblem::line));
            return new ManifestException(problems);
        }
    }

    private static Optional<Attribute> standardAttribute(String name) {
        return Attribute.standard().stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** @return why {@code value} is not a valid label of the attribute, if it is not */
    private static Optional<String> labelValueProblem(String attribute, String value) {
        Optional<Attribute> standard = standardAttribute(attribute);
        if (standard.isEmpty()) {
            return Optional.empty(); // a non-standard (x-) attribute has no vocabulary we know
        }
        Attribute a = standard.get();
        if (a.kind() == Attribute.Kind.NUMERIC) {
            return NON_NEGATIVE_NUMBER.matcher(value).matches() ? Optional.empty() : Optional.of("expected a number >= 0 (e.g. 34"
                    + " or 34.5) or an empty cell for unknown; found '" + value + "'");
        }
        return a.labels().contains(value) ? Optional.empty() : Optional.of("expected one of "
                + String.join(", ", a.labels()) + " (or an empty cell for unknown); found '" + value + "'");
    }

    /** Where each kind of column is. Label and group maps are keyed by name without prefix, sorted. */
    private record Header(int width, Map<String, Integer> required, Map<String, Integer> labels,
                          Map<String, Integer> groups) {
    }

    /** An image file to check once the rows have been read. */
    private record FileCheck(int line, String path, Path image, String expectedSha256) {
    }
}
