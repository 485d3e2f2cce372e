package org.touchstone.protocols.importers.celeba;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.touchstone.protocols.importers.support.FixtureFaces;
import org.touchstone.protocols.synthetic.SyntheticLabels;

/**
 * Writes a small CelebA copy in torchvision's layout: {@code img_align_celeba/000001.jpg ...}, the attribute file
 * (count line, 40 names, then rows padded with runs of spaces as the original is, and a UTF-8 byte order mark as
 * some copies have), the identity and partition files. {@code identities} people with {@code imagesPerIdentity}
 * images each, numbered identity-major; Male, Smiling, Eyeglasses and Young (age under 35) follow the renderer's
 * labels, the other attributes a fixed pattern. Partitions: the last two images of each identity are valid and
 * test, the rest train. Quirk: image {@code 000002.jpg} is listed but absent.
 *
 * @param identities        people
 * @param imagesPerIdentity images of each, at least 3
 * @param seed              the renderer's seed
 */
public record CelebaFixture(int identities, int imagesPerIdentity, long seed) {
    /** The listed image the copy lacks. */
    public static final String MISSING = "000002.jpg";
    /** CelebA's identity numbers are not 1..n: the fixture's start here. */
    public static final int FIRST_IDENTITY = 2880;

    /** @return 5 identities of 4 images */
    public static CelebaFixture small() {
        return new CelebaFixture(5, 4, 20261206L);
    }

    /**
     * @param out the folder to write into
     * @return {@code out}
     * @throws IOException if writing fails
     */
    public Path write(Path out) throws IOException {
        FixtureFaces renderer = new FixtureFaces(identities, imagesPerIdentity, seed, 64);
        int total = identities * imagesPerIdentity;
        StringBuilder attributes = new StringBuilder("\uFEFF").append(total).append('\n')
                .append(String.join(" ", CelebaFiles.ATTRIBUTE_NAMES)).append(" \n");
        StringBuilder identity = new StringBuilder();
        StringBuilder partition = new StringBuilder();
        int n = 0;
        for (int person = 0; person < identities; person++) {
            for (int i = 0; i < imagesPerIdentity; i++) {
                n++;
                String name = String.format("%06d.jpg", n);
                SyntheticLabels truth = renderer.labels(person, i);
                attributes.append(name);
                for (String attribute : CelebaFiles.ATTRIBUTE_NAMES) {
                    boolean value = switch (attribute) {
                        case "Male" -> truth.sex().equals("male");
                        case "Smiling" -> truth.smile();
                        case "Eyeglasses" -> truth.eyeglasses();
                        case "Young" -> truth.age() < 35;
                        case "No_Beard" -> true;
                        default -> (attribute.length() + n) % 3 == 0;
                    };
                    attributes.append(value ? "  1" : " -1");
                }
                attributes.append('\n');
                identity.append(name).append(' ').append(FIRST_IDENTITY + person).append('\n');
                int part = i == imagesPerIdentity - 1 ? 2 : i == imagesPerIdentity - 2 ? 1 : 0;
                partition.append(name).append(' ').append(part).append('\n');
                if (!name.equals(MISSING)) {
                    renderer.write(out.resolve(CelebaFiles.IMAGES).resolve(name), person, i);
                }
            }
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve(CelebaFiles.ATTRIBUTES), attributes, StandardCharsets.UTF_8);
        Files.writeString(out.resolve(CelebaFiles.IDENTITIES), identity, StandardCharsets.UTF_8);
        Files.writeString(out.resolve(CelebaFiles.PARTITIONS), partition, StandardCharsets.UTF_8);
        return out;
    }
}
