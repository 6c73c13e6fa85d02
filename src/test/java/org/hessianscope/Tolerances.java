package org.hessianscope;

/**
 * Tolerances that several tests share, named once with their derivation (EJML's TEST_F64 habit).
 * A test whose tolerance is particular to it keeps its own constant beside its derivation.
 */
public final class Tolerances {
    /**
     * A few roundings of O(1) doubles: a hand value like 5/3 against its computed or
     * JSON round-tripped copy (shortest representation), a handful of ulps of 1.
     */
    public static final double ULPS_F64 = 1e-15;

    /**
     * The same double expression summed in two orders, or by two implementations, over at most
     * a few thousand O(1) terms (n·ε ≈ 1e-13 at n = 5,040): rounding stays below this.
     */
    public static final double SUM_ORDER_F64 = 1e-12;

    /** The accuracy issue 3 asks of Lanczos eigenvalues, relative to the dense solver's (LanczosOptions' 1e-8). */
    public static final double EIGENVALUE_RELATIVE = 1e-8;

    private Tolerances() {
    }
}
