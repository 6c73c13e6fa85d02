package org.hessianscope.io;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;

/** The floating-point dtypes this project reads; {@code '<f8'} and {@code '<f4'} are what it writes. */
public enum NpyDtype {
    FLOAT64_LE("<f8", 8, ByteOrder.LITTLE_ENDIAN),
    FLOAT32_LE("<f4", 4, ByteOrder.LITTLE_ENDIAN),
    FLOAT64_BE(">f8", 8, ByteOrder.BIG_ENDIAN),
    FLOAT32_BE(">f4", 4, ByteOrder.BIG_ENDIAN);

    private final String descr;
    private final int itemSize;
    private final ByteOrder order;

    NpyDtype(String descr, int itemSize, ByteOrder order) {
        this.descr = descr;
        this.itemSize = itemSize;
        this.order = order;
    }

    /** The NumPy type string, e.g. {@code <f8}. */
    public String descr() {
        return descr;
    }

    public int itemSize() {
        return itemSize;
    }

    public ByteOrder order() {
        return order;
    }

    public static Optional<NpyDtype> fromDescr(String descr) {
        return Arrays.stream(values()).filter(d -> d.descr.equals(descr)).findFirst();
    }

    /** The valid type strings, for error messages. */
    public static String validDescrs() {
        return String.join(", ", Arrays.stream(values()).map(NpyDtype::descr).toList());
    }
}
