package org.touchstone.runner.cli.bench;

import java.util.Locale;
import java.util.Optional;
import org.touchstone.api.Capability;
import org.touchstone.api.SystemDescriptor;

/**
 * The SPI operations {@code touchstone bench} measures, each a method of {@link SystemBenchmarks}, and
 * what one operation is: a comparison is one of a batched call's {@value BenchSubject#COMPARISON_BLOCK},
 * a search one of a batched call's {@value BenchSubject#SEARCH_BLOCK} probes, as the runner calls them.
 */
public enum BenchOperation {
    /** {@code createTemplate} of one image. */
    CREATE_TEMPLATE("create_template", "createTemplate", "template"),
    /** One comparison, in {@code compareMany} calls of a probe against a block of enrolment templates. */
    COMPARISON("comparison", "compare", "comparison"),
    /** One search, in {@code searchMany} calls of a block of probes, against a gallery of a given size. */
    SEARCH("search", "search", "search"),
    /** {@code analyze} of one image. */
    ANALYSIS("analysis", "analyze", "image");

    private final String externalName;
    private final String method;
    private final String unit;

    BenchOperation(String externalName, String method, String unit) {
        this.externalName = externalName;
        this.method = method;
        this.unit = unit;
    }

    /** @return its name in bench.json and on the command line, e.g. {@code create_template} */
    public String externalName() {
        return externalName;
    }

    /** @return the benchmark method of {@link SystemBenchmarks} */
    public String method() {
        return method;
    }

    /** @return what one operation is, e.g. {@code comparison} */
    public String unit() {
        return unit;
    }

    /**
     * The capability the operation is measured through: template creation through verification when the
     * system offers it, else identification.
     *
     * @param system the system's descriptor
     * @return the capability, or empty when the system offers none that has the operation
     */
    public Optional<Capability> capability(SystemDescriptor system) {
        return switch (this) {
            case CREATE_TEMPLATE -> system.offers(Capability.VERIFICATION) ? Optional.of(Capability.VERIFICATION)
                    : system.offers(Capability.IDENTIFICATION) ? Optional.of(Capability.IDENTIFICATION) : Optional.empty();
            case COMPARISON -> system.offers(Capability.VERIFICATION) ? Optional.of(Capability.VERIFICATION) : Optional.empty();
            case SEARCH -> system.offers(Capability.IDENTIFICATION) ? Optional.of(Capability.IDENTIFICATION) : Optional.empty();
            case ANALYSIS -> system.offers(Capability.ANALYSIS) ? Optional.of(Capability.ANALYSIS) : Optional.empty();
        };
    }

    /**
     * @param name an external name, as on the command line
     * @return the operation
     * @throws IllegalArgumentException naming the known operations
     */
    public static BenchOperation of(String name) {
        for (BenchOperation operation : values()) {
            if (operation.externalName.equals(name.toLowerCase(Locale.ROOT))) {
                return operation;
            }
        }
        throw new IllegalArgumentException("unknown operation '" + name + "': expected create_template, comparison,"
                + " search or analysis");
    }

    /**
     * @param benchmark a JMH benchmark name, e.g. {@code org.touchstone.runner.cli.bench.SystemBenchmarks.search}
     * @return the operation it measures
     */
    static BenchOperation ofBenchmark(String benchmark) {
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        for (BenchOperation operation : values()) {
            if (operation.method.equals(method)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("no operation is measured by " + benchmark);
    }
}
