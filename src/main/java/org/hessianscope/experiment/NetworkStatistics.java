package org.hessianscope.experiment;

import java.util.Map;

/**
 * One network of a sweep over its seeds: each summary number's mean and 95 % interval.
 *
 * @param value   the swept value (the legend label)
 * @param x       the swept value as a number, as {@link SweepRow#x()}
 * @param metrics by {@link SweepRow} column name, in {@link SeedStatistics#METRICS} order
 */
public record NetworkStatistics(String value, double x, int seeds, Map<String, SeedInterval> metrics) {
    public NetworkStatistics {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }

    public SeedInterval metric(String name) {
        SeedInterval i = metrics.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no metric " + name + "; known: " + metrics.keySet());
        }
        return i;
    }
}
