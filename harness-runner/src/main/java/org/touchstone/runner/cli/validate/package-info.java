/**
 * {@code touchstone validate}: the vendor's conformance check before submission, and its report. Every
 * call goes through the same guards as a run ({@code systems.guard}), so a verdict holds for runs.
 *
 * <p>May import {@code engine..}, {@code systems..}, {@code protocols} and the SPI; used by {@code cli}.
 */
package org.touchstone.runner.cli.validate;
