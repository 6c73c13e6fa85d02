package org.hessianscope.cli.figure;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Groups the figure commands: everything the GUI's charts show, written to PNG, SVG, PDF and CSV. */
@Command(name = "figure", mixinStandardHelpOptions = true,
        description = "Draw the GUI's charts to files (PNG at 1-3x, SVG, PDF) with their data as CSV.",
        subcommands = {FigureLossDifferenceCommand.class, FigureSpectrumCommand.class, FigurePerSampleCommand.class,
                FigureBoundsCommand.class, FigureSurfaceCommand.class, FigureDeltaCommand.class})
public final class FigureCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);   // this command line's help, wrapped as --help is
    }
}
