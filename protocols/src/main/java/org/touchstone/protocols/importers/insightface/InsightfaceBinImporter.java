package org.touchstone.protocols.importers.insightface;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
import org.touchstone.protocols.importers.support.FixtureFaces;
import org.touchstone.protocols.importers.support.ImportedDataset;
import org.touchstone.runformat.io.AtomicFiles;

/**
 * An insightface verification pack ({@code lfw.bin}, {@code cfp_fp.bin}, {@code agedb_30.bin}, ...): images
 * 2i and 2i+1 form pair i, labelled by {@code issame_list[i]}. The pack holds its images, so they are written
 * once under {@code DIR/images/<pack>/} (the only import that writes images). It holds no identities: each
 * pair's sides get subjects {@code p<i>} (a genuine pair) or {@code p<i>a}/{@code p<i>b} (an impostor pair),
 * so subject-level statistics (the bootstrap) mean pairs, not people. It holds no folds: ten folds are cut
 * sequentially in pack order, as insightface does ({@code KFold(10, shuffle=False)}), which are the official
 * folds only when the pack keeps the protocol's order (lfw.bin, agedb_30.bin); the import warns when a fold
 * has only one kind of pair. The list is named for the built-in protocol of the same benchmark
 * ({@code lfw.bin} -> {@code lfw-view2}, {@code cfp_fp.bin} -> {@code cfp-fp}, ...), so that protocol runs on it.
 * An element that is neither JPEG nor PNG is a missing image (a failure to acquire).
 */
public final class InsightfaceBinImporter implements DatasetImporter {
    /** Folds cut from the pack order. */
    public static final int FOLDS = 10;
    /** Pack file stem -> list name (the built-in protocol's {@code dataset_list}). */
    public static final Map<String, String> LIST_OF_PACK = Map.of("lfw", "lfw-view2", "cfp_fp", "cfp-fp",
            "cfp_ff", "cfp-ff", "agedb_30", "agedb30", "calfw", "calfw", "cplfw", "cplfw");

    @Override
    public String kind() {
        return "insightface-bin";
    }

    @Override
    public String expectedFolder() {
        return "an insightface verification pack file (lfw.bin, cfp_fp.bin, cfp_ff.bin, agedb_30.bin, calfw.bin,"
                + " cplfw.bin, ...): SOURCE is the .bin file itself";
    }

    @Override
    public ImportReport importDataset(ImportRequest request) throws ImportException, IOException {
        Path pack = request.source();
        if (!Files.isRegularFile(pack) || !pack.getFileName().toString().endsWith(".bin")) {
            throw new ImportException(pack, 0, "expected " + expectedFolder());
        }
        String stem = pack.getFileName().toString().replaceFirst("\\.bin$", "");
        String list = LIST_OF_PACK.getOrDefault(stem, stem.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-"));
        PackUnpickler.Pack contents;
        try (InputStream in = Files.newInputStream(pack)) {
            contents = PackUnpickler.read(new BufferedInputStream(in));
        } catch (IOException e) {
            throw new ImportException(pack, 0, "not a readable insightface pack: " + e.getMessage());
        }
        int pairs = contents.issame().size();
        if (contents.images().size() != 2 * pairs) {
            throw new ImportException(pack, 0, "the pack has " + contents.images().size() + " images for " + pairs
                    + " labels; expected two images per pair");
        }
        if (pairs < FOLDS) {
            throw new ImportException(pack, 0, "the pack has " + pairs + " pairs, fewer than the " + FOLDS + " folds");
        }
        Path out = request.out().toAbsolutePath().normalize();
        ImportedDataset dataset = new ImportedDataset(kind(), out, out);
        Path folder = Files.createDirectories(out.resolve("images").resolve(stem));
        List<ImportedDataset.Pair> list2 = new ArrayList<>();
        int[] genuinePerFold = new int[FOLDS + 1];
        int[] pairsPerFold = new int[FOLDS + 1];
        int undecodable = 0;
        for (int i = 0; i < pairs; i++) {
            boolean same = contents.issame().get(i);
            // sklearn's KFold without shuffling: the first (n mod k) folds are one pair longer.
            int fold = foldOf(i, pairs);
            pairsPerFold[fold]++;
            if (same) {
                genuinePerFold[fold]++;
            }
            String[] ids = new String[2];
            for (int side = 0; side < 2; side++) {
                byte[] image = contents.images().get(2 * i + side);
                String extension = isJpeg(image) ? "jpg" : isPng(image) ? "png" : null;
                String name = String.format(Locale.ROOT, "%05d.%s", 2 * i + side, extension == null ? "jpg" : extension);
                if (extension != null) {
                    AtomicFiles.write(folder.resolve(name), image);
                } else {
                    undecodable++; // left unwritten: marked missing, a failure to acquire
                }
                String subject = same ? "p" + i : "p" + i + (side == 0 ? "a" : "b");
                ids[side] = dataset.image(stem + "-" + String.format(Locale.ROOT, "%05d", 2 * i + side), subject,
                        "images/" + stem + "/" + name, Map.of(), Map.of());
            }
            list2.add(new ImportedDataset.Pair(ids[0], ids[1], fold, pack, 0));
        }
        dataset.pairList(list, list2, true);
        dataset.note("folds cut sequentially in pack order (as insightface's KFold(10, shuffle=False)); they are the"
                + " official folds only if the pack keeps the protocol's order (lfw.bin from pairs.txt, agedb_30.bin from"
                + " the .mat splits); the order of cfp_*.bin, calfw.bin and cplfw.bin packs is unverified");
        dataset.note("the pack holds no identities: each pair has its own subjects, so subject-level statistics are"
                + " per pair");
        for (int f = 1; f <= FOLDS; f++) {
            if (genuinePerFold[f] == 0 || genuinePerFold[f] == pairsPerFold[f]) {
                dataset.note(String.format(Locale.ROOT, "WARNING: sequential fold %d holds only %s pairs: the pack is"
                        + " not in fold order (e.g. all positives first), so per-fold thresholds are meaningless for it",
                        f, genuinePerFold[f] == 0 ? "impostor" : "genuine"));
            }
        }
        if (undecodable > 0) {
            dataset.note(undecodable + " element(s) of the pack are neither JPEG nor PNG: treated as missing images");
        }
        return dataset.write();
    }

    /** @return the 1-based fold of pair {@code i} of {@code n} under KFold(10) without shuffling */
    static int foldOf(int i, int n) {
        int base = n / FOLDS;
        int longer = n % FOLDS;
        int boundary = longer * (base + 1);
        return i < boundary ? i / (base + 1) + 1 : longer + (i - boundary) / base + 1;
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
    }

    private static boolean isPng(byte[] b) {
        return b.length > 4 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    // ---------------------------------------------------------------------------------------------- fixture

    /** Pairs in the fixture pack: per fold one genuine and one impostor pair. */
    static final int FIXTURE_PAIRS = 2 * FOLDS;

    /**
     * Writes {@code lfw.bin}: a protocol-3 pickle whose first half of images are numpy arrays (the
     * {@code cv2.imencode} form) and second half raw bytes, with one empty element (undecodable: missing).
     */
    @Override
    public Path writeFixture(Path folder) throws IOException {
        FixtureFaces faces = new FixtureFaces(2 * FIXTURE_PAIRS, 2, 31, 112);
        List<byte[]> images = new ArrayList<>();
        List<Boolean> issame = new ArrayList<>();
        for (int i = 0; i < FIXTURE_PAIRS; i++) {
            boolean same = i % 2 == 0;
            issame.add(same);
            images.add(faces.encode(2 * i, 0, false));
            images.add(same ? faces.encode(2 * i, 1, false) : faces.encode(2 * i + 1, 0, false));
        }
        images.set(2 * FIXTURE_PAIRS - 1, new byte[0]);
        Files.createDirectories(folder);
        Path pack = folder.resolve("lfw.bin");
        Files.write(pack, pickle(images, issame));
        return pack;
    }

    /** A minimal protocol-3 pickle writer for fixtures, emitting the opcodes insightface's packs use. */
    static byte[] pickle(List<byte[]> images, List<Boolean> issame) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80);
        out.write(3);
        out.write(']'); // bins
        out.write('(');
        for (int i = 0; i < images.size(); i++) {
            byte[] image = images.get(i);
            if (i < images.size() / 2) {
                global(out, "numpy.core.multiarray", "_reconstruct");
                global(out, "numpy", "ndarray");
                out.write('K');
                out.write(0);
                out.write(0x85);
                out.write('C');
                out.write(1);
                out.write('b');
                out.write(0x87);
                out.write('R');
                // state: (1, (len, 1), dtype('u1'), False, bytes)
                out.write('(');
                out.write('K');
                out.write(1);
                out.write('J');
                int4(out, image.length);
                out.write('K');
                out.write(1);
                out.write(0x86);
                global(out, "numpy", "dtype");
                unicode(out, "u1");
                out.write(0x89);
                out.write(0x88);
                out.write(0x87);
                out.write('R');
                out.write('(');
                out.write('K');
                out.write(3);
                unicode(out, "|");
                out.write('N');
                out.write('N');
                out.write('N');
                out.write('J');
                int4(out, -1);
                out.write('J');
                int4(out, -1);
                out.write('K');
                out.write(0);
                out.write('t');
                out.write('b');
                out.write(0x89);
                binbytes(out, image);
                out.write('t');
                out.write('b');
            } else {
                binbytes(out, image);
            }
        }
        out.write('e');
        out.write(']'); // issame_list
        out.write('(');
        issame.forEach(b -> out.write(b ? 0x88 : 0x89));
        out.write('e');
        out.write(0x86);
        out.write('.');
        return out.toByteArray();
    }

    private static void global(ByteArrayOutputStream out, String module, String name) {
        out.write('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static void unicode(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write('X'); // BINUNICODE, as protocol 3 writes it
        int4(out, b.length);
        out.writeBytes(b);
    }

    private static void binbytes(ByteArrayOutputStream out, byte[] b) {
        out.write('B');
        int4(out, b.length);
        out.writeBytes(b);
    }

    private static void int4(ByteArrayOutputStream out, int v) {
        for (int i = 0; i < 4; i++) {
            out.write((v >>> (8 * i)) & 0xff);
        }
    }
}
