package org.hessianscope.cli;

import org.hessianscope.cli.analysis.AnalyzeCommand;
import org.hessianscope.cli.analysis.BoundsCommand;
import org.hessianscope.cli.analysis.CurvatureCommand;
import org.hessianscope.cli.analysis.DeltaCommand;
import org.hessianscope.cli.analysis.SurfaceCommand;
import org.hessianscope.cli.analysis.LossDifferenceCommand;
import org.hessianscope.cli.bench.BenchCommand;
import org.hessianscope.cli.data.DatasetsCommand;
import org.hessianscope.cli.data.DownloadCommand;
import org.hessianscope.cli.experiment.ReproduceCommand;
import org.hessianscope.cli.experiment.RunsCommand;
import org.hessianscope.cli.experiment.SweepCommand;
import org.hessianscope.cli.figure.FigureCommand;
import org.hessianscope.cli.model.EvaluateCommand;
import org.hessianscope.cli.model.ExportDl4jCommand;
import org.hessianscope.cli.model.ImportDl4jCommand;
import org.hessianscope.cli.model.LossesCommand;
import org.hessianscope.cli.model.SpecCommand;
import org.hessianscope.cli.model.TrainCommand;
import org.hessianscope.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: a thin layer over the core API, one subcommand per analysis. */
@Command(name = "hessianscope",
        mixinStandardHelpOptions = true,
        versionProvider = HessianScopeCli.VersionProvider.class,
        description = "How the loss landscape of a convolutional network settles as the training set grows, seen through the Hessian.",
        subcommands = {
                SpecCommand.class,
                DatasetsCommand.class,
                DownloadCommand.class,
                TrainCommand.class,
                LossesCommand.class,
                EvaluateCommand.class,
                AnalyzeCommand.class,
                SweepCommand.class,
                ReproduceCommand.class,
                RunsCommand.class,
                CurvatureCommand.class,
                SurfaceCommand.class,
                BenchCommand.class,
                LossDifferenceCommand.class,
                DeltaCommand.class,
                ExportDl4jCommand.class,
                ImportDl4jCommand.class,
                BoundsCommand.class,
                FigureCommand.class,
        })
public final class HessianScopeCli implements Runnable {

    @CommandLine.Option(names = UserErrorHandler.VERBOSE, scope = CommandLine.ScopeType.INHERIT,
            description = "On an internal error, print its stack trace.")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new HessianScopeCli());
        cl.setExecutionExceptionHandler(new UserErrorHandler());
        // The terminal's width, else 100; wrapped at spaces only (HelpWrapping), in plain text since
        // the wrapping counts characters and escape sequences would count as wide.
        cl.setUsageHelpAutoWidth(true);
        cl.setUsageHelpWidth(USAGE_WIDTH);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        HelpWrapping.install(cl);
        // Errors (OutOfMemoryError, StackOverflowError) pass the exception handler: catch them here.
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cl.setExecutionStrategy(parseResult -> {
            try {
                return run.execute(parseResult);
            } catch (Error e) {
                return UserErrorHandler.unexpected(e, cl.getErr(), UserErrorHandler.verbose(parseResult));
            }
        });
        return cl;
    }

    static final int USAGE_WIDTH = 100;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);   // this command line's help, wrapped as --help is
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        public String[] getVersion() {
            return new String[] {"HessianScope " + Version.get()};
        }
    }
}
