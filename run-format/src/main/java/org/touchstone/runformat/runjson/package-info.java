/**
 * {@code run.json} as typed records, one per block ({@link org.touchstone.runformat.runjson.RunJson} at the
 * top), and {@link org.touchstone.runformat.runjson.RunJsonFile}, the only code that writes or reads it.
 *
 * <p>Imports Jackson, {@code harness-api}, the module's root package, {@code json} and {@code io}.
 */
package org.touchstone.runformat.runjson;
