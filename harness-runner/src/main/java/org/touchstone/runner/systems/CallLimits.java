package org.touchstone.runner.systems;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How long the harness waits for each kind of call before it records {@code TIMEOUT}, abandons the
 * call and (for subprocess systems) kills and restarts the worker. These are deadlines that keep a run
 * alive, not performance limits: {@code touchstone validate} measures speed separately.
 *
 * @param limits one deadline per operation
 */
public record CallLimits(Map<Operation, Duration> limits) {
    /** The operations that have a deadline. */
    public enum Operation {
        /** Starting the system: launching a worker, its handshake, {@code open}. */
        STARTUP(Duration.ofSeconds(120)),
        /** One template-creation call. */
        TEMPLATE(Duration.ofSeconds(30)),
        /** One batched comparison call (one probe against up to a block of enrolment templates). */
        COMPARISON(Duration.ofSeconds(30)),
        /** Building a 1:N gallery. */
        ENROLMENT(Duration.ofMinutes(30)),
        /** One 1:N search, or a gallery insertion or removal. */
        SEARCH(Duration.ofSeconds(60)),
        /** Analysing one image. */
        ANALYSIS(Duration.ofSeconds(30)),
        /** Closing the system or a gallery. */
        CLOSE(Duration.ofSeconds(10));

        private final Duration defaultLimit;

        Operation(Duration defaultLimit) {
            this.defaultLimit = defaultLimit;
        }

        /** @return the operation's name on the command line and in configuration files */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @param key a name as returned by {@link #key()}
         * @return the operation
         * @throws IllegalArgumentException naming the valid keys
         */
        public static Operation ofKey(String key) {
            for (Operation op : values()) {
                if (op.key().equals(key)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("unknown operation '" + key + "' for a time limit; expected one of "
                    + java.util.Arrays.stream(values()).map(Operation::key).toList());
        }
    }

    /** Canonical form: every operation has a positive deadline. */
    public CallLimits {
        EnumMap<Operation, Duration> copy = new EnumMap<>(Operation.class);
        for (Operation op : Operation.values()) {
            Duration d = Objects.requireNonNull(limits, "limits").getOrDefault(op, op.defaultLimit);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("time limit for " + op.key() + " must be positive, was " + d);
            }
            copy.put(op, d);
        }
        limits = Map.copyOf(copy);
    }

    /** @return the default deadlines */
    public static CallLimits defaults() {
        return new CallLimits(Map.of());
    }

    /**
     * @param op an operation
     * @return its deadline
     */
    public Duration of(Operation op) {
        return limits.get(op);
    }

    /**
     * @param overrides deadlines to change; the others are kept
     * @return the combined limits
     */
    public CallLimits with(Map<Operation, Duration> overrides) {
        EnumMap<Operation, Duration> merged = new EnumMap<>(limits);
        merged.putAll(overrides);
        return new CallLimits(merged);
    }

    /**
     * @param op    an operation
     * @param limit its new deadline
     * @return the combined limits
     */
    public CallLimits with(Operation op, Duration limit) {
        return with(Map.of(op, limit));
    }
}
