package org.hessianscope.experiment;

import java.nio.file.Path;
import org.hessianscope.run.RunInfo;

/** A checked run in a {@link RunStore}: its folder, the key it was trained from, and how training went. */
public record StoredRun(Path folder, RunKey key, RunInfo info) {
}
