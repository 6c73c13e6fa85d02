package org.hessianscope.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.hessianscope.task.InvalidSettingException;
import org.hessianscope.task.SettingIOException;
import picocli.CommandLine;

/**
 * Errors that a user can fix (a bad file, a bad option) are printed as one clear line (a core
 * setting named by the command's flag for it) and exit status 2. Anything else is a bug, but it
 * too is one line, exit status 1, with a pointer to {@code --verbose} for the stack trace, so no
 * command ever ends in a bare trace.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final String VERBOSE = "--verbose";

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        Throwable e = unwrap(ex);
        if (e instanceof IllegalArgumentException || e instanceof java.io.IOException
                || e instanceof java.io.UncheckedIOException) {
            String message = e instanceof InvalidSettingException bad ? bad.describe(setting -> flag(cl, setting))
                    : e instanceof SettingIOException io ? io.describe(setting -> flag(cl, setting))
                    : e.getMessage();
            cl.getErr().println(cl.getColorScheme().errorText("error: " + message));
            return 2;
        }
        if (e instanceof java.util.concurrent.CancellationException) {
            cl.getErr().println("cancelled");
            return 130;
        }
        return unexpected(e, cl.getErr(), verbose(parseResult));
    }

    /** The one line (or, with --verbose, the trace) for a failure that is not the user's. */
    static int unexpected(Throwable e, PrintWriter err, boolean verbose) {
        if (e instanceof OutOfMemoryError) {
            err.println("error: out of memory (" + e.getMessage() + "); give Java more heap with "
                    + "HESSIANSCOPE_JAVA_OPTS=-Xmx…, or use a smaller network or dataset");
        } else {
            err.println("error: internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()))
                    + (verbose ? "" : "; run again with " + VERBOSE + " for the stack trace, and please report it"));
        }
        if (verbose) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        err.flush();
        return 1;
    }

    static boolean verbose(CommandLine.ParseResult parseResult) {
        if (parseResult == null) {
            return false;
        }
        List<String> args = parseResult.originalArgs();
        return args != null && args.contains(VERBOSE);
    }

    /** The cause a worker thread or future wrapped: the exception that says what went wrong. */
    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * The core names a setting by its options-record component; a command's option held in a
     * field of that name (its own or a mixin's) is the same setting, so it is named by its flag.
     */
    static String flag(CommandLine cl, String setting) {
        for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
            if (o.userObject() instanceof Field f && f.getName().equals(setting)) {
                return o.longestName();
            }
        }
        return setting;
    }
}
