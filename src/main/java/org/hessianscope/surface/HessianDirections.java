package org.hessianscope.surface;

import java.util.ArrayList;
import java.util.List;
import org.hessianscope.curvature.Lanczos;
import org.hessianscope.curvature.LanczosOptions;
import org.hessianscope.curvature.LanczosResult;
import org.hessianscope.linalg.SymmetricOperator;
import org.hessianscope.task.ProgressMonitor;

/**
 * The top one or two unit Ritz vectors of H (or H_O, {@link SurfaceOptions#operator()}) of the mean loss over the
 * surface's subset at θ̂, from the project's Lanczos with full reorthogonalisation: orthonormal, with their Ritz
 * values recorded. Coordinates are Euclidean distances in parameter space along them.
 */
public final class HessianDirections implements Directions {

    HessianDirections() {
    }

    @Override
    public String key() {
        return "hessian";
    }

    @Override
    public String units() {
        return "Euclidean distance in parameter space along unit eigenvectors";
    }

    @Override
    public int maxDims() {
        return 2;
    }

    @Override
    public List<Direction> directions(DirectionsInput input, int dims, ProgressMonitor monitor) {
        SurfaceOptions o = input.options();
        SymmetricOperator op = SurfaceOptions.GGN.equals(o.operator())
                ? input.engine().ggnOperator(input.model(), input.samples())
                : input.engine().hessianOperator(input.model(), input.samples());
        LanczosOptions lanczos = new LanczosOptions(o.lanczosSteps(), dims, 0, LanczosOptions.DEFAULT_TOLERANCE,
                o.seed(), true);
        LanczosResult r = Lanczos.run(op, lanczos, monitor, step -> { });
        String symbol = SurfaceOptions.GGN.equals(o.operator()) ? "H_O" : "H";
        List<Direction> out = new ArrayList<>();
        for (int a = 0; a < r.topVectors().length; a++) {
            out.add(new Direction(symbol + " eigenvector " + (a + 1), r.topVectors()[a], r.top()[a]));
        }
        if (out.size() < dims) {
            throw new IllegalStateException("Lanczos found " + out.size() + " of " + dims + " eigenvectors");
        }
        return out;
    }
}
