package org.touchstone.protocols.importers.ijb;

import java.util.List;
import java.util.Locale;

/**
 * IJB-B or IJB-C as insightface's {@code IJB_release} lays them out: {@code IJB_release/IJBC/loose_crop/<k>.jpg}
 * and {@code IJB_release/IJBC/meta/ijbc_*.txt}; the 1:N lists ({@code ijbc_1N_gallery_G1.csv}, ...) come in a
 * separate download and may sit in {@code meta/} or beside it. IJB-B names its galleries S1 and S2.
 */
public enum IjbVariant {
    /** IJB-B: galleries S1 and S2. */
    IJBB("S1", "S2"),
    /** IJB-C: galleries G1 and G2. */
    IJBC("G1", "G2");

    private final List<String> galleries;

    IjbVariant(String first, String second) {
        this.galleries = List.of(first, second);
    }

    /** @return the import kind, {@code ijbb} or {@code ijbc} */
    public String kind() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the release's folder name under {@code IJB_release}, {@code IJBB} or {@code IJBC} */
    public String folder() {
        return name();
    }

    /** @return the names of the two 1:N galleries, e.g. {@code G1}, {@code G2} */
    public List<String> galleries() {
        return galleries;
    }

    /** @return {@code ijbc_face_tid_mid.txt}: image, template id, media id */
    public String faceTemplateMediaFile() {
        return kind() + "_face_tid_mid.txt";
    }

    /** @return {@code ijbc_template_pair_label.txt}: the 1:1 template pairs and their labels */
    public String templatePairFile() {
        return kind() + "_template_pair_label.txt";
    }

    /** @return {@code ijbc_name_5pts_score.txt}: five landmarks and the detector's score per image */
    public String landmarksFile() {
        return kind() + "_name_5pts_score.txt";
    }

    /**
     * @param gallery one of {@link #galleries()}
     * @return {@code ijbc_1N_gallery_G1.csv}
     */
    public String galleryFile(String gallery) {
        return kind() + "_1N_gallery_" + gallery + ".csv";
    }

    /** @return {@code ijbc_1N_probe_mixed.csv} */
    public String mixedProbeFile() {
        return kind() + "_1N_probe_mixed.csv";
    }
}
