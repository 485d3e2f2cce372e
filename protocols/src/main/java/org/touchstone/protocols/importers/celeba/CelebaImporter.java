package org.touchstone.protocols.importers.celeba;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.touchstone.protocols.importers.DatasetImporter;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;
import org.touchstone.protocols.importers.ImporterOption;
import org.touchstone.protocols.importers.support.AttributeImporters;

/** {@code touchstone dataset import celeba}: see {@link CelebaFiles}. */
public final class CelebaImporter implements DatasetImporter {
    /** The partition option. */
    public static final String PARTITION = "partition";

    @Override
    public String kind() {
        return "celeba";
    }

    @Override
    public String expectedFolder() {
        return "the folder holding img_align_celeba/, list_attr_celeba.txt, identity_CelebA.txt and"
                + " list_eval_partition.txt (torchvision's celeba/)";
    }

    @Override
    public List<ImporterOption> options() {
        return List.of(new ImporterOption(PARTITION, "which images: test (what papers report on), valid, train or all",
                "test"));
    }

    @Override
    public ImportReport importDataset(ImportRequest request) throws ImportException, IOException {
        String partition = request.option(PARTITION);
        if (!List.of("all", "train", "valid", "test").contains(partition)) {
            throw new ImportException(request.source(), 0, "--with partition=" + partition
                    + ": expected all, train, valid or test");
        }
        return AttributeImporters.write(kind(), CelebaFiles.read(request.source(), partition), request.source(),
                request.out(), "sex", "young");
    }

    @Override
    public Path writeFixture(Path folder) throws IOException {
        return CelebaFixture.small().write(folder);
    }
}
