package org.hessianscope.bounds;

/**
 * One bound on ‖H_O‖, kept as its base-10 logarithm because the paper's bounds
 * reach 10^30 and beyond; the number itself is never formed unless asked for.
 *
 * @param name      the statement it comes from, e.g. {@code theorem2}, {@code lemma2Actual}
 * @param log10     log10 of the bound; {@code -Infinity} when the bound is 0
 */
public record Bound(String name, double log10) {

    /** 10^log10, which overflows to infinity past 10^308. */
    public double value() {
        return Math.pow(10, log10);
    }

    /** Orders of magnitude by which the bound exceeds {@code measured}: log10(bound / measured). */
    public double looseness(double measured) {
        return log10 - Math.log10(measured);
    }
}
