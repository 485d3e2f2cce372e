package org.touchstone.protocols.importers.utkface;

import java.io.IOException;
import java.nio.file.Path;
import org.touchstone.protocols.importers.support.FixtureFaces;
import org.touchstone.protocols.synthetic.SyntheticLabels;

/**
 * Writes a small UTKFace copy in its native layout: {@code UTKFace/[age]_[gender]_[race]_[date&time].jpg.chip.jpg},
 * synthetic faces whose age and sex are the renderer's labels, race codes cycling 0..4, date-times distinct.
 * Quirk: one extra image under the known malformed name {@code 39_1_20170116174525125.jpg.chip.jpg} (race missing).
 *
 * @param images well-named images
 * @param seed   the renderer's seed
 */
public record UtkFaceFixture(int images, long seed) {
    /** @return 15 well-named images and the malformed one */
    public static UtkFaceFixture small() {
        return new UtkFaceFixture(15, 20261206L);
    }

    /**
     * @param subject 0-based image
     * @param truth   its synthetic labels
     * @return its UTKFace file name
     */
    public static String name(int subject, SyntheticLabels truth) {
        return truth.age() + "_" + (truth.sex().equals("male") ? 0 : 1) + "_" + (subject % 5) + "_"
                + (20170109150557000L + subject * 1_000L) + ".jpg.chip.jpg";
    }

    /**
     * @param out the folder to write into
     * @return the image folder, {@code out/UTKFace}
     * @throws IOException if writing fails
     */
    public Path write(Path out) throws IOException {
        FixtureFaces renderer = new FixtureFaces(images + 1, 1, seed, 64);
        Path folder = out.resolve("UTKFace");
        for (int i = 0; i < images; i++) {
            renderer.write(folder.resolve(name(i, renderer.labels(i, 0))), i, 0);
        }
        renderer.write(folder.resolve(UtkFaceNames.KNOWN_MALFORMED.get(0)), images, 0);
        return folder;
    }
}
