package org.touchstone.protocols.importers.ijb;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.touchstone.protocols.importers.support.FixtureFaces;

/**
 * Writes a small copy of {@code IJB_release/IJBC} (or {@code IJBB}) in its native layout, with synthetic faces:
 * {@code loose_crop/<k>.jpg} numbered from 1, {@code meta/} with the space-separated image/template/media,
 * pair/label and landmark files, and the 1:N lists (comma-separated, one header row).
 *
 * <p>Each subject has one gallery template (galleries alternate: even subjects in G1, odd in G2, as IJB's
 * galleries are disjoint) and {@code probesPerSubject} probe templates; every template has
 * {@code imagesPerTemplate} images from two media. The 1:1 pair file compares every gallery template with every
 * probe template, ordered by {@code tid1} as insightface's file is; so the fixture's truth is known in advance:
 * genuine pairs = subjects x probesPerSubject, impostor pairs = subjects x (subjects - 1) x probesPerSubject.
 * Quirk: the first probe template's last image is listed in the meta files but absent from {@code loose_crop/}.
 *
 * @param variant           IJB-B or IJB-C
 * @param subjects          subjects, at least 2
 * @param probesPerSubject  probe templates per subject, at least 1
 * @param imagesPerTemplate images per template, at least 2
 * @param imageSize         image side in pixels, 48 to 512
 * @param seed              the synthetic renderer's seed
 * @param pixels            how the images are written
 */
public record IjbFixture(IjbVariant variant, int subjects, int probesPerSubject, int imagesPerTemplate, int imageSize,
                         long seed, Pixels pixels) {
    /** How a fixture's images are written. */
    public enum Pixels {
        /** Each image its own synthetic face: each subject looks like one person. */
        RENDERED,
        /** One rendered face copied to every file: for benchmarks of the lists, whose systems ignore pixels. */
        SHARED,
        /** No image files: every image is missing (meta files only). */
        NONE
    }

    /** First subject id of the 1:N lists: NIST's ids are plain numbers. */
    public static final int FIRST_SUBJECT_ID = 100;

    /** Checks the sizes. */
    public IjbFixture {
        if (subjects < 2 || probesPerSubject < 1 || imagesPerTemplate < 2) {
            throw new IllegalArgumentException("an IJB fixture needs >= 2 subjects, >= 1 probe per subject and >= 2"
                    + " images per template");
        }
        if ((1 + probesPerSubject) * imagesPerTemplate > 100) {
            throw new IllegalArgumentException("at most 100 images per subject");
        }
    }

    /**
     * The default fixture: 12 subjects, 2 probe templates each, 3 images per template, 64 pixels.
     *
     * @param variant IJB-B or IJB-C
     * @return the fixture
     */
    public static IjbFixture small(IjbVariant variant) {
        return new IjbFixture(variant, 12, 2, 3, 64, 20261206L, Pixels.RENDERED);
    }

    /**
     * @param subject 0-based subject
     * @return its gallery template id
     */
    public int galleryTemplate(int subject) {
        return 1 + subject;
    }

    /**
     * @param subject 0-based subject
     * @param probe   0-based probe of the subject
     * @return the probe template's id
     */
    public int probeTemplate(int subject, int probe) {
        return 1 + subjects + subject * probesPerSubject + probe;
    }

    /**
     * @param subject 0-based subject
     * @return the gallery holding it, {@code G1}/{@code S1} for even subjects
     */
    public String galleryOf(int subject) {
        return variant.galleries().get(subject % 2);
    }

    /** @return the image the copy lacks, by name: the first probe template's last image */
    public String missingImage() {
        return imageName(0, 1);
    }

    /** @return 1:1 pairs in the pair file */
    public long pairs() {
        return (long) subjects * subjects * probesPerSubject;
    }

    /**
     * @param subject  0-based subject
     * @param template 0 for its gallery template, 1 + p for its probe p
     * @return the name of that template's last image
     */
    private String imageName(int subject, int template) {
        int perSubject = (1 + probesPerSubject) * imagesPerTemplate;
        return (subject * perSubject + (template + 1) * imagesPerTemplate) + ".jpg";
    }

    /**
     * Writes the fixture.
     *
     * @param out the folder that receives {@code IJB_release/}
     * @return the release folder, {@code out/IJB_release/IJBC}
     * @throws IOException if writing fails
     */
    public Path write(Path out) throws IOException {
        Path root = out.resolve("IJB_release").resolve(variant.folder());
        Path images = root.resolve(IjbRelease.IMAGES_FOLDER);
        Path meta = root.resolve(IjbRelease.META_FOLDER);
        Files.createDirectories(images);
        Files.createDirectories(meta);
        int perSubject = (1 + probesPerSubject) * imagesPerTemplate;
        FixtureFaces renderer = new FixtureFaces(subjects, perSubject, seed, imageSize);
        byte[] shared = pixels == Pixels.SHARED ? renderer.encode(0, 0, false) : null;
        List<String> faceLines = new ArrayList<>();
        List<String> landmarkLines = new ArrayList<>();
        int k = 0;
        for (int s = 0; s < subjects; s++) {
            for (int t = 0; t <= probesPerSubject; t++) {
                int templateId = t == 0 ? galleryTemplate(s) : probeTemplate(s, t - 1);
                for (int i = 0; i < imagesPerTemplate; i++) {
                    k++;
                    String name = k + ".jpg";
                    int media = 60_000 + 2 * templateId + (i < imagesPerTemplate / 2 ? 0 : 1);
                    faceLines.add(name + " " + templateId + " " + media);
                    landmarkLines.add(String.format(java.util.Locale.ROOT,
                            "%s 46.060 62.026 87.785 60.323 68.851 77.656 52.162 99.875 86.450 98.648 %.3f", name,
                            0.9 + 0.099 * ((k % 7) / 6.0)));
                    if (name.equals(missingImage()) || pixels == Pixels.NONE) {
                        continue;
                    }
                    if (pixels == Pixels.RENDERED) {
                        renderer.write(images.resolve(name), s, t * imagesPerTemplate + i);
                    } else {
                        Files.write(images.resolve(name), shared);
                    }
                }
            }
        }
        Files.write(meta.resolve(variant.faceTemplateMediaFile()), faceLines, StandardCharsets.UTF_8);
        Files.write(meta.resolve(variant.landmarksFile()), landmarkLines, StandardCharsets.UTF_8);
        try (BufferedWriter pairs = Files.newBufferedWriter(meta.resolve(variant.templatePairFile()),
                StandardCharsets.UTF_8)) {
            for (int g = 0; g < subjects; g++) {
                for (int s = 0; s < subjects; s++) {
                    for (int p = 0; p < probesPerSubject; p++) {
                        pairs.write(galleryTemplate(g) + " " + probeTemplate(s, p) + " " + (g == s ? 1 : 0) + "\n");
                    }
                }
            }
        }
        String header = "TEMPLATE_ID,SUBJECT_ID,FILENAME\n";
        for (String gallery : variant.galleries()) {
            StringBuilder list = new StringBuilder(header);
            for (int s = 0; s < subjects; s++) {
                if (galleryOf(s).equals(gallery)) {
                    list.append(galleryTemplate(s)).append(',').append(FIRST_SUBJECT_ID + s).append(",img/")
                            .append(s).append(".jpg\n");
                }
            }
            Files.writeString(meta.resolve(variant.galleryFile(gallery)), list, StandardCharsets.UTF_8);
        }
        StringBuilder probes = new StringBuilder(header);
        for (int s = 0; s < subjects; s++) {
            for (int p = 0; p < probesPerSubject; p++) {
                probes.append(probeTemplate(s, p)).append(',').append(FIRST_SUBJECT_ID + s).append(",frames/")
                        .append(s).append('_').append(p).append(".jpg\n");
            }
        }
        Files.writeString(meta.resolve(variant.mixedProbeFile()), probes, StandardCharsets.UTF_8);
        return root;
    }
}
