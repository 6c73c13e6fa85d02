package org.hessianscope.figure;

import org.hessianscope.curvature.HessianAnalysis;
import org.hessianscope.curvature.LanczosResult;

import java.awt.Color;

/** The three operators of the curvature analysis that the spectrum figure can toggle. */
public enum SpectrumOperator {
    HESSIAN("H", new Color(0x1f77b4)),
    GGN("H_O (Gauss-Newton)", new Color(0xff7f0e)),
    RESIDUAL("H_F = H − H_O", new Color(0x2ca02c));

    private final String title;
    private final Color colour;

    SpectrumOperator(String title, Color colour) {
        this.title = title;
        this.colour = colour;
    }

    public String title() {
        return title;
    }

    Color colour() {
        return colour;
    }

    /** This operator's Lanczos result in an analysis. */
    LanczosResult of(HessianAnalysis.Result r) {
        return switch (this) {
            case HESSIAN -> r.hessian();
            case GGN -> r.ggn();
            case RESIDUAL -> r.residual();
        };
    }
}
