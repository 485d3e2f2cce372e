package org.touchstone.reports.summary;

import java.math.BigDecimal;
import java.util.Locale;

/** Numbers for sentences: percentages to three significant digits, counts with thousands separators. */
final class Text {
    private Text() {
    }

    static String percent(double rate) {
        return Double.isFinite(rate) ? number(rate * 100) + "%" : "undefined";
    }

    /** "34.8 to 40.4%" */
    static String percentRange(double lower, double upper) {
        return number(lower * 100) + " to " + number(upper * 100) + "%";
    }

    /** Three significant digits, plain (0.0126, 37.6, 1,200), no exponent above 1e-6. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(String.format(Locale.ROOT, "%.3g", value));
        if (Math.abs(value) >= 1000) {
            return String.format(Locale.ROOT, "%,d", rounded.longValue());
        }
        return Math.abs(value) >= 1e-6 ? rounded.toPlainString() : rounded.toString().replace("E", "e");
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A rate target for people: "1 in 1,000", "3 in 100" (a one-digit count in a power of ten), else a percentage. */
    static String oneIn(double target) {
        for (long in = 10; in <= 1_000_000_000L; in *= 10) {
            double n = target * in;
            long whole = Math.round(n);
            if (whole >= 1 && whole <= 9 && Math.abs(n - whole) < 1e-9 * n) {
                return whole + " in " + count(in);
            }
        }
        return percent(target);
    }

    /** A threshold or setting: up to six significant digits, no trailing zeros (0.82, 0.809638). */
    static String plain(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(String.format(Locale.ROOT, "%.6g", value)).stripTrailingZeros().toPlainString();
    }

    /** A number as written in a requirement key: shortest round-trip form, e.g. 0.001, 1.0E-6 as 1e-6. */
    static String key(double value) {
        if (Math.abs(value) >= 1e-4 || value == 0) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
        return Double.toString(value).replace(".0E", "E").replace("E", "e");
    }
}
