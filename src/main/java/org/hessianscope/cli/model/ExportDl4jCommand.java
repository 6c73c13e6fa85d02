package org.hessianscope.cli.model;

import org.hessianscope.cli.common.ModelSource;
import org.hessianscope.interop.Dl4jExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** DL4J loads only inside {@link #call()}, through plain-Java interop methods: never when the CLI starts. */
@Command(name = "export-dl4j", mixinStandardHelpOptions = true,
        description = "Write a model as a DL4J ModelSerializer zip (a MultiLayerNetwork in double precision with a "
                + "softmax OutputLayer; inputs NCHW, normalised as HessianScope normalises them).")
public final class ExportDl4jCommand implements Callable<Integer> {

    @Mixin
    ModelSource model;

    @Option(names = "--out", paramLabel = "model.zip", required = true, description = "The DL4J zip to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        ModelSource.Loaded loaded = model.load();
        Dl4jExport.write(loaded.spec(), loaded.theta(), out);
        System.out.println("wrote " + loaded.description() + " (" + loaded.theta().length + " parameters) to " + out);
        return 0;
    }
}
