/**
 * Identification (1:N): the plan of galleries and probes, the search stage (gallery shards, merged
 * candidate lists, a checkpoint per gallery) and {@code IdentificationRunner}, the
 * {@code CapabilityRunner} of identification protocols.
 *
 * <p>May import {@code engine.stage}, the engine's services, {@code systems..}, {@code protocols} and
 * the SPI; never another capability's package. Imported only by the engine's entry.
 */
package org.touchstone.runner.engine.identification;
