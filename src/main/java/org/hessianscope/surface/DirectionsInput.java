package org.hessianscope.surface;

import java.nio.file.Path;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;

/**
 * What a {@link Directions} kind may build its directions from.
 *
 * @param engine  the engine, whose pool a kind's products share
 * @param model   the trained network at θ̂
 * @param samples the surface's subset (the first N training samples), which the Hessian directions are of
 * @param init    θ₀, the weights training started from, or null when unknown
 * @param run     the run folder (checkpoints live there), or null when the model did not come from one
 * @param options the surface's options (seed, operator, Lanczos steps)
 */
public record DirectionsInput(Engine engine, Model model, Samples samples, double[] init, Path run,
                              SurfaceOptions options) {
}
