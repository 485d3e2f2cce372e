package org.touchstone.protocols.importers.crosslfw;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * What CALFW and CPLFW share: {@code pairs_<NAME>.txt} holds one image per line with a token, lines 2k-1 and
 * 2k forming pair k; the first half of the pairs are positives, the second half negatives; ten folds by the
 * common convention (each half cut into ten equal consecutive parts; recorded as a note in the manifest,
 * since the negatives' folds are not encoded in the file). The person is the file name without its image
 * number.
 */
abstract class TwoLinePairsImporter implements DatasetImporter {
    /** Folds of the convention. */
    static final int FOLDS = 10;

    /** @return the release folder's name and the pair file's suffix, e.g. {@code CALFW} */
    abstract String upperName();

    /** @return the image-name pattern: group 1 the person, group 2 the number */
    abstract Pattern imageName();

    /**
     * Checks one line's token and returns the fold it states, or 0 when it states none.
     *
     * @param positive whether the line belongs to a positive pair (by its place in the file)
     */
    abstract int foldOfToken(TextLines lines, TextLines.Line line, String token, boolean positive)
            throws ImportException;

    /** @return the official pair file's SHA-256, or null when the reference gives none */
    abstract String officialSha256();

    /** @return the file name of image {@code number} of {@code person} in the fixture */
    abstract String fixtureName(String person, int number);

    /** @return the list's name */
    String listName() {
        return kind();
    }

    @Override
    public String expectedFolder() {
        return "the " + kind() + " folder holding pairs_" + upperName() + ".txt and the images in 'aligned images/'"
                + " (folder name with a space)";
    }

    @Override
    public List<ImporterOption> options() {
        return List.of(new ImporterOption("images", "the image folder inside the source", "aligned images"));
    }

    @Override
    public ImportReport importDataset(ImportRequest request) throws ImportException, IOException {
        Path source = request.source();
        Path pairsFile = source.resolve("pairs_" + upperName() + ".txt");
        if (!Files.isRegularFile(pairsFile)) {
            throw new ImportException(source, 0, "no pairs_" + upperName() + ".txt; expected " + expectedFolder());
        }
        String images = request.option("images");
        if (images.contains("..") || !Files.isDirectory(source.resolve(images))) {
            throw new ImportException(source, 0, "no image folder '" + images + "' (set it with --with images=FOLDER)");
        }
        ImportedDataset dataset = new ImportedDataset(kind(), source.resolve(images), request.out());
        if (officialSha256() != null) {
            dataset.protocolFile(OfficialFiles.recognise(pairsFile, "SHA-256", officialSha256(),
                    upperName() + " pairs_" + upperName() + ".txt"));
        }
        TextLines lines = TextLines.read(pairsFile);
        int n = lines.lines().size();
        if (n == 0 || n % 2 != 0 || (n / 2) % (2 * FOLDS) != 0) {
            throw new ImportException(pairsFile, n == 0 ? 0 : lines.lines().get(n - 1).number(), "expected two lines per"
                    + " pair and a number of pairs divisible by " + (2 * FOLDS) + " (half positive, half negative, ten"
                    + " folds each; 6,000 pairs officially), found " + n + " non-blank lines");
        }
        int pairs = n / 2;
        int perFold = pairs / 2 / FOLDS;
        List<ImportedDataset.Pair> list = new ArrayList<>();
        for (int k = 0; k < pairs; k++) {
            boolean positive = k < pairs / 2;
            int fold = (positive ? k : k - pairs / 2) / perFold + 1;
            TextLines.Line first = lines.lines().get(2 * k);
            TextLines.Line second = lines.lines().get(2 * k + 1);
            String[] a = fields(lines, first);
            String[] b = fields(lines, second);
            for (TextLines.Line line : List.of(first, second)) {
                int stated = foldOfToken(lines, line, line.fields()[1], positive);
                if (stated != 0 && stated != fold) {
                    throw lines.problem(line, "the token says fold " + stated + " but pair " + (k + 1)
                            + " belongs to fold " + fold + " by its place (" + perFold + " positive pairs per fold, in"
                            + " order)");
                }
            }
            Matcher ma = name(lines, first, a[0]);
            Matcher mb = name(lines, second, b[0]);
            if (ma.group(1).equals(mb.group(1)) != positive) {
                throw lines.problem(second, "pair " + (k + 1) + " is a " + (positive ? "positive" : "negative")
                        + " by its place in the file but shows " + (positive ? "two people" : "one person"));
            }
            list.add(new ImportedDataset.Pair(register(dataset, a[0], ma), register(dataset, b[0], mb), fold,
                    pairsFile, first.number()));
        }
        dataset.note("folds by the common convention (FaceX-Zoo): fold k = positive pairs [" + perFold + "(k-1), "
                + perFold + "k) and negative pairs [" + (pairs / 2) + "+" + perFold + "(k-1), " + (pairs / 2) + "+" + perFold
                + "k); the file does not encode the negatives' folds");
        dataset.pairList(listName(), list, true);
        return dataset.write();
    }

    private static String[] fields(TextLines lines, TextLines.Line line) throws ImportException {
        String[] f = line.fields();
        if (f.length != 2) {
            throw lines.problem(line, "expected '<image file> <token>'");
        }
        return f;
    }

    private Matcher name(TextLines lines, TextLines.Line line, String file) throws ImportException {
        Matcher m = imageName().matcher(file);
        if (!m.matches()) {
            throw lines.problem(line, "expected an image name like " + fixtureName("Carl_Reiner", 1));
        }
        return m;
    }

    private static String register(ImportedDataset dataset, String file, Matcher m) {
        String stem = file.substring(0, file.lastIndexOf('.'));
        return dataset.image(stem, m.group(1), file, Map.of(), Map.of());
    }

    // ---------------------------------------------------------------------------------------------- fixture

    /** People of the fixture: two per fold for positives (plus the negatives' partners). */
    static final List<String> PEOPLE = List.of("Carl_Reiner", "AJ_Cook", "Aaron_Eckhart", "Abdullah_Gul",
            "Adam_Scott", "Adrian_Nastase", "Al_Pacino", "Alan_Ball", "Albert_Brooks", "Alec_Baldwin",
            "Alex_Barros", "Ali_Abbas", "Alicia_Keys", "Amanda_Bynes", "Amy_Brenneman", "Ana_Palacio",
            "Andrea_Bocelli", "Andy_Garcia", "Angelina_Jolie", "Anna_Kournikova");

    /** The token of a fixture line. */
    abstract String fixtureToken(boolean positive, int fold);

    /** The image the fixture's pair file names but its copy lacks. */
    String fixtureMissing() {
        return fixtureName(PEOPLE.get(19), 2);
    }

    @Override
    public Path writeFixture(Path folder) throws IOException {
        Path root = folder.resolve(kind());
        Path images = root.resolve("aligned images");
        FixtureFaces faces = new FixtureFaces(PEOPLE.size(), 4, 23, 96);
        StringBuilder positives = new StringBuilder();
        StringBuilder negatives = new StringBuilder();
        for (int fold = 1; fold <= FOLDS; fold++) {
            int a = 2 * (fold - 1);
            int b = a + 1;
            String pa = PEOPLE.get(a);
            String pb = PEOPLE.get(b);
            String plus = fixtureToken(true, fold);
            String minus = fixtureToken(false, fold);
            // Three positives and three negatives per fold, two lines each.
            positives.append(fixtureName(pa, 1)).append(' ').append(plus).append('\n')
                    .append(fixtureName(pa, 2)).append(' ').append(plus).append('\n')
                    .append(fixtureName(pb, 1)).append(' ').append(plus).append('\n')
                    .append(fixtureName(pb, 2)).append(' ').append(plus).append('\n')
                    .append(fixtureName(pa, 3)).append(' ').append(plus).append('\n')
                    .append(fixtureName(pa, 1)).append(' ').append(plus).append('\n');
            negatives.append(fixtureName(pa, 1)).append(' ').append(minus).append('\n')
                    .append(fixtureName(pb, 1)).append(' ').append(minus).append('\n')
                    .append(fixtureName(pa, 2)).append(' ').append(minus).append('\n')
                    .append(fixtureName(pb, 2)).append(' ').append(minus).append('\n')
                    .append(fixtureName(pb, 1)).append(' ').append(minus).append('\n')
                    .append(fixtureName(pa, 3)).append(' ').append(minus).append('\n');
            for (int[] im : new int[][] {{a, 1}, {a, 2}, {a, 3}, {b, 1}, {b, 2}}) {
                String name = fixtureName(PEOPLE.get(im[0]), im[1]);
                if (!name.equals(fixtureMissing())) {
                    faces.write(images.resolve(name), im[0], im[1] - 1);
                }
            }
        }
        writeQuirks(images, faces);
        Files.writeString(root.resolve("pairs_" + upperName() + ".txt"), positives.append(negatives),
                StandardCharsets.US_ASCII);
        return root;
    }

    /** Writes files of the release that no pair uses (malformed upstream names, for instance). */
    void writeQuirks(Path images, FixtureFaces faces) throws IOException {
    }
}
