package org.touchstone.protocols.importers.fairface;

import java.io.IOException;
import java.nio.file.Path;
import org.touchstone.protocols.importers.DatasetImporter;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;
import org.touchstone.protocols.importers.support.AttributeImporters;

/** {@code touchstone dataset import fairface}: see {@link FairFaceLabels}. */
public final class FairFaceImporter implements DatasetImporter {
    @Override
    public String kind() {
        return "fairface";
    }

    @Override
    public String expectedFolder() {
        return "the folder holding fairface_label_train.csv and/or fairface_label_val.csv, with train/ and val/ in it"
                + " or in one sub-folder (fairface-img-margin025-trainval/)";
    }

    @Override
    public ImportReport importDataset(ImportRequest request) throws ImportException, IOException {
        return AttributeImporters.write(kind(), FairFaceLabels.read(request.source()), request.source(), request.out(),
                "race", "sex", "age_band");
    }

    @Override
    public Path writeFixture(Path folder) throws IOException {
        return FairFaceFixture.small().write(folder);
    }
}
