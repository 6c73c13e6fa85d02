package org.hessianscope.cli.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Benchmarks: speed and memory are measured here, never asserted by tests. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the heavy computations on synthetic data and report the memory they used.",
        subcommands = {
                BenchEngineCommand.class,
                BenchLossDifferenceCommand.class,
                BenchHessianCommand.class,
                BenchWorkloadCommand.class,
        })
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);   // this command line's help, wrapped as --help is
    }
}
