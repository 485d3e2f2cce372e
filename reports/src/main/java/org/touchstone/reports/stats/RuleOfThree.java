package org.touchstone.reports.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Whether a number of trials can support a claimed rate. With zero events in n trials the one-sided 95%
 * upper bound is 1 - 0.05^(1/n), about 3/n, so a rate r cannot be demonstrated with fewer than 3/r trials:
 * a rate below that support is flagged, never printed as if it were measured. NIST applies this to
 * "FMR = 1e-6", which needs at least 3,000,000 independent impostor comparisons.
 */
public final class RuleOfThree {
    private RuleOfThree() {
    }

    /**
     * The least number of trials that can support a rate: ceil(3 / r).
     *
     * @param rate r in (0, 1]
     * @return ceil(3 / r), at most {@code Long.MAX_VALUE}
     * @throws IllegalArgumentException when the rate is outside (0, 1]
     */
    public static long minimumTrials(double rate) {
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be in (0, 1], was " + rate);
        }
        // Decimal arithmetic on the rate as written: in binary, 3 / 0.001 is not exactly 3000.
        BigDecimal minimum = BigDecimal.valueOf(3).divide(BigDecimal.valueOf(rate), MathContext.DECIMAL128)
                .setScale(0, RoundingMode.CEILING);
        return minimum.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : minimum.longValue();
    }

    /**
     * Whether n trials can support a rate r.
     *
     * @param trials n
     * @param rate   r in (0, 1]
     * @return n &gt;= ceil(3 / r)
     */
    public static boolean supports(long trials, double rate) {
        return trials >= minimumTrials(rate);
    }
}
