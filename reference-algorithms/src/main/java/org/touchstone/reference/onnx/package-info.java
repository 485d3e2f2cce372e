/**
 * The real multi-model reference system {@code onnx-faceplugin} on ONNX Runtime: detection, landmarks,
 * five-point alignment, embedding, and sex and age estimation, each model in its own session, all of it
 * configured by a {@code system.properties} file. The entry point is
 * {@link org.touchstone.reference.onnx.OnnxFacepluginProvider}, registered for
 * {@link java.util.ServiceLoader}; everything else in the package is internal.
 */
package org.touchstone.reference.onnx;
