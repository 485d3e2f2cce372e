package org.touchstone.api;

/**
 * The entry point of a system, found by {@link java.util.ServiceLoader}. A vendor jar lists its
 * implementation in {@code META-INF/services/org.touchstone.api.FaceSystemProvider}.
 *
 * <p>Providers are instantiated to list systems, so the constructor must be cheap: load models in
 * {@link #open}, not before.
 *
 * <pre>{@code
 * public final class MyProvider implements FaceSystemProvider {
 *     public SystemDescriptor descriptor() {
 *         return SystemDescriptor.builder("acme-fr")
 *                 .vendor("Acme").name("Acme FR").version("2.1.0")
 *                 .capabilities(Capability.VERIFICATION)
 *                 .scoreRange(new ScoreRange(0, 1))
 *                 .threshold(new OperatingThreshold("default", Capability.VERIFICATION, 0.8, "general use"))
 *                 .build();
 *     }
 *     public FaceSystem open(SystemContext context) throws FaceSystemException {
 *         Verifier verifier = new AcmeVerifier(context.configDirectory());
 *         return new FaceSystem() {
 *             public Optional<Verifier> verifier() { return Optional.of(verifier); }
 *         };
 *     }
 * }
 * }</pre>
 */
public interface FaceSystemProvider {
    /** @return the system's descriptor; the same on every call */
    SystemDescriptor descriptor();

    /**
     * Opens (initialises) the system: loads configuration and models. Called once per instance the
     * harness needs (once for {@link Concurrency#THREAD_SAFE} systems).
     *
     * @param context the read-only configuration directory and a working directory
     * @return the opened system
     * @throws FaceSystemException if the system cannot start, with a code such as
     *                             {@link FailureCode#CONFIG_ERROR}
     */
    FaceSystem open(SystemContext context) throws FaceSystemException;
}
