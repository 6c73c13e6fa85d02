package org.hessianscope.cli;

import picocli.CommandLine;

/**
 * Errors that a user can fix (a bad file, a bad option) are printed as one
 * clear line; anything else is a bug and keeps its stack trace.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        if (ex instanceof IllegalArgumentException || ex instanceof java.io.IOException
                || ex instanceof java.io.UncheckedIOException) {
            cl.getErr().println(cl.getColorScheme().errorText("error: " + ex.getMessage()));
            return 2;
        }
        if (ex instanceof java.util.concurrent.CancellationException) {
            cl.getErr().println("cancelled");
            return 130;
        }
        throw new RuntimeException(ex);
    }
}
