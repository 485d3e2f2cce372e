package org.touchstone.reports.differentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.touchstone.reports.stats.Proportion;

/**
 * How far apart the groups' rates are, as ratios (1 = parity):
 * <ul>
 *   <li>max/min: the highest group rate over the lowest;</li>
 *   <li>max/geometric mean (NIST's draft summary): max_g r_g / exp(mean_g ln r_g).</li>
 * </ul>
 * Both are undefined when a rate is 0, so zero rates are first replaced as the {@link ZeroRateHandling}
 * says; the groups replaced are listed. Groups without trials are left out.
 *
 * @param metric           the rate, e.g. {@code "fnmr"}
 * @param handling         what was done with zero rates
 * @param groupsUsed       groups with trials, the ones the ratios cover
 * @param highest          the group with the highest (effective) rate, null when none
 * @param lowest           the group with the lowest (effective) rate, null when none
 * @param maxOverMin       highest / lowest; NaN with no group, or a zero rate under {@code UNDEFINED}
 * @param maxOverGeometricMean highest / geometric mean; NaN likewise
 * @param zeroRateGroups   the groups whose rate was 0 (and so replaced, or made the ratios undefined)
 */
public record RateRatios(String metric, ZeroRateHandling handling, int groupsUsed, GroupKey highest, GroupKey lowest,
                         double maxOverMin, double maxOverGeometricMean, List<GroupKey> zeroRateGroups) {
    /**
     * @param metric         not null
     * @param handling       not null
     * @param groupsUsed     {@code >= 0}
     * @param highest        may be null
     * @param lowest         may be null
     * @param maxOverMin     any
     * @param maxOverGeometricMean any
     * @param zeroRateGroups copied
     */
    public RateRatios {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(handling, "handling");
        zeroRateGroups = List.copyOf(zeroRateGroups);
    }

    /**
     * Computes both ratios.
     *
     * @param rates    the groups' rates at one operating point
     * @param handling what to do with zero rates
     * @return the ratios; the first group wins ties for highest and lowest
     */
    public static RateRatios of(GroupRates rates, ZeroRateHandling handling) {
        Map<GroupKey, Proportion> defined = rates.defined();
        List<GroupKey> zero = new ArrayList<>();
        GroupKey highest = null;
        GroupKey lowest = null;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        double logSum = 0;
        boolean undefined = defined.isEmpty();
        for (Map.Entry<GroupKey, Proportion> entry : defined.entrySet()) {
            if (entry.getValue().events() == 0) {
                zero.add(entry.getKey());
            }
            double rate = handling.effectiveRate(entry.getValue());
            if (Double.isNaN(rate)) {
                undefined = true;
                continue;
            }
            if (rate > max) {
                max = rate;
                highest = entry.getKey();
            }
            if (rate < min) {
                min = rate;
                lowest = entry.getKey();
            }
            logSum += Math.log(rate);
        }
        if (undefined) {
            return new RateRatios(rates.metric(), handling, defined.size(), highest, lowest, Double.NaN, Double.NaN, zero);
        }
        double geometricMean = Math.exp(logSum / defined.size());
        return new RateRatios(rates.metric(), handling, defined.size(), highest, lowest, max / min, max / geometricMean,
                zero);
    }
}
