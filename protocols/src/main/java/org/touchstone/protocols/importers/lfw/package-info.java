/**
 * LFW (Labeled Faces in the Wild): View 2's ten folds from {@code pairs.txt}, View 1 from
 * {@code pairsDevTrain.txt}/{@code pairsDevTest.txt}, images in any of the three alignment variants; and the
 * LFW pair-line format that RFW and others reuse ({@link org.touchstone.protocols.importers.lfw.LfwPairLine}).
 */
package org.touchstone.protocols.importers.lfw;
