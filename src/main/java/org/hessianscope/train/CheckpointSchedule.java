package org.hessianscope.train;

import java.util.Locale;

/**
 * When training keeps a checkpoint of θ: after every epoch, every {@code N} optimiser steps, or never.
 * Its key is what {@code train --checkpoints} takes and what {@code run.json} records: {@code epoch},
 * a whole number of steps, or {@code none}. Checkpoints are kept in float32 (4 bytes a parameter), so a
 * schedule costs {@code 4 · P · count} bytes in memory during training and in the run folder.
 *
 * @param everySteps the step interval, or {@link #EVERY_EPOCH} / {@link #NEVER}
 */
public record CheckpointSchedule(long everySteps) {
    public static final long EVERY_EPOCH = 0;
    public static final long NEVER = -1;
    public static final CheckpointSchedule EPOCH = new CheckpointSchedule(EVERY_EPOCH);
    public static final CheckpointSchedule NONE = new CheckpointSchedule(NEVER);
    /**
     * The default keeps one checkpoint an epoch only while they take at most this many bytes in all
     * (64 MiB: ten epochs of a network of 1.6 million parameters), so a default training never fills
     * a disk or a heap with checkpoints nobody asked for.
     */
    public static final long MODEST_BYTES = 64L << 20;
    /** An explicit schedule is refused beyond this (1 GiB), since all checkpoints are held in memory until the run is written. */
    public static final long MAX_BYTES = 1L << 30;

    public CheckpointSchedule {
        if (everySteps < NEVER) {
            throw new IllegalArgumentException("checkpoints = " + everySteps + " must be epoch, none or a positive "
                    + "number of steps");
        }
    }

    /** {@code epoch}, {@code none} or a positive whole number of steps; anything else is one line naming the valid values. */
    public static CheckpointSchedule parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("epoch")) {
            return EPOCH;
        }
        if (t.equals("none")) {
            return NONE;
        }
        try {
            long n = Long.parseLong(t);
            if (n >= 1) {
                return new CheckpointSchedule(n);
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("checkpoints = \"" + text + "\" is not valid; give epoch (one checkpoint "
                + "after every epoch), a positive number of steps N (one every N steps) or none");
    }

    /** One checkpoint an epoch when all of them take at most {@link #MODEST_BYTES}, else none. */
    public static CheckpointSchedule modestDefault(long parameterCount, int epochs) {
        return bytes(parameterCount, epochs) <= MODEST_BYTES ? EPOCH : NONE;
    }

    public String key() {
        if (everySteps == EVERY_EPOCH) {
            return "epoch";
        }
        return everySteps == NEVER ? "none" : Long.toString(everySteps);
    }

    public boolean keepsAny() {
        return everySteps != NEVER;
    }

    /** Whether a checkpoint is kept after {@code step} (1-based), the last of its epoch when {@code endOfEpoch}. */
    public boolean keepsAfter(long step, boolean endOfEpoch) {
        if (everySteps == NEVER) {
            return false;
        }
        return everySteps == EVERY_EPOCH ? endOfEpoch : step % everySteps == 0;
    }

    /** How many checkpoints a completed training of {@code totalSteps} steps over {@code epochs} epochs keeps. */
    public long count(long totalSteps, int epochs) {
        if (everySteps == NEVER) {
            return 0;
        }
        return everySteps == EVERY_EPOCH ? epochs : totalSteps / everySteps;
    }

    /** Refuses, before training starts, a schedule whose checkpoints would exceed {@link #MAX_BYTES}. */
    public void requireFits(long parameterCount, long totalSteps, int epochs) {
        long count = count(totalSteps, epochs);
        long bytes = bytes(parameterCount, count);
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "checkpoints = %s keeps %,d checkpoints of %,d parameters, %.2f GB in float32, more than the "
                            + "limit of %.2f GB; keep fewer (a larger number of steps, epoch or none)",
                    key(), count, parameterCount, bytes / 1e9, MAX_BYTES / 1e9));
        }
    }

    /** 4 bytes a parameter a checkpoint. */
    public static long bytes(long parameterCount, long count) {
        return 4L * parameterCount * count;
    }
}
