/**
 * The systems layer's shared vocabulary: the systems found on the class path ({@code SystemRegistry}),
 * a system opened for a run ({@code OpenedSystem}: configuration copied read-only, instances per the
 * system's concurrency), where its code came from ({@code SystemArtifact}), per-call deadlines
 * ({@code CallLimits}), system faults, content hashes and the harness's version.
 *
 * <p>The bottom of the runner: may import only the SPI, the JDK, libraries and {@code protocols.support}
 * (SHA-256); imported by every package above.
 */
package org.touchstone.runner.systems;
