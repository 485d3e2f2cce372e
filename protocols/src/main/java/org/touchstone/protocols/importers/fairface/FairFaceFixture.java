package org.touchstone.protocols.importers.fairface;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.touchstone.protocols.importers.support.AgeBands;
import org.touchstone.protocols.importers.support.FixtureFaces;
import org.touchstone.protocols.synthetic.SyntheticLabels;

/**
 * Writes a small FairFace copy in its native layout: {@code fairface_label_train.csv} and
 * {@code fairface_label_val.csv} beside {@code fairface-img-margin025-trainval/{train,val}/<n>.jpg}, synthetic
 * faces whose gender and age band are the renderer's own labels, races cycling through all seven spellings.
 * Quirk: {@code val/2.jpg} is labelled but absent.
 *
 * @param train images in the train split
 * @param val   images in the val split, at least 2
 * @param seed  the renderer's seed
 */
public record FairFaceFixture(int train, int val, long seed) {
    /** The folder the images zip unpacks to. */
    public static final String IMAGE_FOLDER = "fairface-img-margin025-trainval";
    /** The labelled image the copy lacks. */
    public static final String MISSING = "val/2.jpg";

    /** @return 14 train and 7 val images */
    public static FairFaceFixture small() {
        return new FairFaceFixture(14, 7, 20261206L);
    }

    /**
     * @param out the folder to write into
     * @return {@code out}
     * @throws IOException if writing fails
     */
    public Path write(Path out) throws IOException {
        FixtureFaces images = new FixtureFaces(train + val, 1, seed, 64);
        int subject = 0;
        for (String split : new String[] {"train", "val"}) {
            int count = split.equals("train") ? train : val;
            StringBuilder csv = new StringBuilder(String.join(",", FairFaceLabels.HEADER)).append('\n');
            for (int n = 1; n <= count; n++, subject++) {
                SyntheticLabels truth = images.labels(subject, 0);
                String file = split + "/" + n + ".jpg";
                String race = FairFaceLabels.RACES.get(subject % FairFaceLabels.RACES.size());
                csv.append(file).append(',').append(AgeBands.of(truth.age())).append(',')
                        .append(truth.sex().equals("male") ? "Male" : "Female").append(',')
                        .append(race).append(',').append(n % 3 == 0 ? "True" : "False").append('\n');
                if (!file.equals(MISSING)) {
                    images.write(out.resolve(IMAGE_FOLDER).resolve(file), subject, 0);
                }
            }
            Files.createDirectories(out);
            Files.writeString(out.resolve("fairface_label_" + split + ".csv"), csv, StandardCharsets.UTF_8);
        }
        return out;
    }
}
