package org.touchstone.protocols.importers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What an import found and wrote, printed by {@code touchstone dataset import}.
 *
 * @param kind          the importer's kind
 * @param manifest      the manifest written
 * @param imageRoot     the folder the manifest's image paths are relative to (the user's copy)
 * @param images        images listed in the manifest (present and missing)
 * @param subjects      distinct subjects among them
 * @param missingImages paths (relative to the image root) that protocol files name but the copy lacks
 * @param lists         the protocol lists written
 * @param protocolFiles what each protocol file read was recognised as (by checksum), one line each
 * @param notes         anything else the user must know (warnings, conventions applied)
 */
public record ImportReport(String kind, Path manifest, Path imageRoot, int images, int subjects,
                           List<String> missingImages, List<ListSummary> lists, List<String> protocolFiles,
                           List<String> notes) {
    /** How many missing images are named in the printed report; the rest are counted. */
    public static final int MISSING_SHOWN = 10;

    /** Copies the lists. */
    public ImportReport {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(imageRoot, "imageRoot");
        missingImages = List.copyOf(missingImages);
        lists = List.copyOf(lists);
        protocolFiles = List.copyOf(protocolFiles);
        notes = List.copyOf(notes);
    }

    /**
     * One protocol list written by an import.
     *
     * @param name   the name a protocol uses for it ({@code dataset_list}), such as {@code lfw-view2}
     * @param file   the file
     * @param counts what it holds, one line each (e.g. per fold: pairs, genuine, impostor)
     */
    public record ListSummary(String name, Path file, List<String> counts) {
        /** Copies the counts. */
        public ListSummary {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(file, "file");
            counts = List.copyOf(counts);
        }
    }

    /** @return the report as printed, one line per element */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Imported %s: %,d images of %,d subjects, %,d missing; images stay in %s",
                kind, images, subjects, missingImages.size(), imageRoot));
        lines.add("Manifest: " + manifest);
        for (String file : protocolFiles) {
            lines.add("Protocol file: " + file);
        }
        for (ListSummary list : lists) {
            lines.add("List " + list.name() + ": " + list.file());
            list.counts().forEach(c -> lines.add("  " + c));
        }
        if (!missingImages.isEmpty()) {
            lines.add(String.format(Locale.ROOT, "MISSING: %,d image(s) named by the protocol files are not in the"
                    + " copy; each is a failure to acquire in every run (counted in the rates, never dropped):",
                    missingImages.size()));
            missingImages.stream().limit(MISSING_SHOWN).forEach(m -> lines.add("  " + m));
            if (missingImages.size() > MISSING_SHOWN) {
                lines.add(String.format(Locale.ROOT, "  ... and %,d more (all are marked 'missing' in the manifest)",
                        missingImages.size() - MISSING_SHOWN));
            }
        }
        notes.forEach(n -> lines.add("Note: " + n));
        return lines;
    }
}
