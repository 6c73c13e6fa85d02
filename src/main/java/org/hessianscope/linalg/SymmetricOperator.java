package org.hessianscope.linalg;

/**
 * A symmetric linear map given only by its action, such as a Hessian-vector
 * product. Lanczos, power iteration and Hutchinson need nothing more.
 */
public interface SymmetricOperator {

    int dimension();

    /** Writes {@code A v} into {@code out}; {@code v} and {@code out} have length {@link #dimension()} and are distinct arrays. */
    void apply(double[] v, double[] out);

    /**
     * Writes {@code A v_j} into {@code outs[j]} for every j, each equal to what {@link #apply(double[], double[])}
     * gives; an operator that shares work across vectors (one forward pass per sample for all of them) overrides it.
     */
    default void applyAll(double[][] vs, double[][] outs) {
        for (int j = 0; j < vs.length; j++) {
            apply(vs[j], outs[j]);
        }
    }
}
