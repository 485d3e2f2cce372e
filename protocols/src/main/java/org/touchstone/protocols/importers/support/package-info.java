/**
 * What the dataset importers share and that depends on no one dataset: streaming a dataset's own text files
 * with line numbers ({@link org.touchstone.protocols.importers.support.TokenLines}), the refusal of a file
 * that breaks its format ({@link org.touchstone.protocols.importers.support.NativeFormatException}), the image
 * an importer found ({@link org.touchstone.protocols.importers.support.SourceImage}), and synthetic faces
 * under native file names for fixtures ({@link org.touchstone.protocols.importers.support.FixtureImages}).
 */
package org.touchstone.protocols.importers.support;
