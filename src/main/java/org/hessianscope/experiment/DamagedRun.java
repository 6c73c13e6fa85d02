package org.hessianscope.experiment;

import java.nio.file.Path;

/** A folder in the run store that is not a usable run, and what is wrong with it in words. */
public record DamagedRun(Path folder, String problem) {
    @Override
    public String toString() {
        return folder + ": " + problem;
    }
}
