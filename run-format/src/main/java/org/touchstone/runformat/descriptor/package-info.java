/**
 * The system descriptor's JSON: its wire form, exchanged by the worker protocol and the HTTP API, and its
 * run record, run.json's {@code system} block, both written by
 * {@link org.touchstone.runformat.descriptor.DescriptorJson}.
 *
 * <p>Imports {@code harness-api}, Jackson, {@code json} and {@code runjson}.
 */
package org.touchstone.runformat.descriptor;
