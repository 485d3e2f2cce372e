/**
 * Verification (1:1): the plan of templates and pairs, the comparison stage with its mergeable counts,
 * and {@code VerificationRunner}, the {@code CapabilityRunner} of verification protocols.
 *
 * <p>May import {@code engine.stage}, the engine's services, {@code systems..}, {@code protocols} and
 * the SPI; never another capability's package. Imported only by the engine's entry.
 */
package org.touchstone.runner.engine.verification;
