/**
 * IJB-B and IJB-C from insightface's {@code IJB_release}: the meta files' images, templates and media, the
 * 1:1 template pairs (streamed, never held: IJB-C has 15.6 million), the 1:N galleries and mixed probes, and a
 * native-layout fixture generator. See {@code docs/benchmarks.md}.
 */
package org.touchstone.protocols.importers.ijb;
