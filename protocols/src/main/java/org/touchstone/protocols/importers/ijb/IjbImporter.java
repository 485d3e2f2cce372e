package org.touchstone.protocols.importers.ijb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.touchstone.protocols.importers.DatasetImporter;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;
import org.touchstone.protocols.importers.support.ImportedDataset;
import org.touchstone.protocols.importers.support.OfficialFiles;
import org.touchstone.protocols.importers.support.SourceImage;

/**
 * {@code touchstone dataset import ijbb|ijbc}: insightface's {@code IJB_release} (see {@link IjbImport}). The image
 * root is the release folder; the lists are template-level, for {@code ijbc-1to1@1.0.0} and the 1:N protocols.
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
                + " meta/" + k + "_template_pair_label.txt, loose_crop/<n>.jpg; 1:N lists " + k + "_1N_*.csv optional";
    }

    @Override
    public ImportReport importDataset(ImportRequest request) throws ImportException, IOException {
        IjbRelease release = IjbRelease.locate(variant, request.source());
        ImportedDataset dataset = new ImportedDataset(kind(), release.root(), request.out());
        IjbImport.Result result = IjbImport.run(release, dataset, "");
        for (SourceImage image : result.images()) {
            dataset.image(image.sampleId(), image.subjectId(), image.sourcePath(), image.labels(), image.groups());
        }
        for (Map.Entry<String, Path> file : result.protocolFiles().entrySet()) {
            // The reference gives no official checksums for IJB's files: record the SHA-256 so runs can be traced.
            dataset.protocolFile(file.getKey() + ": SHA-256 " + OfficialFiles.digest(file.getValue(), "SHA-256")
                    + " (no official checksum known to compare with)");
        }
        dataset.note("subjects are the connected components of the genuine 1:1 pairs, named after the 1:N lists'"
                + " SUBJECT_ID where given (s<id>), else after their smallest template id (t<tid>): insightface's"
                + " meta files carry no subject ids");
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

    @Override
    public Path writeFixture(Path folder) throws IOException {
        return IjbFixture.small(variant).write(folder).getParent();
    }
}
