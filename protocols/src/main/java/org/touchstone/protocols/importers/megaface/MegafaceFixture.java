package org.touchstone.protocols.importers.megaface;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.touchstone.protocols.importers.support.FixtureFaces;

/**
 * Writes a small MegaFace copy: {@code devkit/templatelists/} with the FaceScrub list and the distractor lists of
 * 10 and 100 (nested: the 10 are the first of the 100), {@code FlickrFinal2/<3 digits>/<user>/<photo>_<face>.jpg}
 * and {@code facescrub_images/<Name>/<Name>_<n>.png}. Synthetic subjects: FaceScrub identities first, then one per
 * distractor. Quirk: the last distractor of the 100 list is absent.
 *
 * @param identities      FaceScrub identities
 * @param imagesPerIdentity their images, at least 2
 * @param seed            the renderer's seed
 */
public record MegafaceFixture(int identities, int imagesPerIdentity, long seed) {
    /** The distractor counts written. */
    public static final List<Integer> SIZES = List.of(10, 100);

    /** @return 6 identities of 3 images */
    public static MegafaceFixture small() {
        return new MegafaceFixture(6, 3, 20261206L);
    }

    /**
     * @param d 0-based distractor
     * @return its path inside {@code FlickrFinal2/}
     */
    public static String distractorPath(int d) {
        return String.format("%03d/%d@N0%d/%d_%d.jpg", 100 + d % 7, 9019583 + d, d % 9, 8032652775L + d, d % 2);
    }

    /**
     * @param out the folder to write into
     * @return {@code out}
     * @throws IOException if writing fails
     */
    public Path write(Path out) throws IOException {
        int distractors = SIZES.get(SIZES.size() - 1);
        FixtureFaces renderer = new FixtureFaces(identities + distractors, imagesPerIdentity, seed, 48);
        Path lists = out.resolve("devkit/templatelists");
        Files.createDirectories(lists);
        List<String> paths = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int person = 0; person < identities; person++) {
            String name = "Actor_" + (char) ('A' + person) + "_Name";
            for (int i = 0; i < imagesPerIdentity; i++) {
                String path = name + "/" + name + "_" + (i + 1) + ".png";
                paths.add(path);
                ids.add(name);
                renderer.write(out.resolve(MegafaceDevkit.DEFAULT_FACESCRUB_IMAGES).resolve(path), person, i);
            }
        }
        Files.writeString(lists.resolve(MegafaceDevkit.FACESCRUB_LIST), "{\"path\": " + json(paths) + ", \"id\": "
                + json(ids) + "}", StandardCharsets.UTF_8);
        for (int size : SIZES) {
            List<String> list = new ArrayList<>();
            for (int d = 0; d < size; d++) {
                list.add(distractorPath(d));
            }
            Files.writeString(lists.resolve(MegafaceDevkit.distractorList(size)), "{\"path\": " + json(list) + "}",
                    StandardCharsets.UTF_8);
        }
        for (int d = 0; d < distractors - 1; d++) {
            renderer.write(out.resolve(MegafaceDevkit.DEFAULT_MEGAFACE_IMAGES).resolve(distractorPath(d)),
                    identities + d, 0);
        }
        return out;
    }

    private static String json(List<String> items) {
        return "[" + String.join(", ", items.stream().map(s -> "\"" + s + "\"").toList()) + "]";
    }
}
