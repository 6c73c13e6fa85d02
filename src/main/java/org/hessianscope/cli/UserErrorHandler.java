package org.hessianscope.cli;

import java.lang.reflect.Field;
import org.hessianscope.task.InvalidSettingException;
import picocli.CommandLine;

/**
 * Errors that a user can fix (a bad file, a bad option) are printed as one
 * clear line (a core setting named by the command's flag for it); anything else is a bug and keeps its stack trace.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        if (ex instanceof IllegalArgumentException || ex instanceof java.io.IOException
                || ex instanceof java.io.UncheckedIOException) {
            String message = ex instanceof InvalidSettingException bad ? bad.describe(setting -> flag(cl, setting))
                    : ex.getMessage();
            cl.getErr().println(cl.getColorScheme().errorText("error: " + message));
            return 2;
        }
        if (ex instanceof java.util.concurrent.CancellationException) {
            cl.getErr().println("cancelled");
            return 130;
        }
        throw new RuntimeException(ex);
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
