package org.hessianscope.run;

import java.util.Locale;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.SpecCost;

/**
 * Refuses, before anything is allocated, a training that {@link SpecCost} says cannot fit the
 * Java heap, so a too-large network is one line naming the estimate and the heap rather than a
 * minute of swapping and an OutOfMemoryError.
 */
public final class TrainingMemory {
    private TrainingMemory() {
    }

    /** Throws unless training {@code spec} on {@code threads} threads fits what the heap can still give. */
    public static void require(ArchitectureSpec spec, int threads) {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        require(spec, threads, rt.maxMemory(), used);
    }

    /** As above for a heap of {@code maxHeap} bytes of which {@code used} are taken (the data, for one). */
    static void require(ArchitectureSpec spec, int threads, long maxHeap, long used) {
        long needed = SpecCost.of(spec).trainingHeapBytes(threads);
        long available = maxHeap - used;
        if (needed > available) {
            long suggest = Math.max(1, (long) Math.ceil((needed + used) * 1.25 / (1L << 30)));
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "training this network (%,d parameters) needs about %s of Java heap (SpecCost estimate on %d "
                            + "thread(s)) but only %s of the %s heap is free; use a smaller network, or give Java "
                            + "more heap with HESSIANSCOPE_JAVA_OPTS=-Xmx%dg",
                    spec.parameterCount(), gigabytes(needed), threads, gigabytes(available), gigabytes(maxHeap),
                    suggest));
        }
    }

    static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
