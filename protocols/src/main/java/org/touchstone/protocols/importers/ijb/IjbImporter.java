package org.touchstone.protocols.importers.ijb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.touchstone.protocols.dataset.ImageCheck;
import org.touchstone.protocols.importers.ImporterOption;
import java.util.Map;
import org.touchstone.protocols.importers.DatasetImporter;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;
import org.touchstone.protocols.importers.support.ImportedDataset;
import org.touchstone.protocols.importers.support.OfficialFiles;
import org.touchstone.protocols.importers.support.SourceImage;

/**
 * {@code touchstone dataset import ijbb|ijbc}: insightface's {@code IJB_release} (see {@link IjbImport}), whose image
 * root is the release folder, or NIST's own layout (see {@link NistImport}), whose faces are cropped into the
 * output folder; option {@code layout} picks one ({@code auto}: insightface's when its {@code meta/} is found). Both
 * write the same template-level lists, for {@code ijbc-1to1@1.0.0} and the 1:N protocols.
 */
public abstract class IjbImporter implements DatasetImporter {
    private final IjbVariant variant;

    /** @param variant IJB-B or IJB-C */
    protected IjbImporter(IjbVariant variant) {
        this.variant = variant;
    }

    @Override
    public String kind() {
        return variant.kind();
    }

    @Override
    public String expectedFolder() {
        String k = variant.kind();
        return "insightface's IJB_release (or IJB_release/" + variant.folder() + "): meta/" + k + "_face_tid_mid.txt,"
                + " meta/" + k + "_template_pair_label.txt, loose_crop/<n>.jpg; 1:N lists " + k + "_1N_*.csv optional;"
                + " or NIST's " + NistLayout.nistFolder(variant) + " (images/, protocols/test1|test2|test4/ or protocols/"
                + k + "_1N_*.csv + " + k + "_11_*_matches.csv)";
    }

    /** The {@code layout} option's values. */
    public static final String LAYOUT = "layout";
    /** Which 1:1 file set of NIST's layout to read. */
    public static final String NIST_1TO1 = "nist-1to1";
    /** The crop margin of NIST's layout. */
    public static final String MARGIN = "margin";
    /** The largest frame decoded in NIST's layout. */
    public static final String MAX_PIXELS = "max-pixels";

    @Override
    public List<ImporterOption> options() {
        return List.of(
                new ImporterOption(LAYOUT, "insightface (IJB_release: loose_crop/, meta/), nist (NIST's images/ and"
                        + " protocols/ CSV files, faces cropped from full frames), or auto: insightface if meta/ is"
                        + " found, else nist", "auto"),
                new ImporterOption(NIST_1TO1, "nist layout: the 1:1 files, test1 or test2 (protocols/testN/), files"
                        + " (the older " + variant.kind() + "_11_*_matches.csv set), or auto: test1 if present, else"
                        + " files", "auto"),
                new ImporterOption(MARGIN, "nist layout: crop margin on each side, a fraction of the face box",
                        Double.toString(FaceBox.DEFAULT_MARGIN)),
                new ImporterOption(MAX_PIXELS, "nist layout: largest frame decoded (width x height); a larger one is"
                        + " a failure to acquire of its faces", Long.toString(ImageCheck.DEFAULT_MAX_PIXELS)));
    }

    @Override
    public ImportReport importDataset(ImportRequest request) throws ImportException, IOException {
        String layout = request.option(LAYOUT);
        Optional<NistLayout> nist = switch (layout) {
            case "auto" -> {
                if (IjbRelease.find(variant, request.source()).isPresent()) {
                    yield Optional.empty();
                }
                Optional<NistLayout> found = NistLayout.find(variant, request.source());
                if (found.isEmpty()) {
                    throw new ImportException(request.source(), 0, "neither insightface's IJB_release nor NIST's layout:"
                            + " expected meta/" + variant.faceTemplateMediaFile() + " (in it, " + variant.folder()
                            + "/ or IJB_release/" + variant.folder() + "/) or protocols/test1/ or protocols/"
                            + variant.mixedProbeFile() + " (in it, " + NistLayout.nistFolder(variant) + "/ or IJB/"
                            + NistLayout.nistFolder(variant) + "/)");
                }
                yield found;
            }
            case "insightface" -> Optional.empty();
            case "nist" -> Optional.of(NistLayout.locate(variant, request.source()));
            default -> throw new IllegalArgumentException("option layout: expected insightface, nist or auto, found '"
                    + layout + "'");
        };
        ImportedDataset dataset;
        IjbImport.Result result;
        if (nist.isPresent()) {
            dataset = new ImportedDataset(kind(), request.out(), request.out());
            result = NistImport.run(nist.get(), dataset, request.out(), nistSettings(request, nist.get()));
        } else {
            IjbRelease release = IjbRelease.locate(variant, request.source());
            dataset = new ImportedDataset(kind(), release.root(), request.out());
            result = IjbImport.run(release, dataset, "");
            dataset.note("subjects are the connected components of the genuine 1:1 pairs, named after the 1:N lists'"
                    + " SUBJECT_ID where given (s<id>), else after their smallest template id (t<tid>): insightface's"
                    + " meta files carry no subject ids");
        }
        for (SourceImage image : result.images()) {
            dataset.image(image.sampleId(), image.subjectId(), image.sourcePath(), image.labels(), image.groups());
        }
        for (Map.Entry<String, Path> file : result.protocolFiles().entrySet()) {
            // The reference gives no official checksums for IJB's files: record the SHA-256 so runs can be traced.
            dataset.protocolFile(file.getKey() + ": SHA-256 " + OfficialFiles.digest(file.getValue(), "SHA-256")
                    + " (no official checksum known to compare with)");
        }
        dataset.note(String.format(Locale.ROOT, "%,d templates, %,d subjects; 1:1 %,d pairs (%,d genuine, %,d impostor)"
                        + "%s", result.templates(), result.subjects(), result.pairs(), result.genuinePairs(),
                result.impostorPairs(), result.galleryTemplates().isEmpty() ? "; no 1:N lists in the copy"
                        : "; 1:N galleries " + result.galleryTemplates() + ", " + result.mixedProbes() + " mixed probes"));
        if (result.templatesWithoutImages() > 0) {
            dataset.note(String.format(Locale.ROOT, "%,d template(s) have none of their images in the copy: each is a"
                    + " failure to acquire, its pairs non-matches", result.templatesWithoutImages()));
        }
        return dataset.write();
    }

    private NistImport.Settings nistSettings(ImportRequest request, NistLayout layout) {
        String set = request.option(NIST_1TO1);
        NistLayout.FileSet fileSet = set.equals("auto") ? layout.defaultFileSet()
                : java.util.Arrays.stream(NistLayout.FileSet.values()).filter(f -> f.option().equals(set)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("option " + NIST_1TO1 + ": expected test1, test2, files"
                        + " or auto, found '" + set + "'"));
        double margin;
        long maxPixels;
        try {
            margin = Double.parseDouble(request.option(MARGIN));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + MARGIN + ": expected a number such as 0.2, found '"
                    + request.option(MARGIN) + "'");
        }
        try {
            maxPixels = Long.parseLong(request.option(MAX_PIXELS));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + MAX_PIXELS + ": expected a whole number, found '"
                    + request.option(MAX_PIXELS) + "'");
        }
        return new NistImport.Settings(fileSet, margin, maxPixels);
    }

    @Override
    public Path writeFixture(Path folder) throws IOException {
        return IjbFixture.small(variant).write(folder).getParent();
    }

    @Override
    public List<String> fixtureLayouts() {
        return List.of("insightface", "nist");
    }

    @Override
    public Path writeFixture(Path folder, String layout) throws IOException {
        return switch (layout) {
            case "insightface" -> writeFixture(folder);
            case "nist" -> NistFixture.small(variant).write(folder);
            default -> DatasetImporter.super.writeFixture(folder, layout);
        };
    }
}
