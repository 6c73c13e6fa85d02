package org.hessianscope.arch;

/**
 * A {@code size}×{@code size} pool of stride {@code size} that replaces
 * nonlinearity {@code at} (1-based: the one after conv layer {@code at}), as in
 * the paper's Lemma 3.
 */
public record PoolSpec(PoolType type, int size, int at) {
    public PoolSpec {
        if (type == null) {
            throw new SpecException("pool.type is missing; valid: \"max\", \"avg\"");
        }
        SpecChecks.positive("pool.size", size);
        SpecChecks.positive("pool.at", at);
    }
}
