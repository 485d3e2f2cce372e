package org.touchstone.protocols.importers.lfw;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.touchstone.protocols.importers.DatasetImporter;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;
import org.touchstone.protocols.importers.ImporterOption;
import org.touchstone.protocols.importers.support.FixtureFaces;
import org.touchstone.protocols.importers.support.ImportedDataset;
import org.touchstone.protocols.importers.support.OfficialFiles;
import org.touchstone.protocols.importers.support.TextLines;

/**
 * LFW from the user's copy: View 2 ({@code pairs.txt}: a header {@code 10<TAB>300}, then per fold 300
 * matched and 300 mismatched lines) as the list {@value #VIEW2} with the official folds, and, when present,
 * View 1 ({@code pairsDevTrain.txt}, {@code pairsDevTest.txt}: a header {@code N}, then N matched and N
 * mismatched lines) as {@value #VIEW1_TRAIN} and {@value #VIEW1_TEST}. Images are
 * {@code <variant>/<Name>/<Name>_<NNNN>.jpg} in one of the three alignment variants; sample ids are the file
 * stems ({@code George_W_Bush_0010}), subjects the names. The official files are recognised by the MD5s
 * torchvision checks.
 */
public final class LfwImporter implements DatasetImporter {
    /** The View 2 list (ten folds). */
    public static final String VIEW2 = "lfw-view2";
    /** View 1's training list. */
    public static final String VIEW1_TRAIN = "lfw-view1-train";
    /** View 1's test list. */
    public static final String VIEW1_TEST = "lfw-view1-test";
    /** The image folders of the original, funneled and deep-funneled releases (note '_' against '-'). */
    public static final List<String> VARIANTS = List.of("lfw", "lfw_funneled", "lfw-deepfunneled");

    /** Official files and their MD5s (torchvision's list). */
    private static final Map<String, String> OFFICIAL_MD5 = Map.of(
            "pairs.txt", "9f1ba174e4e1c508ff7cdf10ac338a7d",
            "pairsDevTest.txt", "5132f7440eb68cf58910c8a45a2ac10b",
            "pairsDevTrain.txt", "4f27cbf15b2da4a85c1907eb4181ad21",
            "people.txt", "450f0863dd89e85e73936a6d71a3474b",
            "peopleDevTest.txt", "e4bf5be0a43b5dcd9dc5ccfcb8fb19c5",
            "peopleDevTrain.txt", "54eaac34beb6d042ed3a7d883e247a21",
            "lfw-names.txt", "a6d0a479bd074669f656265a6e693f6d");

    @Override
    public String kind() {
        return "lfw";
    }

    @Override
    public String expectedFolder() {
        return "the folder holding pairs.txt (and pairsDevTrain.txt, pairsDevTest.txt for View 1) and an image folder"
                + " lfw/, lfw_funneled/ or lfw-deepfunneled/ of <Name>/<Name>_<NNNN>.jpg (torchvision's lfw-py/ as is)";
    }

    @Override
    public List<ImporterOption> options() {
        return List.of(new ImporterOption("images", "the image folder: auto (the one present), "
                + String.join(", ", VARIANTS) + ", or another folder name inside the source", "auto"));
    }

    @Override
    public ImportReport importDataset(ImportRequest request) throws ImportException, IOException {
        Path source = request.source();
        if (!Files.isDirectory(source)) {
            throw new ImportException(source, 0, "not a folder; expected " + expectedFolder());
        }
        Path pairsFile = source.resolve("pairs.txt");
        if (!Files.isRegularFile(pairsFile)) {
            throw new ImportException(source, 0, "no pairs.txt (LFW View 2); expected " + expectedFolder());
        }
        String variant = imageFolder(source, request.option("images"));
        ImportedDataset dataset = new ImportedDataset(kind(), source.resolve(variant), request.out());
        for (String name : List.of("pairs.txt", "pairsDevTrain.txt", "pairsDevTest.txt", "people.txt",
                "peopleDevTrain.txt", "peopleDevTest.txt", "lfw-names.txt")) {
            if (Files.isRegularFile(source.resolve(name))) {
                dataset.protocolFile(OfficialFiles.recognise(source.resolve(name), "MD5", OFFICIAL_MD5.get(name),
                        "LFW " + name));
            }
        }
        dataset.note("images from " + variant + "/ (" + switch (variant) {
            case "lfw" -> "the original release";
            case "lfw_funneled" -> "the funneled release";
            case "lfw-deepfunneled" -> "the deep-funneled release";
            default -> "a folder of the user's naming";
        } + ")");
        dataset.pairList(VIEW2, view2(TextLines.read(pairsFile), dataset), true);
        for (String[] view1 : new String[][] {{"pairsDevTrain.txt", VIEW1_TRAIN}, {"pairsDevTest.txt", VIEW1_TEST}}) {
            Path file = source.resolve(view1[0]);
            if (Files.isRegularFile(file)) {
                dataset.pairList(view1[1], view1(TextLines.read(file), dataset), false);
            }
        }
        return dataset.write();
    }

    /** @return the image folder's name */
    private static String imageFolder(Path source, String option) throws ImportException {
        if (!option.equals("auto")) {
            if (option.contains("/") || option.contains("\\") || option.equals("..")
                    || !Files.isDirectory(source.resolve(option))) {
                throw new ImportException(source, 0, "images=" + option + ": no such folder inside the source");
            }
            return option;
        }
        List<String> present = VARIANTS.stream().filter(v -> Files.isDirectory(source.resolve(v))).toList();
        if (present.isEmpty()) {
            throw new ImportException(source, 0, "no image folder: expected one of " + String.join(", ", VARIANTS)
                    + " (or name yours with --with images=FOLDER)");
        }
        if (present.size() > 1) {
            throw new ImportException(source, 0, "several image folders (" + String.join(", ", present)
                    + "): choose one with --with images=FOLDER; results differ between alignments");
        }
        return present.get(0);
    }

    /** Reads View 2: the header gives folds and pairs per fold; pairs in file order, matched first per fold. */
    static List<ImportedDataset.Pair> view2(TextLines file, ImportedDataset dataset) throws ImportException {
        List<TextLines.Line> lines = file.lines();
        if (lines.isEmpty()) {
            throw new ImportException(file.file(), 0, "empty; expected a header 'folds<TAB>pairs per fold' (10<TAB>300)");
        }
        TextLines.Line header = lines.get(0);
        String[] h = header.fields();
        if (h.length != 2) {
            throw file.problem(header, "expected the header 'folds<TAB>matched pairs per fold' (10<TAB>300)");
        }
        int folds = file.number(h[0], header, "the number of folds");
        int perFold = file.number(h[1], header, "the number of matched pairs per fold");
        if (folds < 2 || perFold < 1) {
            throw file.problem(header, "expected at least 2 folds of at least 1 pair");
        }
        long expected = 1 + 2L * folds * perFold;
        if (lines.size() != expected) {
            TextLines.Line at = lines.get((int) Math.min(lines.size(), expected) - 1);
            throw file.problem(at, "the header promises " + folds + " folds of " + perFold + " matched and " + perFold
                    + " mismatched pairs, " + expected + " lines, but the file has " + lines.size() + " non-blank lines");
        }
        List<ImportedDataset.Pair> pairs = new ArrayList<>();
        int i = 1;
        for (int fold = 1; fold <= folds; fold++) {
            for (int k = 0; k < 2 * perFold; k++, i++) {
                pairs.add(pair(file, lines.get(i), k < perFold, fold, dataset));
            }
        }
        return pairs;
    }

    /** Reads a View 1 file: a header N, then N matched and N mismatched pairs. */
    static List<ImportedDataset.Pair> view1(TextLines file, ImportedDataset dataset) throws ImportException {
        List<TextLines.Line> lines = file.lines();
        if (lines.isEmpty() || lines.get(0).fields().length != 1) {
            throw lines.isEmpty() ? new ImportException(file.file(), 0, "empty; expected a header N (matched pairs)")
                    : file.problem(lines.get(0), "expected the header N (the number of matched pairs)");
        }
        int n = file.number(lines.get(0).fields()[0], lines.get(0), "the number of matched pairs");
        if (lines.size() != 1 + 2 * n) {
            throw file.problem(lines.get(lines.size() - 1), "the header promises " + n + " matched and " + n
                    + " mismatched pairs, " + (1 + 2 * n) + " lines, but the file has " + lines.size());
        }
        List<ImportedDataset.Pair> pairs = new ArrayList<>();
        for (int k = 0; k < 2 * n; k++) {
            pairs.add(pair(file, lines.get(1 + k), k < n, 0, dataset));
        }
        return pairs;
    }

    private static ImportedDataset.Pair pair(TextLines file, TextLines.Line line, boolean matched, int fold,
                                             ImportedDataset dataset) throws ImportException {
        LfwPairLine p = LfwPairLine.parse(file, line, matched);
        if (!p.matched() && p.name1().equals(p.name2())) {
            throw file.problem(line, "a mismatched pair names one person twice");
        }
        return new ImportedDataset.Pair(image(dataset, p.name1(), p.number1()), image(dataset, p.name2(), p.number2()),
                fold, file.file(), line.number());
    }

    private static String image(ImportedDataset dataset, String name, int number) {
        String stem = LfwPairLine.stem(name, number);
        return dataset.image(stem, name, name + "/" + stem + ".jpg", Map.of(), Map.of());
    }

    // ---------------------------------------------------------------------------------------------- fixture

    /**
     * Names of the fixture's people, four per fold: real LFW spellings and their quirks (apostrophes dropped,
     * hyphens kept, single-token names).
     */
    static final List<String> FIXTURE_PEOPLE = List.of(
            "George_W_Bush", "John_Kerry", "Anne_ONeil", "Bono",
            "Sean_OKeefe", "Jean-Pierre_Raffarin", "Abdullah", "Sophie",
            "Aaron_Peirsol", "Abel_Pacheco", "Adam_Sandler", "Adrien_Brody",
            "Al_Gore", "Alan_Greenspan", "Albert_Costa", "Alejandro_Toledo",
            "Ali_Naimi", "Alvaro_Uribe", "Amelie_Mauresmo", "Ana_Guevara",
            "Andre_Agassi", "Andy_Roddick", "Angela_Merkel", "Ann_Veneman",
            "Ariel_Sharon", "Arnold_Schwarzenegger", "Atal_Bihari_Vajpayee", "Bill_Clinton",
            "Bill_Gates", "Bill_McBride", "Bill_Simon", "Britney_Spears",
            "Carlos_Menem", "Carlos_Moya", "Catherine_Zeta-Jones", "Celine_Dion",
            "Charles_Moose", "Colin_Powell", "Condoleezza_Rice", "David_Beckham");

    /** The fixture's folds, and matched (= mismatched) pairs per fold. */
    static final int FIXTURE_FOLDS = 10;
    static final int FIXTURE_PER_FOLD = 3;
    /** The image the fixture's pairs.txt names but its copy lacks. */
    public static final String FIXTURE_MISSING = "David_Beckham/David_Beckham_0002.jpg";

    @Override
    public Path writeFixture(Path folder) throws IOException {
        FixtureFaces faces = new FixtureFaces(FIXTURE_PEOPLE.size(), 12, 13, 96);
        StringBuilder pairs = new StringBuilder().append(FIXTURE_FOLDS).append('\t').append(FIXTURE_PER_FOLD).append('\n');
        List<int[]> needed = new ArrayList<>(); // {person, number}
        for (int fold = 0; fold < FIXTURE_FOLDS; fold++) {
            int a = 4 * fold;
            String[] p = {FIXTURE_PEOPLE.get(a), FIXTURE_PEOPLE.get(a + 1), FIXTURE_PEOPLE.get(a + 2),
                    FIXTURE_PEOPLE.get(a + 3)};
            // Matched: numbers unpadded, one above 9 (b's 12) as in the real file.
            pairs.append(p[0]).append("\t1\t2\n").append(p[1]).append("\t1\t12\n").append(p[2]).append("\t3\t4\n");
            pairs.append(p[0]).append("\t1\t").append(p[1]).append("\t12\n")
                    .append(p[2]).append("\t3\t").append(p[3]).append("\t1\n")
                    .append(p[3]).append("\t2\t").append(p[0]).append("\t2\n");
            for (int[] im : new int[][] {{a, 1}, {a, 2}, {a + 1, 1}, {a + 1, 12}, {a + 2, 3}, {a + 2, 4},
                    {a + 3, 1}, {a + 3, 2}}) {
                needed.add(im);
            }
        }
        Path images = folder.resolve("lfw");
        for (int[] im : needed) {
            String name = FIXTURE_PEOPLE.get(im[0]);
            String rel = name + "/" + LfwPairLine.stem(name, im[1]) + ".jpg";
            if (!rel.equals(FIXTURE_MISSING)) {
                faces.write(images.resolve(rel), im[0], im[1] - 1);
            }
        }
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("pairs.txt"), pairs, StandardCharsets.US_ASCII);
        // View 1, small: people of folds 1-2 for training, of fold 3 for testing.
        Files.writeString(folder.resolve("pairsDevTrain.txt"), "2\n" + FIXTURE_PEOPLE.get(0) + "\t1\t2\n"
                + FIXTURE_PEOPLE.get(5) + "\t1\t12\n" + FIXTURE_PEOPLE.get(0) + "\t1\t" + FIXTURE_PEOPLE.get(4)
                + "\t1\n" + FIXTURE_PEOPLE.get(1) + "\t1\t" + FIXTURE_PEOPLE.get(5) + "\t12\n", StandardCharsets.US_ASCII);
        Files.writeString(folder.resolve("pairsDevTest.txt"), "1\n" + FIXTURE_PEOPLE.get(8) + "\t1\t2\n"
                + FIXTURE_PEOPLE.get(8) + "\t1\t" + FIXTURE_PEOPLE.get(9) + "\t12\n", StandardCharsets.US_ASCII);
        return folder;
    }
}
