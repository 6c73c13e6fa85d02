package org.hessianscope.surface;

import java.util.List;
import org.hessianscope.task.ProgressMonitor;

/**
 * A kind of slice direction: how the one or two directions v of a slice w = θ̂ + Σ α_a v_a are chosen.
 * Each kind is listed once in {@link DirectionKinds#ALL}; {@code --directions KEY} and the result's
 * {@code directions} name it by {@link #key()}. docs/surface.md ("Directions") lists the kinds and their units.
 */
public interface Directions {

    /** The one word the kind goes by in code, JSON and commands ({@code hessian}, {@code random}, ...). */
    String key();

    /** What one unit of a coordinate along these directions is, in words, for the result and the figure. */
    String units();

    /** The largest slice dimension the kind makes: 2, or 1 for a line such as θ₀ → θ̂. */
    int maxDims();

    /**
     * The {@code dims} directions (1 ≤ dims ≤ {@link #maxDims()}), each of length P. Deterministic for the
     * seed in {@code input.options()}; cancellable through {@code monitor}. A run that lacks what the kind
     * needs (θ₀, checkpoints) is an {@link org.hessianscope.task.InvalidSettingException} saying how to get it.
     */
    List<Direction> directions(DirectionsInput input, int dims, ProgressMonitor monitor);
}
