package org.hessianscope.curvature;

/**
 * The three operators of the curvature analysis: the Hessian H of the mean loss, its
 * Gauss-Newton part H_O (ggn, positive semi-definite) and the residual H_F = H − H_O.
 * {@link #key()} is the one word each goes by in code, JSON and commands.
 */
public enum CurvatureOperator {
    HESSIAN("hessian", "H"),
    GGN("ggn", "H_O"),
    RESIDUAL("residual", "H_F");

    private final String key;
    private final String symbol;

    CurvatureOperator(String key, String symbol) {
        this.key = key;
        this.symbol = symbol;
    }

    /** The JSON key and listener word: "hessian", "ggn", "residual". */
    public String key() {
        return key;
    }

    /** The paper's symbol: H, H_O, H_F. */
    public String symbol() {
        return symbol;
    }
}
