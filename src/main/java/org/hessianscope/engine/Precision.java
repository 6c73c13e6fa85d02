package org.hessianscope.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * The floating-point format a training evaluates its gradients in. Analyses always run in
 * {@link #FLOAT64}; {@link #FLOAT32} is the precision PyTorch users train in, and a run trained
 * in it keeps float32-representable weights, which every analysis then reads as float64.
 */
public enum Precision {
    FLOAT32("float32"),
    FLOAT64("float64");

    private final String key;

    Precision(String key) {
        this.key = key;
    }

    /** The name in run.json, on the command line and in the GUI: {@code float32} or {@code float64}. */
    @JsonValue
    public String key() {
        return key;
    }

    @JsonCreator
    public static Precision parse(String text) {
        for (Precision p : values()) {
            if (p.key.equals(text == null ? null : text.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("precision \"" + text + "\" is not one of "
                + Arrays.stream(values()).map(Precision::key).toList());
    }

    /** Rounds every value to the nearest value of this precision, in place (nothing to do for float64). */
    public void round(double[] values) {
        if (this == FLOAT32) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) values[i];
            }
        }
    }

    @Override
    public String toString() {
        return key;
    }
}
