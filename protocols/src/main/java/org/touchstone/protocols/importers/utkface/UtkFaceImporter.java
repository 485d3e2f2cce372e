package org.touchstone.protocols.importers.utkface;

import java.io.IOException;
import java.nio.file.Path;
import org.touchstone.protocols.importers.DatasetImporter;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;
import org.touchstone.protocols.importers.support.AttributeImporters;

/** {@code touchstone dataset import utkface}: see {@link UtkFaceNames}. */
public final class UtkFaceImporter implements DatasetImporter {
    @Override
    public String kind() {
        return "utkface";
    }

    @Override
    public String expectedFolder() {
        return "UTKFace/ (files [age]_[gender]_[race]_[date&time].jpg.chip.jpg) or its parent";
    }

    @Override
    public ImportReport importDataset(ImportRequest request) throws ImportException, IOException {
        return AttributeImporters.write(kind(), UtkFaceNames.read(request.source()), request.source(), request.out(),
                "race", "sex", "age_band");
    }

    @Override
    public Path writeFixture(Path folder) throws IOException {
        UtkFaceFixture.small().write(folder);
        return folder;
    }
}
