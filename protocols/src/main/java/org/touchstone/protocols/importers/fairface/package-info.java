/**
 * FairFace importer: reads the dataset's own label files (or names) into manifest labels and groups, with a
 * native-layout fixture generator. See {@code docs/benchmarks.md}.
 */
package org.touchstone.protocols.importers.fairface;
