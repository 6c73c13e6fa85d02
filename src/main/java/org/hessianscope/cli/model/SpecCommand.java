package org.hessianscope.cli.model;

import org.hessianscope.cli.common.SpecOptions;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.SpecJson;
import org.hessianscope.arch.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "spec", mixinStandardHelpOptions = true,
        description = "Print the shapes and parameter counts of a network, or its spec JSON.")
public final class SpecCommand implements Callable<Integer> {

    @Mixin
    SpecOptions spec;

    @Option(names = "--json", description = "Print the spec as JSON instead of the shape table.")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the spec JSON to FILE.")
    Path out;

    @Override
    public Integer call() throws Exception {
        ArchitectureSpec s = spec.resolve();
        PrintStream o = System.out;
        if (json) {
            o.print(SpecJson.toJson(s));
        } else {
            o.printf("%-8s %-12s %-12s %10s%n", "layer", "input", "output", "parameters");
            for (Stage st : s.stages()) {
                o.printf("%-8s %-12s %-12s %10d%n", st.name(), st.in(), st.out(), st.parameterCount());
            }
            o.printf("total parameters: %d%n", s.parameterCount());
        }
        if (out != null) {
            SpecJson.write(s, out);
        }
        return 0;
    }
}
