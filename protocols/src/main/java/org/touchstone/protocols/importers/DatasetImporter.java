package org.touchstone.protocols.importers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a dataset the user already has, in its native layout, into a Touchstone dataset: a checksummed
 * manifest ({@code docs/dataset-manifest.md}) whose {@code image-root:} comment points at the user's own
 * image folder (images are never copied), the dataset's labels and demographic groups, and the protocol's
 * lists (pairs with their folds, galleries, probe sets) in files the manifest declares with
 * {@code protocol-list:} comments, so a built-in protocol finds them relative to the dataset.
 *
 * <p>The protocol file is the truth, not a directory listing: an image a protocol file names that the copy
 * lacks is written to the manifest as {@code missing} (a failure to acquire, counted in the rates of every
 * run) and counted in the {@link ImportReport}. A protocol file that cannot be parsed is refused with an
 * {@link ImportException} naming the file, the line and what was expected.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/org.touchstone.protocols.importers.DatasetImporter}. They must have a public
 * no-argument constructor and hold no state.
 */
public interface DatasetImporter {
    /** @return the kind named on the command line, such as {@code lfw}: lower case, unique */
    String kind();

    /** @return one line for {@code dataset import --help}: the folder the user must point at */
    String expectedFolder();

    /** @return the options {@code --with KEY=VALUE} accepts, in the order to list them */
    default List<ImporterOption> options() {
        return List.of();
    }

    /**
     * Imports the dataset.
     *
     * @param request the source folder, the output folder and the options (every declared option present,
     *                defaults filled in)
     * @return what was found and written
     * @throws ImportException if the source is not this kind of dataset or a protocol file cannot be parsed
     * @throws IOException     if a file cannot be read or written
     */
    ImportReport importDataset(ImportRequest request) throws ImportException, IOException;

    /**
     * Writes a small fixture in this dataset's native layout: synthetic faces under the real file and folder
     * names, with the real protocol files' formats and quirks, including at least one image the protocol
     * names but the copy lacks. For tests and documentation ({@code touchstone dataset fixture KIND}).
     *
     * @param folder the folder to write the fixture into (created)
     * @return the path to pass to {@link #importDataset} as the source (a folder, or a file for a kind whose
     *         source is one file)
     * @throws IOException if a file cannot be written
     */
    Path writeFixture(Path folder) throws IOException;

    /** @return the layouts {@link #writeFixture(Path, String)} can write besides the default, empty if none */
    default List<String> fixtureLayouts() {
        return List.of();
    }

    /**
     * Writes a small fixture in one of the kind's native layouts ({@link #fixtureLayouts}), for kinds whose
     * dataset is distributed in more than one layout.
     *
     * @param folder the folder to write the fixture into (created)
     * @param layout one of {@link #fixtureLayouts}
     * @return the path to pass to {@link #importDataset} as the source
     * @throws IOException              if a file cannot be written
     * @throws IllegalArgumentException if the kind has no such layout
     */
    default Path writeFixture(Path folder, String layout) throws IOException {
        throw new IllegalArgumentException("kind " + kind() + " has no fixture layout '" + layout + "'"
                + (fixtureLayouts().isEmpty() ? "; it has one layout" : "; its layouts are " + fixtureLayouts()));
    }
}
