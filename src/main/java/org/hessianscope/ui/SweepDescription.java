package org.hessianscope.ui;

import java.util.Locale;
import org.hessianscope.experiment.SweepFile;

/** The few lines above the Experiments table saying what a sweep trains: data, training, network, swept values. */
final class SweepDescription {
    private SweepDescription() {
    }

    static String of(SweepFile s) {
        StringBuilder b = new StringBuilder();
        b.append(s.name());
        if (!s.title().isBlank()) {
            b.append(" — ").append(s.title());
        }
        b.append('\n').append(String.format(Locale.ROOT, "dataset %s, train size %s, %d epoch%s, batch %d, "
                        + "learning rate %g, seed %d", s.dataset().key(),
                s.trainSize() == SweepFile.ALL ? "all" : "first " + s.trainSize(), s.training().epochs(),
                s.training().epochs() == 1 ? "" : "s", s.training().batchSize(), s.training().learningRate(),
                s.training().seed()));
        b.append('\n').append(String.format(Locale.ROOT, "network L = %d, C = %d, k = %d, pool %s", s.layers(),
                s.channels(), s.kernel(), s.poolPosition() == SweepFile.NO_POOL || s.poolType() == null ? "none"
                        : s.poolType().key() + " " + s.poolSize() + "×" + s.poolSize() + " at position "
                        + s.poolPosition()));
        b.append(", pool convention ").append(s.convention().key());
        b.append('\n').append("parameter ").append(s.parameter().key()).append(", values ")
                .append(String.join(", ", s.values()));
        b.append('\n').append(String.format(Locale.ROOT, "analysis: %d orderings, %d curvature samples, %d Lanczos "
                        + "steps", s.analysis().orderings(), s.analysis().curvatureSamples(),
                s.analysis().lanczosSteps()));
        return b.toString();
    }
}
