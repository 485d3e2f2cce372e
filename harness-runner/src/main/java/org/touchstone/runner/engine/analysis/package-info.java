/**
 * Facial analysis: {@code AnalysisRunner}, the {@code CapabilityRunner} of attribute protocols, which
 * analyses every image and records each face's estimates.
 *
 * <p>May import {@code engine.stage}, the engine's services, {@code systems..}, {@code protocols} and
 * the SPI; never another capability's package. Imported only by the engine's entry.
 */
package org.touchstone.runner.engine.analysis;
