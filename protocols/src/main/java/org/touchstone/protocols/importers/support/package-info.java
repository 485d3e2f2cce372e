/**
 * What every dataset importer shares: protocol text files read as numbered lines
 * ({@link org.touchstone.protocols.importers.support.TextLines}), the imported dataset's writer with its
 * missing-image accounting and protocol lists
 * ({@link org.touchstone.protocols.importers.support.ImportedDataset}), recognition of official protocol files
 * by checksum ({@link org.touchstone.protocols.importers.support.OfficialFiles}), and the synthetic faces of
 * native-layout fixtures ({@link org.touchstone.protocols.importers.support.FixtureFaces}). Fixture-independent:
 * nothing here knows a dataset's layout.
 */
package org.touchstone.protocols.importers.support;
