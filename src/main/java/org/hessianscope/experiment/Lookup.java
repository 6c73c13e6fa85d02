package org.hessianscope.experiment;

/** What the run store holds for a key: a usable run, nothing, or a folder that cannot be trusted. */
public sealed interface Lookup {
    record Found(StoredRun run) implements Lookup {
    }

    record Missing() implements Lookup {
    }

    record Damaged(DamagedRun damage) implements Lookup {
    }
}
