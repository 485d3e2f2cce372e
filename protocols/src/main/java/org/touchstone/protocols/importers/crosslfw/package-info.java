/**
 * CALFW (Cross-Age LFW) and CPLFW (Cross-Pose LFW): two-line pair files ({@code <image> <token>}, a pair per
 * two lines, 3,000 positives then 3,000 negatives) over an {@code aligned images/} folder, with the fold
 * convention FaceX-Zoo applies (fold k: positives [300k, 300k+300), negatives [3000+300k, 3000+300k+300)).
 */
package org.touchstone.protocols.importers.crosslfw;
