package org.hessianscope.surface;

/**
 * One direction of a slice, as a {@link Directions} kind makes it.
 *
 * @param label      what it is, for a figure's axis ("Hessian eigenvector 1")
 * @param vector     v, length P in the network's parameter layout
 * @param eigenvalue its Ritz value for Hessian directions, NaN otherwise
 */
public record Direction(String label, double[] vector, double eigenvalue) {
}
