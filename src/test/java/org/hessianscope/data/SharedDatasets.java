package org.hessianscope.data;

import java.nio.file.Files;
import java.nio.file.Path;

/** The full MNIST and Fashion-MNIST for tests: ../shared/datasets from the repo root, when present. */
public final class SharedDatasets {
    private SharedDatasets() {
    }

    /** The shared datasets folder, or null when absent (tests then skip with a printed reason). */
    public static Path find() {
        Path p = Path.of("..", "shared", "datasets");
        if (Files.isDirectory(p.resolve("mnist"))) {
            return p;
        }
        // Worktrees sit one level deeper than the main clone; this lets them run the same tests.
        String override = System.getenv("HESSIANSCOPE_SHARED_DATASETS");
        if (override != null && Files.isDirectory(Path.of(override, "mnist"))) {
            return Path.of(override);
        }
        return null;
    }
}
