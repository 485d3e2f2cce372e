/**
 * insightface's verification packs ({@code lfw.bin}, {@code cfp_fp.bin}, {@code agedb_30.bin}, ...): a Python
 * pickle of {@code (bins, issame_list)} read by a whitelisting unpickler written here
 * ({@link org.touchstone.protocols.importers.insightface.PackUnpickler}), the images extracted once.
 */
package org.touchstone.protocols.importers.insightface;
