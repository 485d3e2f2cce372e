/**
 * The Touchstone system provider interface (SPI), version {@value org.touchstone.api.ApiVersion#VERSION}.
 *
 * <p>A face recognition or face analysis system plugs into Touchstone by implementing
 * {@link org.touchstone.api.FaceSystemProvider} and registering it for {@link java.util.ServiceLoader}
 * in {@code META-INF/services/org.touchstone.api.FaceSystemProvider}. The provider describes the
 * system ({@link org.touchstone.api.SystemDescriptor}) and opens it ({@link org.touchstone.api.FaceSystem})
 * with a read-only configuration directory.
 *
 * <p>The three capabilities are kept apart, and a system implements only those it offers:
 * <ul>
 *   <li>{@link org.touchstone.api.Verifier}: 1:1 verification, templates compared to a similarity score;</li>
 *   <li>{@link org.touchstone.api.Identifier}: 1:N identification, an enrolment gallery searched for
 *       ranked candidates;</li>
 *   <li>{@link org.touchstone.api.AttributeAnalyzer}: facial analysis, attributes of each face in an
 *       image with a confidence.</li>
 * </ul>
 * Analysis output is never used as a recognition score, and the harness refuses to run a protocol that
 * needs a capability the system does not declare.
 *
 * <p>Failures are values: every operation returns a result that is either a success or a
 * {@link org.touchstone.api.Failure} carrying a {@link org.touchstone.api.FailureCode} modelled on NIST
 * FRVT's return codes. The harness records failures in the numbers under the protocol's failure policy.
 * An exception escaping a system is a bug in that system; the harness survives it and records it as
 * {@link org.touchstone.api.FailureCode#UNCAUGHT_EXCEPTION}.
 *
 * <p>This package depends on the JDK only.
 */
package org.touchstone.api;
