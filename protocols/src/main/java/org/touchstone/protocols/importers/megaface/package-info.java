/**
 * MegaFace Challenge 1 importer: the devkit's FaceScrub and distractor template lists (10 .. 1,000,000), with a
 * native-layout fixture generator. See {@code docs/benchmarks.md}.
 */
package org.touchstone.protocols.importers.megaface;
