package org.hessianscope.interop;

/**
 * A DL4J model that the spec family cannot express. The message names the
 * first offending layer (DL4J's 0-based index and class) and why.
 */
public final class UnsupportedModelException extends IllegalArgumentException {
    private final int layer;

    UnsupportedModelException(int layer, String message) {
        super(message);
        this.layer = layer;
    }

    /** DL4J's 0-based index of the first unsupported layer, or −1 when the problem is not one layer's. */
    public int layer() {
        return layer;
    }
}
