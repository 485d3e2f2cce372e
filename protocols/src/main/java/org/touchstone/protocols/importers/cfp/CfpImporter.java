package org.touchstone.protocols.importers.cfp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.touchstone.protocols.importers.DatasetImporter;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;
import org.touchstone.protocols.importers.support.FixtureFaces;
import org.touchstone.protocols.importers.support.ImportedDataset;
import org.touchstone.protocols.importers.support.TextLines;

/**
 * CFP from the user's {@code cfp-dataset/} folder: {@code Protocol/Pair_list_F.txt} and
 * {@code Pair_list_P.txt} ({@code <index> <path>}, index 1-based, paths officially {@code ../Data/Images/...}
 * relative to {@code Protocol/}; a leading {@code ../} is stripped and the path resolved against the dataset
 * root, so the renamed copies' {@code Data/Images/...} work too), and {@code Protocol/Split/FF|FP/01..10/}
 * {@code same.txt}, {@code diff.txt} ({@code a,b} per line; FF: both frontal indices, FP: frontal then
 * profile). Lists {@value #FF} and {@value #FP}, ten folds each, in split order: fold 1's same then diff
 * pairs, then fold 2's, ... Subjects are the three-digit id folders; group {@code pose} is frontal or profile.
 */
public final class CfpImporter implements DatasetImporter {
    /** The frontal-frontal list. */
    public static final String FF = "cfp-ff";
    /** The frontal-profile list. */
    public static final String FP = "cfp-fp";
    /** Folds of each protocol. */
    public static final int FOLDS = 10;

    private static final Pattern IMAGE = Pattern.compile("Data/Images/([0-9]{3})/(frontal|profile)/([0-9]{2})\\.(jpg|png)");

    @Override
    public String kind() {
        return "cfp";
    }

    @Override
    public String expectedFolder() {
        return "the cfp-dataset folder holding Data/Images/<001..500>/{frontal,profile}/<NN>.jpg and Protocol/"
                + " (Pair_list_F.txt, Pair_list_P.txt, Split/FF and Split/FP with 01..10/same.txt, diff.txt)";
    }

    /** One entry of a Pair_list file. */
    private record Entry(String sampleId, String subject, String path, String pose) {
    }

    @Override
    public ImportReport importDataset(ImportRequest request) throws ImportException, IOException {
        Path root = request.source();
        Path protocol = root.resolve("Protocol");
        if (!Files.isDirectory(protocol)) {
            throw new ImportException(root, 0, "no Protocol/ folder; expected " + expectedFolder());
        }
        ImportedDataset dataset = new ImportedDataset(kind(), root, request.out());
        Map<Integer, Entry> frontal = pairList(protocol, "F", dataset);
        Map<Integer, Entry> profile = pairList(protocol, "P", dataset);
        dataset.pairList(FF, split(protocol, "FF", frontal, frontal, dataset), true);
        dataset.pairList(FP, split(protocol, "FP", frontal, profile, dataset), true);
        dataset.note("folds and pairs from Protocol/Split (same.txt then diff.txt per fold); the reference gives no"
                + " checksums for CFP's files, so they are not recognised as official");
        return dataset.write();
    }

    /** Reads Pair_list_F.txt or Pair_list_P.txt (or a copy's image_list_*.txt): index -> image. */
    private static Map<Integer, Entry> pairList(Path protocol, String letter, ImportedDataset dataset)
            throws ImportException, IOException {
        Path file = protocol.resolve("Pair_list_" + letter + ".txt");
        if (!Files.isRegularFile(file) && Files.isRegularFile(protocol.resolve("image_list_" + letter + ".txt"))) {
            file = protocol.resolve("image_list_" + letter + ".txt");
            dataset.note("read " + file.getFileName() + " (a renamed copy of Pair_list_" + letter + ".txt)");
        }
        TextLines lines = TextLines.read(file);
        Map<Integer, Entry> entries = new HashMap<>();
        for (TextLines.Line line : lines.lines()) {
            String[] f = line.fields();
            if (f.length != 2) {
                throw lines.problem(line, "expected '<index> <path>', such as '1 ../Data/Images/001/frontal/01.jpg'");
            }
            int index = lines.number(f[0], line, "a 1-based image index");
            String path = f[1].replace('\\', '/');
            while (path.startsWith("../") || path.startsWith("./")) {
                path = path.substring(path.indexOf('/') + 1);
            }
            Matcher m = IMAGE.matcher(path);
            if (!m.matches()) {
                throw lines.problem(line, "expected a path Data/Images/<NNN>/<frontal|profile>/<NN>.jpg (optionally"
                        + " after ../)");
            }
            String pose = m.group(2);
            if (!pose.startsWith(letter.equals("F") ? "frontal" : "profile")) {
                throw lines.problem(line, "Pair_list_" + letter + " lists " + (letter.equals("F") ? "frontal" : "profile")
                        + " images only, found a " + pose + " one");
            }
            Entry entry = new Entry(m.group(1) + "-" + pose.charAt(0) + m.group(3), m.group(1), path, pose);
            if (entries.put(index, entry) != null) {
                throw lines.problem(line, "index " + index + " is listed twice");
            }
        }
        return entries;
    }

    /** Reads Split/FF or Split/FP: ten folds, each same.txt then diff.txt. */
    private static List<ImportedDataset.Pair> split(Path protocol, String name, Map<Integer, Entry> first,
                                                    Map<Integer, Entry> second, ImportedDataset dataset)
            throws ImportException, IOException {
        List<ImportedDataset.Pair> pairs = new ArrayList<>();
        for (int fold = 1; fold <= FOLDS; fold++) {
            Path folder = protocol.resolve("Split").resolve(name).resolve(String.format(Locale.ROOT, "%02d", fold));
            for (String file : List.of("same.txt", "diff.txt")) {
                TextLines lines = TextLines.read(folder.resolve(file));
                for (TextLines.Line line : lines.lines()) {
                    String[] f = line.text().split("\\s*,\\s*");
                    if (f.length != 2) {
                        throw lines.problem(line, "expected two image indices 'a,b' separated by a comma");
                    }
                    Entry a = entry(lines, line, first, f[0], "first");
                    Entry b = entry(lines, line, second, f[1], "second");
                    boolean same = file.equals("same.txt");
                    if (a.subject.equals(b.subject) != same) {
                        throw lines.problem(line, (same ? "a pair of same.txt shows two people (" : "a pair of diff.txt"
                                + " shows one person (") + a.path + ", " + b.path + ")");
                    }
                    pairs.add(new ImportedDataset.Pair(register(dataset, a), register(dataset, b), fold,
                            lines.file(), line.number()));
                }
            }
        }
        return pairs;
    }

    private static Entry entry(TextLines lines, TextLines.Line line, Map<Integer, Entry> list, String field,
                               String which) throws ImportException {
        int index = lines.number(field, line, "the " + which + " image index");
        Entry e = list.get(index);
        if (e == null) {
            throw lines.problem(line, "the " + which + " index " + index + " is not in the image list");
        }
        return e;
    }

    private static String register(ImportedDataset dataset, Entry e) {
        return dataset.image(e.sampleId, e.subject, e.path, Map.of(), Map.of("pose", e.pose));
    }

    // ---------------------------------------------------------------------------------------------- fixture

    /** Identities of the fixture: two per fold. */
    static final int FIXTURE_IDS = 2 * FOLDS;
    /** The image the fixture's FP split names but its copy lacks. */
    public static final String FIXTURE_MISSING = "Data/Images/019/profile/02.jpg";

    @Override
    public Path writeFixture(Path folder) throws IOException {
        Path root = folder.resolve("cfp-dataset");
        FixtureFaces faces = new FixtureFaces(FIXTURE_IDS, 14, 17, 96);
        StringBuilder f = new StringBuilder();
        StringBuilder p = new StringBuilder();
        StringBuilder names = new StringBuilder();
        for (int id = 1; id <= FIXTURE_IDS; id++) {
            names.append("Person ").append(id).append('\n');
            for (int n = 1; n <= 10; n++) {
                f.append((id - 1) * 10 + n).append(" ../Data/Images/").append(String.format(Locale.ROOT, "%03d/frontal/%02d.jpg", id, n)).append('\n');
            }
            for (int n = 1; n <= 4; n++) {
                p.append((id - 1) * 4 + n).append(" ../Data/Images/").append(String.format(Locale.ROOT, "%03d/profile/%02d.jpg", id, n)).append('\n');
            }
            for (int n = 1; n <= 3; n++) {
                faces.write(root.resolve(String.format(Locale.ROOT, "Data/Images/%03d/frontal/%02d.jpg", id, n)), id - 1, n - 1);
            }
            for (int n = 1; n <= 2; n++) {
                String rel = String.format(Locale.ROOT, "Data/Images/%03d/profile/%02d.jpg", id, n);
                if (!rel.equals(FIXTURE_MISSING)) {
                    faces.write(root.resolve(rel), id - 1, 10 + n - 1);
                }
            }
        }
        Files.createDirectories(root.resolve("Protocol"));
        Files.writeString(root.resolve("Data/list_name.txt"), names, StandardCharsets.US_ASCII);
        Files.writeString(root.resolve("Protocol/Pair_list_F.txt"), f, StandardCharsets.US_ASCII);
        Files.writeString(root.resolve("Protocol/Pair_list_P.txt"), p, StandardCharsets.US_ASCII);
        for (int fold = 1; fold <= FOLDS; fold++) {
            int a = 2 * fold - 1;
            int b = 2 * fold;
            // Frontal index of (id, n): (id-1)*10+n; profile: (id-1)*4+n.
            String ffSame = fi(a, 1) + "," + fi(a, 2) + "\n" + fi(b, 1) + "," + fi(b, 3) + "\n";
            String ffDiff = fi(a, 1) + "," + fi(b, 2) + "\n" + fi(a, 3) + "," + fi(b, 1) + "\n";
            String fpSame = fi(a, 1) + "," + pi(a, 1) + "\n" + fi(b, 2) + "," + pi(b, 2) + "\n";
            String fpDiff = fi(a, 2) + "," + pi(b, 1) + "\n" + fi(b, 3) + "," + pi(a, 2) + "\n";
            writeSplit(root, "FF", fold, ffSame, ffDiff);
            writeSplit(root, "FP", fold, fpSame, fpDiff);
        }
        return root;
    }

    private static int fi(int id, int n) {
        return (id - 1) * 10 + n;
    }

    private static int pi(int id, int n) {
        return (id - 1) * 4 + n;
    }

    private static void writeSplit(Path root, String protocol, int fold, String same, String diff) throws IOException {
        Path folder = Files.createDirectories(root.resolve("Protocol/Split").resolve(protocol)
                .resolve(String.format(Locale.ROOT, "%02d", fold)));
        Files.writeString(folder.resolve("same.txt"), same, StandardCharsets.US_ASCII);
        Files.writeString(folder.resolve("diff.txt"), diff, StandardCharsets.US_ASCII);
    }
}
