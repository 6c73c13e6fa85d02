package org.hessianscope.arch;

import java.util.Locale;

final class SpecChecks {
    /**
     * The most values one Java array may hold (a few below {@code Integer.MAX_VALUE}, which some
     * JVMs refuse). Every feature map and the flat parameter vector are one array each.
     */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8L;

    /** More layers than any input can use without a 1×1 kernel; beyond it a spec is a typo or an attack. */
    static final int MAX_LAYERS = 1_000;

    private SpecChecks() {
    }

    static void positive(String field, int value) {
        if (value < 1) {
            throw new SpecException(field + " = " + value + " must be a positive whole number");
        }
    }

    /** {@code count} values of {@code what} must fit one Java array; counted in 64 bits so nothing wraps. */
    static void indexable(String what, long count, String remedy) {
        if (count > MAX_ARRAY) {
            throw new SpecException(what + " = " + grouped(count) + " values, more than one Java array can hold ("
                    + grouped(MAX_ARRAY) + "); " + remedy);
        }
    }

    static void layers(String field, int layers) {
        if (layers > MAX_LAYERS) {
            throw new SpecException(field + " = " + layers + " is more than " + MAX_LAYERS + " layers; give at most "
                    + MAX_LAYERS);
        }
    }

    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
