package org.touchstone.protocols.importers.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an import of a labelled attribute dataset (FairFace, UTKFace, CelebA) found.
 *
 * @param images        every image the label files name, in their order (missing ones marked)
 * @param missingImages images named but absent from the copy, as paths relative to it
 * @param reported      names the importer kept but could not fully read, each with why (UTKFace's malformed
 *                      names: their unknown fields are left empty, never guessed)
 * @param protocolFiles the label files read, by name
 */
public record AttributeImport(List<SourceImage> images, List<String> missingImages, Map<String, String> reported,
                              Map<String, Path> protocolFiles) {
    /** Copies the lists. */
    public AttributeImport {
        images = List.copyOf(images);
        missingImages = List.copyOf(missingImages);
        reported = Map.copyOf(reported);
        protocolFiles = Map.copyOf(protocolFiles);
    }

    /**
     * @param group a group column, such as {@code race}
     * @return images per value of that group, empty values as {@code "(unknown)"}
     */
    public SortedMap<String, Integer> countBy(String group) {
        SortedMap<String, Integer> counts = new TreeMap<>();
        for (SourceImage image : images) {
            counts.merge(image.groups().getOrDefault(group, "(unknown)"), 1, Integer::sum);
        }
        return counts;
    }
}
