package org.touchstone.protocols.importers.megaface;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.touchstone.protocols.importers.DatasetImporter;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;
import org.touchstone.protocols.importers.ImporterOption;
import org.touchstone.protocols.importers.support.ImportedDataset;
import org.touchstone.protocols.importers.support.OfficialFiles;
import org.touchstone.protocols.importers.support.SourceImage;

/** {@code touchstone dataset import megaface}: see {@link MegafaceDevkit}. */
public final class MegafaceImporter implements DatasetImporter {
    /** The option naming the distractor image folder. */
    public static final String MEGAFACE_IMAGES = "megaface-images";
    /** The option naming the FaceScrub image folder. */
    public static final String FACESCRUB_IMAGES = "facescrub-images";

    @Override
    public String kind() {
        return "megaface";
    }

    @Override
    public String expectedFolder() {
        return "the folder holding devkit/templatelists/ (megaface_features_list.json_<size>_1,"
                + " facescrub_features_list.json), FlickrFinal2/ and the FaceScrub images";
    }

    @Override
    public List<ImporterOption> options() {
        return List.of(new ImporterOption(MEGAFACE_IMAGES, "the distractor images' folder, relative to the source",
                        MegafaceDevkit.DEFAULT_MEGAFACE_IMAGES),
                new ImporterOption(FACESCRUB_IMAGES, "the FaceScrub images' folder, relative to the source",
                        MegafaceDevkit.DEFAULT_FACESCRUB_IMAGES));
    }

    @Override
    public ImportReport importDataset(ImportRequest request) throws ImportException, IOException {
        for (String option : List.of(MEGAFACE_IMAGES, FACESCRUB_IMAGES)) {
            String value = request.option(option);
            if (value.isEmpty() || value.startsWith("/") || value.contains("..") || value.contains("\\")) {
                throw new ImportException(request.source(), 0, "--with " + option + "=" + value
                        + ": expected a folder inside the source, '/'-separated");
            }
        }
        ImportedDataset dataset = new ImportedDataset(kind(), request.source(), request.out());
        MegafaceDevkit.Result result = MegafaceDevkit.run(request.source(), request.option(MEGAFACE_IMAGES),
                request.option(FACESCRUB_IMAGES), dataset);
        for (SourceImage image : result.images()) {
            dataset.image(image.sampleId(), image.subjectId(), image.sourcePath(), image.labels(), image.groups());
        }
        for (Map.Entry<String, Path> file : result.protocolFiles().entrySet()) {
            dataset.protocolFile(file.getKey() + ": SHA-256 " + OfficialFiles.digest(file.getValue(), "SHA-256")
                    + " (no official checksum known to compare with)");
        }
        List<Integer> absent = MegafaceDevkit.SIZES.stream().filter(s -> !result.distractorsBySize().containsKey(s))
                .toList();
        if (!absent.isEmpty()) {
            dataset.note("no distractor list for " + absent + " in the copy: megaface-c1 reports only the sizes present");
        }
        dataset.note(String.format(Locale.ROOT, "FaceScrub: %,d images of %,d identities; distractors by list: %s",
                result.probeImages(), result.identities(), result.distractorsBySize()));
        dataset.note("each distractor is its own subject (the challenge assumes no FaceScrub identity among them); the"
                + " 'refined' variant without insightface's noise lists is not applied");
        return dataset.write();
    }

    @Override
    public Path writeFixture(Path folder) throws IOException {
        return MegafaceFixture.small().write(folder);
    }
}
