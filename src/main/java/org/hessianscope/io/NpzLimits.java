package org.hessianscope.io;

/**
 * Caps on what an {@code .npz} archive may make us allocate. Inflated bytes are
 * counted as they arrive, so a zip bomb stops at the cap whatever its headers claim.
 *
 * @param maxEntryBytes largest uncompressed size of one {@code .npy} entry
 * @param maxTotalBytes largest uncompressed size of all entries together
 * @param maxEntries    largest number of entries
 */
public record NpzLimits(long maxEntryBytes, long maxTotalBytes, int maxEntries) {

    /** 512 MiB an entry, 2 GiB in all, 10,000 entries: far above any network of the spec family. */
    public static final NpzLimits DEFAULT = new NpzLimits(512L << 20, 2048L << 20, 10_000);

    public NpzLimits {
        if (maxEntryBytes < 1 || maxTotalBytes < 1 || maxEntries < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxEntryBytes + ", " + maxTotalBytes + ", "
                    + maxEntries);
        }
        if (maxEntryBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxEntryBytes " + maxEntryBytes + " exceeds a Java array ("
                    + (Integer.MAX_VALUE - 8) + ")");
        }
    }
}
