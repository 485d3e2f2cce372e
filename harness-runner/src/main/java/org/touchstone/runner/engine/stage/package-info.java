/**
 * What the three capability runners share: the {@code CapabilityRunner} interface they implement, the
 * context their stages run with, the template stage both recognition capabilities start with, and the
 * summary of what the stages did.
 *
 * <p>May import the engine's services ({@code prepare}, {@code backend}, {@code checkpoint},
 * {@code timing}, {@code rundir}, {@code progress}), {@code systems..}, {@code protocols} and the SPI;
 * imported by the capability runners and the engine's entry, never by the services.
 */
package org.touchstone.runner.engine.stage;
