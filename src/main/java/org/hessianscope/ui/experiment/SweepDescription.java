package org.hessianscope.ui.experiment;

import java.util.Locale;
import org.hessianscope.experiment.SweepFile;
import org.hessianscope.experiment.SweepParameter;

/** The few lines above the Experiments table saying what a sweep trains: data, training, network, swept values. */
public final class SweepDescription {
    private SweepDescription() {
    }

    static String of(SweepFile s) {
        StringBuilder b = new StringBuilder();
        b.append(s.name());
        if (!s.title().isBlank()) {
            b.append(" — ").append(s.title());
        }
        b.append('\n').append(String.format(Locale.ROOT, "dataset %s, train size %s, %d epoch%s, batch %d, "
                        + "learning rate %s, %s", s.dataset().key(),
                s.trainSize() == SweepFile.ALL ? "all" : "first " + s.trainSize(), s.training().epochs(),
                s.training().epochs() == 1 ? "" : "s", s.training().batchSize(), s.training().learningRate(),
                // A seeded sweep trains every network once per seed: name them all, not the first.
                s.seeded() ? "seeds " + s.seeds().stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", ")) : "seed " + s.training().seed()));
        // The swept quantity's fixed value in the file is overridden by each point, so it is not shown as fixed.
        SweepParameter p = s.parameter();
        String pool = p == SweepParameter.POOL_TYPE ? "swept" : s.poolType() == null ? "none" : s.poolType().key();
        if (s.poolType() != null || p == SweepParameter.POOL_TYPE) {
            pool += " " + s.poolSize() + "×" + s.poolSize() + " at position "
                    + (p == SweepParameter.POOL_POSITION ? "swept" : String.valueOf(s.poolPosition()));
        }
        b.append('\n').append("network L = ").append(fixed(p == SweepParameter.LAYERS, s.layers()))
                .append(", C = ").append(fixed(p == SweepParameter.CHANNELS, s.channels()))
                .append(", k = ").append(fixed(p == SweepParameter.KERNEL, s.kernel()))
                .append(", pool ").append(pool);
        b.append(", pool convention ").append(s.convention().key());
        b.append('\n').append("parameter ").append(s.parameter().key()).append(", values ")
                .append(String.join(", ", s.values()));
        b.append('\n').append(String.format(Locale.ROOT, "analysis: %d orderings, %d curvature samples, %d Lanczos "
                        + "steps", s.analysis().orderings(), s.analysis().curvatureSamples(),
                s.analysis().lanczosSteps()));
        return b.toString();
    }

    private static String fixed(boolean swept, int value) {
        return swept ? "swept" : String.valueOf(value);
    }
}
