/**
 * JSON reading shared by the run directory and the wire protocols: strict field accessors that name the
 * field at fault ({@link org.touchstone.runformat.json.JsonFields}), and a located document whose errors
 * name file, line, column and path ({@link org.touchstone.runformat.json.LocatedJson}).
 *
 * <p>Imports Jackson and the module's root package (for the run-directory exception) only.
 */
package org.touchstone.runformat.json;
