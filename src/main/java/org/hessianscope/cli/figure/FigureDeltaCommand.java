package org.hessianscope.cli.figure;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hessianscope.figure.DeltaFigure;
import org.hessianscope.surface.DeltaJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "delta", mixinStandardHelpOptions = true,
        description = "Δ_{k+1}(σ) against k (log-log), one colour per σ, the quadratic model dashed, from a delta result.")
public final class FigureDeltaCommand implements Callable<Integer> {

    @Option(names = "--json", paramLabel = "D.json", required = true, description = "A result written by delta --json.")
    Path json;

    @Mixin
    FigureOutput output;

    @Override
    public Integer call() throws Exception {
        output.validate();
        output.write(DeltaFigure.chart(DeltaJson.read(json), output.style()));
        return 0;
    }
}
