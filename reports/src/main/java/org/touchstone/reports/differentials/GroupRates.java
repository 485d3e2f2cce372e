package org.touchstone.reports.differentials;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.touchstone.reports.stats.Proportion;

/**
 * One rate per group, all at the same operating point: for example FNMR per {@code sex} group at the one
 * global threshold that gives FMR 1e-4 over all impostor comparisons (the NISTIR 8280 method), or FNIR per
 * skin-type group, or attribute error per age band. The input of every summary and test in this package.
 *
 * <p>Groups keep the order given. Groups without trials are kept (reports show them as empty) but are
 * left out of every summary and test, which say how many groups they used.
 *
 * @param metric what the rate is, for example {@code "fnmr"}; written into reports
 * @param rates  per group, its events and trials; all keys name the same columns
 */
public record GroupRates(String metric, Map<GroupKey, Proportion> rates) {
    /**
     * @param metric not null
     * @param rates  copied, order kept; keys must share their columns
     */
    public GroupRates {
        Objects.requireNonNull(metric, "metric");
        Map<GroupKey, Proportion> copy = new LinkedHashMap<>();
        List<String> columns = null;
        for (Map.Entry<GroupKey, Proportion> entry : rates.entrySet()) {
            GroupKey key = Objects.requireNonNull(entry.getKey(), "group");
            if (columns == null) {
                columns = key.columns();
            } else if (!columns.equals(key.columns())) {
                throw new IllegalArgumentException("groups of one GroupRates must share columns: " + columns
                        + " and " + key.columns());
            }
            copy.put(key, Objects.requireNonNull(entry.getValue(), "rate of " + key));
        }
        rates = Collections.unmodifiableMap(copy);
    }

    /**
     * The groups with at least one trial, in order.
     *
     * @return a view without the empty groups
     */
    public Map<GroupKey, Proportion> defined() {
        Map<GroupKey, Proportion> defined = new LinkedHashMap<>();
        rates.forEach((key, rate) -> {
            if (rate.isDefined()) {
                defined.put(key, rate);
            }
        });
        return defined;
    }
}
