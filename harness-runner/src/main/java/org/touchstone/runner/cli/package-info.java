/**
 * The {@code touchstone} command line: one picocli command per verb, their shared options, the exit
 * codes, and {@code CommandFailures}, picocli's execution exception handler, which turns whatever a
 * command throws into an {@code error:} line and the exit code it means, for every command. Commands
 * parse, call and print; what they do lives in the engine, the systems layer, {@code protocols} and
 * {@code reports}.
 *
 * <p>May import {@code engine..}, {@code systems..}, {@code protocols}, {@code reports} and the SPI;
 * imported only by the launching package.
 */
package org.touchstone.runner.cli;
