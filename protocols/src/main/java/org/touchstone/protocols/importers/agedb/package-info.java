/**
 * AgeDB-30: the ten splits of {@code 04_FINAL_protocol_30_years.mat} (a MATLAB v5/v7 file read by the small
 * {@link org.touchstone.protocols.importers.agedb.MatFile} reader) over {@code 03_Protocol_Images/}.
 */
package org.touchstone.protocols.importers.agedb;
