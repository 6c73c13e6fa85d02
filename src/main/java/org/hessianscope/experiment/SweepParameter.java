package org.hessianscope.experiment;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The architecture parameter a sweep varies, with its key in sweep files and its legend title in figures. */
public enum SweepParameter {
    LAYERS("layers", "$L$ (number of layers)"),
    KERNEL("kernel", "$k$ (kernel size)"),
    CHANNELS("channels", "$C$ (number of channels)"),
    POOL_POSITION("pool_position", "$l$ (pooling position)"),
    POOL_TYPE("pool_type", "pooling type");

    private final String key;
    private final String legendTitle;

    SweepParameter(String key, String legendTitle) {
        this.key = key;
        this.legendTitle = legendTitle;
    }

    public String key() {
        return key;
    }

    /** The default legend title, in the authors' wording. */
    public String legendTitle() {
        return legendTitle;
    }

    public static SweepParameter fromKey(String key) {
        for (SweepParameter p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("\"" + key + "\" is not a sweep parameter; valid: " + keys());
    }

    public static String keys() {
        return Arrays.stream(values()).map(SweepParameter::key).collect(Collectors.joining(", "));
    }
}
