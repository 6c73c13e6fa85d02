package org.hessianscope.experiment;

import java.nio.file.Path;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.DatasetCatalog;

/** A sweep small enough for tests: 128 embedded MNIST records, one epoch, 2-channel k=5 networks of 1..3 layers. */
final class TinySweep {
    static final String YAML = """
            name: tiny
            dataset: mnist
            train_size: 128
            epochs: 1
            batch_size: 32
            channels: 2
            kernel: 5
            sweep:
              parameter: layers
              values: [1, 2, 3]
            analysis:
              orderings: 12
              curvature_samples: 16
              lanczos_steps: 6
              per_sample_full: 1
            """;

    private TinySweep() {
    }

    static SweepFile sweep() {
        return SweepFileReader.parse(YAML, "tiny.yaml", "tiny");
    }

    /** Only the embedded data, whatever this machine has installed, so every run sees the same records. */
    static DatasetCatalog catalog(Path empty) {
        // No --data-dir: one given is authoritative (issue 18), and this one holds nothing.
        return new DatasetCatalog(new DataLocations(null, null, empty, empty));
    }
}
