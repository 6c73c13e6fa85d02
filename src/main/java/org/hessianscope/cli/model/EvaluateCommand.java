package org.hessianscope.cli.model;

import org.hessianscope.cli.common.DatasetOptions;
import org.hessianscope.cli.common.ModelSource;
import org.hessianscope.data.Dataset;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.LossAccuracy;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.task.ProgressMonitor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Print the mean cross-entropy loss and the accuracy on the training and test sets.")
public final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    ModelSource model;

    @Mixin
    DatasetOptions data;

    @Override
    public Integer call() throws Exception {
        ModelSource.Loaded loaded = model.load();
        Dataset train = data.train();
        Dataset test = data.test();
        ModelSource.checkFits(loaded.spec(), train, train.describe());
        ModelSource.checkFits(loaded.spec(), test, test.describe());
        try (Engine engine = Engine.create()) {
            Model m = new Model(Network.of(loaded.spec()), loaded.theta());
            System.out.println(loaded.description());
            for (Dataset d : new Dataset[] {train, test}) {
                LossAccuracy r = engine.lossAndAccuracy(m, d, ProgressMonitor.NONE);
                System.out.printf(Locale.ROOT, "%-6s loss %.6f  accuracy %.4f  (%s)%n", d.split() + ":", r.loss(),
                        r.accuracy(), d);
            }
        }
        return 0;
    }
}
