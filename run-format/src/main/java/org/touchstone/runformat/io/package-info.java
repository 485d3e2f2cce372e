/**
 * Writing and hashing files the way every Touchstone output is written and checked: atomic writes through
 * {@code NAME.partial} (with a fallback for file systems without atomic moves) and streaming SHA-256.
 *
 * <p>Imports the JDK only; every other package of the module, and every module that writes or checks
 * files, may use it.
 */
package org.touchstone.runformat.io;
