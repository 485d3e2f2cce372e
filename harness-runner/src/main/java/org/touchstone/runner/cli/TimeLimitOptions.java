package org.touchstone.runner.cli;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.touchstone.runner.systems.CallLimits;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --timeout OP=SECONDS}: the per-call deadlines, for commands that call a system. */
final class TimeLimitOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private final Map<CallLimits.Operation, Duration> limits = new EnumMap<>(CallLimits.Operation.class);

    /**
     * @param given operation names and seconds, validated as picocli parses so a bad value is a usage error
     */
    @Option(names = "--timeout", paramLabel = "OP=SECONDS", mapFallbackValue = "",
            description = "Deadline of one call, after which it is recorded as TIMEOUT (a subprocess worker is"
                    + " killed and restarted). OP is one of startup, template, comparison (a batched call),"
                    + " enrolment, search, analysis, close. Repeatable. Defaults: 120, 30, 30, 1800, 60, 30, 10.")
    void timeouts(Map<String, String> given) {
        for (Map.Entry<String, String> e : given.entrySet()) {
            try {
                double seconds = Double.parseDouble(e.getValue());
                if (!(seconds > 0) || Double.isInfinite(seconds)) {
                    throw new NumberFormatException();
                }
                limits.put(CallLimits.Operation.ofKey(e.getKey()), Duration.ofNanos((long) (seconds * 1e9)));
            } catch (NumberFormatException ex) {
                throw new ParameterException(mixee.commandLine(), "--timeout " + e.getKey() + "=" + e.getValue()
                        + ": the deadline must be a positive number of seconds");
            } catch (IllegalArgumentException ex) {
                throw new ParameterException(mixee.commandLine(), "--timeout: " + ex.getMessage());
            }
        }
    }

    /** @return the deadlines given on the command line */
    Map<CallLimits.Operation, Duration> limits() {
        return Map.copyOf(limits);
    }
}
