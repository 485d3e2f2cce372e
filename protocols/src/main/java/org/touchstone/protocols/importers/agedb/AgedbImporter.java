package org.touchstone.protocols.importers.agedb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.touchstone.protocols.importers.DatasetImporter;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;
import org.touchstone.protocols.importers.ImporterOption;
import org.touchstone.protocols.importers.support.FixtureFaces;
import org.touchstone.protocols.importers.support.ImportedDataset;

/**
 * AgeDB-30 from the user's copy: the protocol {@code 04_FINAL_protocol_30_years.mat} (in the source or its
 * {@code AgeDB_FINAL_protocol/} folder) and the images {@code 03_Protocol_Images/<name>.jpg}. The .mat holds
 * {@code splits}, ten entries, each a 1x1 struct whose first field is a 2 x 600 cell of image entries (a
 * cell {name without .jpg; age}: pair j is column j) and whose second field is the 600 labels (1 same, -1
 * different), the structure FaceX-Zoo's and insightface's loaders index. List {@value #LIST}, ten folds in
 * split order. The person is the first {@code _}-separated field of the name; {@code label:age} comes from
 * the .mat; {@code label:sex} and {@code group:sex} when a later field of the name is {@code m} or {@code f}.
 */
public final class AgedbImporter implements DatasetImporter {
    /** The list's name. */
    public static final String LIST = "agedb30";
    /** The 30-year protocol file. */
    public static final String PROTOCOL_FILE = "04_FINAL_protocol_30_years.mat";
    /** The images folder. */
    public static final String IMAGES = "03_Protocol_Images";

    @Override
    public String kind() {
        return "agedb";
    }

    @Override
    public String expectedFolder() {
        return "the AgeDB folder holding " + IMAGES + "/<name>.jpg and " + PROTOCOL_FILE + " (or AgeDB_FINAL_protocol/"
                + PROTOCOL_FILE + ")";
    }

    @Override
    public List<ImporterOption> options() {
        return List.of(new ImporterOption("protocol", "the protocol .mat file inside the source (another gap's,"
                + " such as 03_FINAL_protocol_20_years.mat, for a custom protocol)", "auto"));
    }

    @Override
    public ImportReport importDataset(ImportRequest request) throws ImportException, IOException {
        Path source = request.source();
        Path mat = protocolFile(source, request.option("protocol"));
        if (!Files.isDirectory(source.resolve(IMAGES))) {
            throw new ImportException(source, 0, "no " + IMAGES + "/ folder; expected " + expectedFolder());
        }
        Map<String, MatFile.Value> variables;
        try {
            variables = MatFile.read(Files.readAllBytes(mat));
        } catch (IOException e) {
            throw new ImportException(mat, 0, "not a readable MATLAB v5/v7 protocol file: " + e.getMessage());
        }
        MatFile.Value splits = variables.containsKey("splits") ? variables.get("splits")
                : variables.size() == 1 ? variables.values().iterator().next() : null;
        if (splits == null) {
            throw new ImportException(mat, 0, "no variable 'splits'; found " + variables.keySet());
        }
        List<MatFile.Value> folds = elements(mat, splits, "splits");
        ImportedDataset dataset = new ImportedDataset(kind(), source.resolve(IMAGES), request.out());
        List<ImportedDataset.Pair> pairs = new ArrayList<>();
        for (int f = 0; f < folds.size(); f++) {
            List<MatFile.Value> fields = fields(mat, folds.get(f), "splits{" + (f + 1) + "}");
            String where = "splits{" + (f + 1) + "}";
            if (fields.size() < 2 || !(fields.get(0) instanceof MatFile.Cell entries)
                    || !(fields.get(1) instanceof MatFile.Numbers labels)) {
                throw new ImportException(mat, 0, where + ": expected a struct whose first field is a 2 x N cell of"
                        + " image entries and whose second is N labels");
            }
            int n = labels.values().length;
            if (entries.elements().size() != 2 * n || entries.dims()[0] != 2) {
                throw new ImportException(mat, 0, where + ": " + n + " labels but a cell of "
                        + entries.dims()[0] + " x " + (entries.elements().size() / Math.max(1, entries.dims()[0]))
                        + " image entries; expected 2 x " + n);
            }
            for (int j = 0; j < n; j++) {
                double label = labels.values()[j];
                if (label != 1 && label != -1) {
                    throw new ImportException(mat, 0, where + ": label " + (j + 1) + " is " + label
                            + ", expected 1 (same) or -1 (different)");
                }
                // Column-major: entry (row r, column j) is element r + 2j.
                String a = register(dataset, mat, where, j, entries.elements().get(2 * j));
                String b = register(dataset, mat, where, j, entries.elements().get(2 * j + 1));
                if (dataset.subjectOf(a).equals(dataset.subjectOf(b)) != (label == 1)) {
                    throw new ImportException(mat, 0, where + ": pair " + (j + 1) + " (" + a + ", " + b + ") is labelled "
                            + (label == 1 ? "same" : "different") + " but its names show "
                            + (label == 1 ? "two people" : "one person"));
                }
                pairs.add(new ImportedDataset.Pair(a, b, f + 1, mat, 0));
            }
        }
        dataset.note("folds are the .mat's splits, in order; the reference could not confirm the protocol image name"
                + " pattern: the person is the name's first '_'-separated field");
        dataset.pairList(LIST, pairs, true);
        return dataset.write();
    }

    private static Path protocolFile(Path source, String option) throws ImportException {
        if (!option.equals("auto")) {
            Path file = source.resolve(option).normalize();
            if (!file.startsWith(source.normalize()) || !Files.isRegularFile(file)) {
                throw new ImportException(source, 0, "protocol=" + option + ": no such file inside the source");
            }
            return file;
        }
        for (Path candidate : List.of(source.resolve(PROTOCOL_FILE), source.resolve("AgeDB_FINAL_protocol").resolve(PROTOCOL_FILE))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new ImportException(source, 0, "no " + PROTOCOL_FILE + "; expected " + "the AgeDB folder holding "
                + IMAGES + "/ and " + PROTOCOL_FILE);
    }

    /** The entries of a cell or struct array (a struct's elements as structs of one element). */
    private static List<MatFile.Value> elements(Path mat, MatFile.Value v, String where) throws ImportException {
        if (v instanceof MatFile.Cell c) {
            return c.elements();
        }
        if (v instanceof MatFile.Struct s) {
            List<MatFile.Value> out = new ArrayList<>();
            for (Map<String, MatFile.Value> e : s.elements()) {
                out.add(new MatFile.Struct(new int[] {1, 1}, s.fields(), List.of(e)));
            }
            return out;
        }
        throw new ImportException(mat, 0, where + ": expected a cell or struct array");
    }

    /** The fields of a 1x1 struct (or the contents of a cell holding one), in order. */
    private static List<MatFile.Value> fields(Path mat, MatFile.Value v, String where) throws ImportException {
        if (v instanceof MatFile.Cell c && c.elements().size() == 1) {
            return fields(mat, c.elements().get(0), where);
        }
        if (v instanceof MatFile.Struct s && s.elements().size() == 1) {
            return new ArrayList<>(s.elements().get(0).values());
        }
        throw new ImportException(mat, 0, where + ": expected a 1x1 struct");
    }

    private static String register(ImportedDataset dataset, Path mat, String where, int j, MatFile.Value entry)
            throws ImportException {
        String name = null;
        double age = Double.NaN;
        List<MatFile.Value> parts = entry instanceof MatFile.Cell c ? c.elements()
                : entry instanceof MatFile.Struct s && s.elements().size() == 1 ? new ArrayList<>(s.elements().get(0).values())
                : List.of(entry);
        for (MatFile.Value part : parts) {
            if (part instanceof MatFile.Text t && name == null) {
                name = t.text().strip();
            } else if (part instanceof MatFile.Numbers n && n.values().length == 1 && Double.isNaN(age)) {
                age = n.values()[0];
            }
        }
        if (name == null || name.isEmpty()) {
            throw new ImportException(mat, 0, where + ": image entry of pair " + (j + 1) + " has no name");
        }
        String file = name.endsWith(".jpg") ? name : name + ".jpg";
        String stem = file.substring(0, file.length() - 4);
        String[] fields = stem.split("_");
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> groups = new LinkedHashMap<>();
        if (!Double.isNaN(age) && age >= 0) {
            labels.put("age", age == Math.rint(age) ? Long.toString((long) age) : Double.toString(age));
        }
        for (int i = fields.length - 1; i > 0; i--) {
            String field = fields[i].toLowerCase(Locale.ROOT);
            if (field.equals("m") || field.equals("f")) {
                String sex = field.equals("m") ? "male" : "female";
                labels.put("sex", sex);
                groups.put("sex", sex);
                break;
            }
        }
        return dataset.image(stem, fields[0], file, labels, groups);
    }

    // ---------------------------------------------------------------------------------------------- fixture

    /** People of the fixture, as AgeDB spells names (no spaces). */
    static final List<String> PEOPLE = List.of("MariaCallas", "AlbertEinstein", "AudreyHepburn", "CharlieChaplin",
            "GraceKelly", "MarlonBrando", "EdithPiaf", "JohnLennon", "SophiaLoren", "PabloPicasso",
            "IngridBergman", "FrankSinatra", "MarieCurie", "OrsonWelles", "BetteDavis", "JamesDean",
            "VivienLeigh", "ElvisPresley", "GretaGarbo", "HumphreyBogart");
    /** The image the fixture's .mat names but its copy lacks. */
    public static final String FIXTURE_MISSING = name(19, 1) + ".jpg";

    @Override
    public Path writeFixture(Path folder) throws IOException {
        Path root = folder.resolve("AgeDB");
        FixtureFaces faces = new FixtureFaces(PEOPLE.size(), 3, 37, 96);
        List<MatFile.Value> splits = new ArrayList<>();
        for (int fold = 0; fold < 10; fold++) {
            int a = 2 * fold;
            int b = a + 1;
            String[][] names = new String[3][];
            // Names with five '_'-separated fields, the person first (insightface asserts >= 5): person, number,
            // age, sex and one more (the real pattern is unconfirmed).
            String a0 = name(a, 0);
            String a1 = name(a, 1);
            String b0 = name(b, 0);
            String b1 = name(b, 1);
            names[0] = new String[] {a0, a1};
            names[1] = new String[] {b0, b1};
            names[2] = new String[] {a1, b0};
            List<MatFile.Value> entries = new ArrayList<>();
            double[] labels = {1, 1, -1};
            for (String[] pair : names) {
                entries.add(entry(pair[0]));
                entries.add(entry(pair[1]));
            }
            Map<String, MatFile.Value> fields = new LinkedHashMap<>();
            fields.put("pairs", new MatFile.Cell(new int[] {2, 3}, entries));
            fields.put("labels", new MatFile.Numbers(new int[] {1, 3}, labels));
            splits.add(new MatFile.Struct(new int[] {1, 1}, List.of("pairs", "labels"), List.of(fields)));
            for (int[] im : new int[][] {{a, 0}, {a, 1}, {b, 0}, {b, 1}}) {
                String file = name(im[0], im[1]) + ".jpg";
                if (!file.equals(FIXTURE_MISSING)) {
                    faces.write(root.resolve(IMAGES).resolve(file), im[0], im[1]);
                }
            }
        }
        Map<String, MatFile.Value> variables = new LinkedHashMap<>();
        variables.put("splits", new MatFile.Cell(new int[] {10, 1}, splits));
        Files.createDirectories(root.resolve("AgeDB_FINAL_protocol"));
        Files.write(root.resolve("AgeDB_FINAL_protocol").resolve(PROTOCOL_FILE), MatFile.write(variables));
        return root;
    }

    private static String name(int person, int image) {
        return PEOPLE.get(person) + "_" + image + "_" + age(person, image) + "_" + (person % 2 == 0 ? "f" : "m") + "_0";
    }

    private static int age(int person, int image) {
        return 20 + person + 31 * image;
    }

    private static MatFile.Value entry(String name) {
        String[] f = name.split("_");
        return new MatFile.Cell(new int[] {2, 1}, List.of(new MatFile.Text(name),
                new MatFile.Numbers(new int[] {1, 1}, new double[] {Double.parseDouble(f[2])})));
    }
}
