package org.touchstone.reports.rendering;

import java.math.BigDecimal;
import java.util.Locale;
import org.touchstone.reports.stats.ConfidenceInterval;
import org.touchstone.reports.stats.Proportion;

/** How numbers are written into reports: exact and stable in files, short and readable in headlines. */
public final class Numbers {
    private Numbers() {
    }

    /**
     * A number for a file: Java's round-trip form, so the exact double can be read back; empty when the
     * value is undefined (NaN or infinite).
     */
    public static String exact(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }

    /** A rate for people: a percentage with three significant digits and its counts, e.g. "5.20% (52/1000)". */
    public static String percent(Proportion proportion) {
        String counts = " (" + proportion.events() + "/" + proportion.trials() + ")";
        if (!proportion.isDefined()) {
            return "undefined" + counts;
        }
        return String.format(Locale.ROOT, "%.3g%%", proportion.rate() * 100) + counts;
    }

    /** A rate for people without counts, e.g. "5.20%". */
    public static String percent(double rate) {
        return Double.isFinite(rate) ? String.format(Locale.ROOT, "%.3g%%", rate * 100) : "undefined";
    }

    /** An interval for people, e.g. "0.631%-80.6%". */
    public static String interval(ConfidenceInterval ci) {
        return percent(ci.lower()) + "-" + percent(ci.upper());
    }

    /** A number for labels: plain decimals down to 1e-6 (0.000001), then scientific (1e-7); no trailing zeros. */
    public static String readable(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        BigDecimal rounded = new BigDecimal(String.format(Locale.ROOT, "%.6g", value)).stripTrailingZeros();
        return value == 0 || Math.abs(value) >= 1e-6 ? rounded.toPlainString() : rounded.toString().replace("E", "e");
    }

    /**
     * A rate for people, saying what zero events in n trials allow rather than printing "0.00%": e.g.
     * "0 false positives in 500 non-mated searches: FPIR <= 0.597% at 95%" (the one-sided 95% upper bound
     * 1 - 0.05^(1/n), about 3/n), else "FPIR 1.20% (6/500)".
     *
     * @param name       the rate's name, e.g. "FPIR"
     * @param proportion the rate
     * @param events     what an event is, plural, e.g. "false positives"
     * @param trials     what a trial is, plural, e.g. "non-mated searches"
     */
    public static String rate(String name, Proportion proportion, String events, String trials) {
        if (proportion.events() == 0 && proportion.isDefined()) {
            double bound = 1 - Math.pow(0.05, 1.0 / proportion.trials());
            return "0 " + events + " in " + proportion.trials() + " " + trials + ": " + name + " <= "
                    + percent(bound) + " at 95%";
        }
        return name + " " + percent(proportion);
    }
}
