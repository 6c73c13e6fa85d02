package org.hessianscope.experiment;

/**
 * How a sweep file's pool position is read. The paper puts the pool in place of nonlinearity
 * l (1-based) and has no nonlinearity after the last conv. The authors' code counts conv
 * layers from 0 and, in its pooling models, keeps a ReLU after the last conv, so their
 * position p is our position p + 1 with a ReLU after the last conv unless the pool is there.
 */
public enum PoolConvention {
    PAPER("paper"),
    AUTHORS("authors");

    private final String key;

    PoolConvention(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The 1-based nonlinearity the pool replaces for a position written in this convention. */
    public int at(int position) {
        return this == PAPER ? position : position + 1;
    }

    /** Whether a network with a pool has a ReLU after its last conv layer. */
    public boolean reluAfterLastConv() {
        return this == AUTHORS;
    }

    public static PoolConvention fromKey(String key) {
        for (PoolConvention c : values()) {
            if (c.key.equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("\"" + key + "\" is not a pool convention; valid: paper, authors");
    }
}
