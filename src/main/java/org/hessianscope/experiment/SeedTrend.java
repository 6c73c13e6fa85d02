package org.hessianscope.experiment;

/**
 * A hypothesis "metric grows (or falls) with the swept value" tested against the seeds' noise.
 *
 * @param spearman     mean over seeds of Spearman's ρ between the swept value and the metric of that
 *                     seed's networks
 * @param pValue       two-sided permutation p-value of {@code spearman}, the metric's values permuted
 *                     among the networks within each seed ({@link PermutationTest})
 * @param exact        whether the p-value was found by enumerating every permutation
 * @param orderKept    over every pair of seeds and every pair of networks, the share in which the
 *                     second seed orders the two networks as the first does (1: the seeds never
 *                     disagree; about 0.5: the order is noise); NaN with one seed
 * @param seeds        the seeds the test used (those with every network's value)
 */
public record SeedTrend(String metric, double spearman, double pValue, boolean exact, double orderKept, int seeds) {
}
