package org.hessianscope.experiment;

import java.util.Locale;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.engine.Precision;

/** Writes a {@link SweepFile} back in sweep-file form, so a results folder records exactly what ran. */
public final class SweepFileWriter {
    private SweepFileWriter() {
    }

    public static String toYaml(SweepFile s) {
        StringBuilder b = new StringBuilder();
        b.append("name: ").append(quote(s.name())).append('\n');
        if (!s.title().isEmpty()) {
            b.append("title: ").append(quote(s.title())).append('\n');
        }
        b.append("dataset: ").append(s.dataset().key()).append('\n');
        b.append("train_size: ").append(s.trainSize() == SweepFile.ALL ? "all" : Integer.toString(s.trainSize()))
                .append('\n');
        if (s.seeded()) {
            b.append("seeds: [").append(String.join(", ", s.seeds().stream().map(String::valueOf).toList()))
                    .append("]\n");
        } else {
            // One seed is written as seed, as every sweep file before seeds existed was.
            b.append("seed: ").append(s.seeds().get(0)).append('\n');
        }
        b.append("epochs: ").append(s.training().epochs()).append('\n');
        b.append("batch_size: ").append(s.training().batchSize()).append('\n');
        if (s.training().precision() != Precision.FLOAT64) {
            // float64 is what a sweep file without a precision means; only another precision is written.
            b.append("precision: ").append(s.training().precision().key()).append('\n');
        }
        if (s.checkpoints() != null) {
            b.append("checkpoints: ").append(s.checkpoints().key()).append('\n');
        }
        b.append("learning_rate: ").append(number(s.training().learningRate())).append('\n');
        b.append("layers: ").append(s.layers()).append('\n');
        b.append("channels: ").append(s.channels()).append('\n');
        b.append("kernel: ").append(s.kernel()).append('\n');
        if (s.poolType() != null) {
            b.append("pool_type: ").append(s.poolType().name().toLowerCase(Locale.ROOT)).append('\n');
        }
        b.append("pool_size: ").append(s.poolSize()).append('\n');
        if (s.poolPosition() != SweepFile.NO_POOL) {
            b.append("pool_position: ").append(s.poolPosition()).append('\n');
        }
        b.append("pool_convention: ").append(s.convention().key()).append('\n');
        b.append("legend_title: ").append(quote(s.legendTitle())).append('\n');
        b.append("sweep:\n  parameter: ").append(s.parameter().key()).append("\n  values: [")
                .append(String.join(", ", s.values().stream().map(SweepFileWriter::quote).toList())).append("]\n");
        AnalysisOptions a = s.analysis();
        b.append("analysis:\n");
        b.append("  orderings: ").append(a.orderings()).append('\n');
        b.append("  seed: ").append(a.seed()).append('\n');
        b.append("  alpha: ").append(number(a.alpha())).append('\n');
        b.append("  curvature_samples: ").append(a.curvatureSamples()).append('\n');
        b.append("  lanczos_steps: ").append(a.lanczosSteps()).append('\n');
        b.append("  per_sample_full: ").append(a.perSampleFull()).append('\n');
        return b.toString();
    }

    private static String number(double x) {
        return Double.toString(x);
    }

    private static String quote(String s) {
        if (s.matches("[A-Za-z0-9._-]+")) {
            return s;
        }
        return "'" + s.replace("'", "''") + "'";
    }
}
