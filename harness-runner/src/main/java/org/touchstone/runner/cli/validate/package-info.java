/**
 * {@code touchstone validate}: the vendor's conformance check before submission, and its report.
 * {@code Validator} runs the checks in report order, each check (or family of checks measured on the same
 * calls) in a class of its own: {@code DescriptorCheck}, the shared kinds ({@code AnswersNotFaultsCheck},
 * {@code SameAnswersCheck}, {@code BadInputCheck}, {@code MedianTimeCheck}), and per capability
 * {@code VerificationChecks}, {@code IdentificationChecks} and {@code AnalysisChecks} with theirs. Every
 * call goes through the same guards as a run ({@code systems.guard}), so a verdict holds for runs.
 *
 * <p>May import {@code engine..}, {@code systems..}, {@code protocols} and the SPI; used by {@code cli}.
 */
package org.touchstone.runner.cli.validate;
