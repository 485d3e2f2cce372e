package org.touchstone.protocols.importers.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.touchstone.protocols.importers.ImportReport;

/**
 * Writes what an attribute dataset's reader found (FairFace, UTKFace, CelebA): its images with their labels and
 * groups, the label files' checksums, the reported names, and a count per group value.
 */
public final class AttributeImporters {
    private AttributeImporters() {
    }

    /**
     * @param kind      the importer's kind
     * @param found     what the reader found, image paths relative to {@code imageRoot}
     * @param imageRoot the user's folder
     * @param out       the output folder
     * @param groups    group columns whose counts the report prints
     * @return the import's report
     * @throws IOException if a file cannot be read or written
     */
    public static ImportReport write(String kind, AttributeImport found, Path imageRoot, Path out, String... groups)
            throws IOException {
        ImportedDataset dataset = new ImportedDataset(kind, imageRoot, out);
        for (SourceImage image : found.images()) {
            dataset.image(image.sampleId(), image.subjectId(), image.sourcePath(), image.labels(), image.groups());
        }
        for (Map.Entry<String, Path> file : found.protocolFiles().entrySet()) {
            dataset.protocolFile(file.getKey() + ": SHA-256 " + OfficialFiles.digest(file.getValue(), "SHA-256")
                    + " (no official checksum known to compare with)");
        }
        found.reported().forEach((name, why) -> dataset.note(name + ": " + why));
        for (String group : groups) {
            dataset.note(String.format(Locale.ROOT, "images by %s: %s", group, found.countBy(group)));
        }
        return dataset.write();
    }
}
