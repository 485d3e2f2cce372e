/**
 * IJB-B and IJB-C from insightface's {@code IJB_release} (the meta files' images, templates and media, the 1:1
 * template pairs (streamed, never held: IJB-C has 15.6 million), the 1:N galleries and mixed probes) or from NIST's
 * own layout (full frames and CSV lists with a face box per row: each face cropped once at import, so both layouts
 * give the same lists and one face per image), and native-layout fixture generators of both. See
 * {@code docs/benchmarks.md}.
 */
package org.touchstone.protocols.importers.ijb;
