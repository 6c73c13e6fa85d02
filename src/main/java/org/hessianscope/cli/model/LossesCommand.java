package org.hessianscope.cli.model;

import org.hessianscope.cli.common.DatasetOptions;
import org.hessianscope.cli.common.ModelSource;
import org.hessianscope.data.Dataset;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.io.Npy;
import org.hessianscope.io.NpyArray;
import org.hessianscope.task.ProgressMonitor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "losses", mixinStandardHelpOptions = true,
        description = "Write the per-sample cross-entropy losses of the training set at the given weights as a float64 "
                + ".npy, in file order.")
public final class LossesCommand implements Callable<Integer> {

    @Mixin
    ModelSource model;

    @Mixin
    DatasetOptions data;

    @Option(names = "--out", paramLabel = "losses.npy", required = true, description = "Output .npy file (float64, shape [N]).")
    Path out;

    @Override
    public Integer call() throws Exception {
        ModelSource.Loaded loaded = model.load();
        Dataset train = data.train();
        ModelSource.checkFits(loaded.spec(), train, train.describe());
        try (Engine engine = Engine.create()) {
            double[] losses = engine.perSampleLosses(new Model(Network.of(loaded.spec()), loaded.theta()), train,
                    ProgressMonitor.NONE);
            Npy.write(NpyArray.of(new int[] {losses.length}, losses), out);
        }
        System.out.println("wrote " + train.size() + " per-sample losses of " + loaded.description() + " on " + train
                + " to " + out);
        return 0;
    }
}
