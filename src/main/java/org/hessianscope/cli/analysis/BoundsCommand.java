package org.hessianscope.cli.analysis;

import org.hessianscope.cli.common.ConsoleProgress;
import org.hessianscope.cli.common.DatasetOptions;
import org.hessianscope.cli.common.ModelSource;
import org.hessianscope.bounds.Bound;
import org.hessianscope.bounds.BoundHierarchy;
import org.hessianscope.bounds.BoundsJson;
import org.hessianscope.bounds.LayerNorm;
import org.hessianscope.curvature.PerSampleGgn;
import org.hessianscope.data.Dataset;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.curvature.Curvature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "bounds", mixinStandardHelpOptions = true,
        description = "The paper's bounds on the Gauss-Newton Hessian norm, Lemma 2 with the true operator norms, "
                + "and the measured per-sample values, with their looseness in orders of magnitude.")
public final class BoundsCommand implements Callable<Integer> {

    @Mixin
    ModelSource model;

    @Mixin
    DatasetOptions data;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "" + Curvature.DEFAULT_SAMPLES,
            description = "Use the first N training samples, in file order (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--json", paramLabel = "OUT.json", required = true, description = "Write the results here.")
    Path json;

    @Override
    public Integer call() throws Exception {
        ModelSource.Loaded loaded = model.load();
        Dataset train = data.train();
        if (samples < 1 || samples > train.size()) {
            throw new IllegalArgumentException("--samples " + samples + " is outside 1.." + train.size() + ": "
                    + train.describe() + " has " + train.size() + " training records");
        }
        Dataset used = train.first(samples);
        ModelSource.checkFits(loaded.spec(), used, used.describe());
        BoundHierarchy h;
        try (Engine engine = Engine.create()) {
            ConsoleProgress progress = ConsoleProgress.onTerminal();
            Model m = new Model(Network.of(loaded.spec()), loaded.theta());
            PerSampleGgn.Result measured = PerSampleGgn.compute(engine, m, used, progress);
            h = BoundHierarchy.of(loaded.spec(), loaded.theta(), used, measured.ggnNormWeightsOnly(), progress,
                    engine.threads());
        }
        BoundsJson.write(h, json);
        print(h, System.out);
        return 0;
    }

    private static void print(BoundHierarchy h, PrintStream o) {
        var c = h.conventions();
        o.printf(Locale.ROOT, "conventions: L=%d C=%d k=%d m×n=%d×%d w=%.4g P=%d h=%d w~=%.4g ||x||^2=%.4g over %d samples%n",
                c.layers(), c.channels(), c.kernel(), c.height(), c.width(), c.maxAbsConvWeight(), c.hiddenLayers(),
                c.hiddenWidth(), c.maxAbsDenseWeight(), c.inputNormSq(), c.samples());
        o.printf(Locale.ROOT, "%-14s %12s %12s%n", "layer", "||T||_2", "||Q||");
        for (LayerNorm l : h.layers()) {
            o.printf(Locale.ROOT, "%-14s %12.6g %12.6g%n", l.layer(), l.toeplitzNorm().value(), l.qNorm().value());
        }
        o.printf(Locale.ROOT, "%-14s %12s %12s%n", "bound", "log10", "looseness");
        for (Bound b : Stream.of(h.theorem2(), h.lemma3(), h.lemma4(), h.lemma2Actual()).filter(Objects::nonNull).toList()) {
            String mark = b.equals(h.paper()) ? " *" : "";
            o.printf(Locale.ROOT, "%-14s %12.3f %12.3f%n", b.name() + mark, b.log10(), b.looseness(h.measuredMax()));
        }
        o.printf(Locale.ROOT, "%-14s %12.3f   (max ||H_O,i|| weights only = %.6g, sample %d)%n", "measured",
                Math.log10(h.measuredMax()), h.measuredMax(), h.measuredArgmax());
        o.println("* the paper's bound for this network; looseness = log10(bound / measured)");
        h.caveats().forEach(s -> o.println("note: " + s));
    }
}
