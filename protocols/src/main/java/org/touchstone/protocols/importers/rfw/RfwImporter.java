package org.touchstone.protocols.importers.rfw;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.touchstone.protocols.importers.DatasetImporter;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;
import org.touchstone.protocols.importers.lfw.LfwPairLine;
import org.touchstone.protocols.importers.support.FixtureFaces;
import org.touchstone.protocols.importers.support.ImportedDataset;
import org.touchstone.protocols.importers.support.TextLines;

/**
 * RFW from the user's copy of {@code test.tar.gz}: for each race, {@code test/txts/<Race>/<Race>_pairs.txt}
 * (LFW's pair lines without the header: per fold its genuine then its impostor lines, ten folds; numbers
 * unpadded, padded to four digits in file names) over {@code test/data/<Race>/<m.id>/<m.id>_<NNNN>.jpg}.
 * One list {@value #LIST} holds the four races' pairs, each with its race's fold (1-10), race after race;
 * every sample has the group {@code race} (African, Asian, Caucasian, Indian). The subject is the Freebase
 * MID, so a MID listed under two races (a known quirk) is one person in both; sample ids are
 * {@code <Race>/<m.id>_<NNNN>}, so its images stay apart.
 */
public final class RfwImporter implements DatasetImporter {
    /** The list of all four races' pairs. */
    public static final String LIST = "rfw";
    /** The races, in the order of the list. */
    public static final List<String> RACES = List.of("African", "Asian", "Caucasian", "Indian");
    /** Folds per race. */
    public static final int FOLDS = 10;

    @Override
    public String kind() {
        return "rfw";
    }

    @Override
    public String expectedFolder() {
        return "the folder holding test/ of RFW's test.tar.gz: test/txts/<Race>/<Race>_pairs.txt and"
                + " test/data/<Race>/<m.id>/<m.id>_<NNNN>.jpg for African, Asian, Caucasian and Indian";
    }

    @Override
    public ImportReport importDataset(ImportRequest request) throws ImportException, IOException {
        Path source = request.source();
        Path test = Files.isDirectory(source.resolve("test")) ? source.resolve("test") : source;
        if (!Files.isDirectory(test.resolve("txts")) || !Files.isDirectory(test.resolve("data"))) {
            throw new ImportException(source, 0, "no test/txts and test/data; expected " + expectedFolder());
        }
        ImportedDataset dataset = new ImportedDataset(kind(), test.resolve("data"), request.out());
        List<ImportedDataset.Pair> pairs = new ArrayList<>();
        for (String race : RACES) {
            pairs.addAll(race(test, race, dataset));
        }
        dataset.note("one list, race after race, each pair with its race's fold; impostor pairs are within one race,"
                + " so the races' false match rates are within-race rates");
        dataset.pairList(LIST, pairs, true);
        return dataset.write();
    }

    private static List<ImportedDataset.Pair> race(Path test, String race, ImportedDataset dataset)
            throws ImportException, IOException {
        TextLines lines = TextLines.read(test.resolve("txts").resolve(race).resolve(race + "_pairs.txt"));
        int n = lines.lines().size();
        if (n == 0 || n % (2 * FOLDS) != 0) {
            throw new ImportException(lines.file(), n == 0 ? 0 : lines.lines().get(n - 1).number(), "expected ten folds"
                    + " of as many genuine as impostor lines (6,000 lines officially, no header), found " + n + " lines");
        }
        int perHalf = n / (2 * FOLDS);
        List<ImportedDataset.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TextLines.Line line = lines.lines().get(i);
            int fold = i / (2 * perHalf) + 1;
            boolean genuine = i % (2 * perHalf) < perHalf;
            LfwPairLine p = LfwPairLine.parse(lines, line, genuine);
            if (!p.matched() && p.name1().equals(p.name2())) {
                throw lines.problem(line, "an impostor pair names one identity twice");
            }
            pairs.add(new ImportedDataset.Pair(image(dataset, race, p.name1(), p.number1()),
                    image(dataset, race, p.name2(), p.number2()), fold, lines.file(), line.number()));
        }
        return pairs;
    }

    private static String image(ImportedDataset dataset, String race, String mid, int number) {
        String stem = LfwPairLine.stem(mid, number);
        return dataset.image(race + "/" + stem, mid, race + "/" + mid + "/" + stem + ".jpg", Map.of(),
                Map.of("race", race));
    }

    // ---------------------------------------------------------------------------------------------- fixture

    /** The image the fixture's Indian pair file names but its copy lacks. */
    public static final String FIXTURE_MISSING = "Indian/m.0ind19/m.0ind19_0002.jpg";
    /** A MID listed under two races in the fixture, as in the real data. */
    public static final String FIXTURE_TWO_RACE_MID = "m.023915";

    @Override
    public Path writeFixture(Path folder) throws IOException {
        Path test = folder.resolve("test");
        FixtureFaces faces = new FixtureFaces(4 * 20, 12, 29, 96);
        for (int r = 0; r < RACES.size(); r++) {
            String race = RACES.get(r);
            String prefix = "m.0" + race.substring(0, 3).toLowerCase(Locale.ROOT);
            StringBuilder pairs = new StringBuilder();
            for (int fold = 1; fold <= FOLDS; fold++) {
                String a = prefix + (2 * fold - 1 < 10 ? "0" : "") + (2 * fold - 1);
                String b = prefix + (2 * fold < 10 ? "0" : "") + (2 * fold);
                if (r <= 1 && fold == 1) {
                    a = FIXTURE_TWO_RACE_MID; // under African and Asian, as 12-13 real MIDs are under two races
                }
                pairs.append(a).append("\t1\t2\n").append(b).append("\t1\t11\n")
                        .append(a).append('\t').append(1).append('\t').append(b).append("\t11\n")
                        .append(b).append("\t2\t").append(a).append("\t2\n");
                int identityA = 20 * r + 2 * fold - 2;
                int identityB = identityA + 1;
                for (int[] im : new int[][] {{identityA, 1}, {identityA, 2}, {identityB, 1}, {identityB, 11},
                        {identityB, 2}}) {
                    String mid = im[0] == identityA ? a : b;
                    String rel = race + "/" + mid + "/" + LfwPairLine.stem(mid, im[1]) + ".jpg";
                    if (!rel.equals(FIXTURE_MISSING)) {
                        faces.write(test.resolve("data").resolve(rel), im[0], im[1] - 1);
                    }
                }
            }
            Path txts = Files.createDirectories(test.resolve("txts").resolve(race));
            Files.writeString(txts.resolve(race + "_pairs.txt"), pairs, StandardCharsets.US_ASCII);
        }
        return folder;
    }
}
