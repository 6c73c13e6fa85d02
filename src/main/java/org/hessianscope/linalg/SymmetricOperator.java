package org.hessianscope.linalg;

/**
 * A symmetric linear map given only by its action, such as a Hessian-vector
 * product. Lanczos, power iteration and Hutchinson need nothing more.
 */
public interface SymmetricOperator {

    int dimension();

    /** Writes {@code A v} into {@code out}; {@code v} and {@code out} have length {@link #dimension()} and are distinct arrays. */
    void apply(double[] v, double[] out);
}
