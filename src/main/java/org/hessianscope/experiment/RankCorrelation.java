package org.hessianscope.experiment;

/**
 * Spearman's ρ between two summary numbers over every (network, seed) run of a sweep, with a
 * permutation p-value (all runs one group, {@link PermutationTest}): how far "ranks networks
 * as … does" holds once the seeds' noise is in the data.
 */
public record RankCorrelation(String x, String y, int runs, double spearman, double pValue, boolean exact) {
}
