/**
 * RFW (Racial Faces in-the-Wild): the four races' LFW-format pair files (no header) over
 * {@code test/data/<Race>/<m.id>/<m.id>_<NNNN>.jpg}, with each image's race as a group.
 */
package org.touchstone.protocols.importers.rfw;
