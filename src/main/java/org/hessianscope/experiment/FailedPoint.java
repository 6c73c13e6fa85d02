package org.hessianscope.experiment;

import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A sweep point that failed for a reason of its own (a spec that cannot fit the heap, a file it could not
 * write, an analysis that threw); the other points went on. Nothing of it is stored as complete, so running
 * the sweep again tries it again.
 *
 * @param seed   the training seed of the point (a network is a point once per seed)
 * @param reason one line saying what went wrong
 */
public record FailedPoint(int index, String parameter, String value, long seed, String reason) {

    public static FailedPoint of(SweepFile sweep, SweepPoint point, Throwable cause) {
        return of(sweep, point, reason(cause));
    }

    public static FailedPoint of(SweepFile sweep, SweepPoint point, String reason) {
        return new FailedPoint(point.index(), sweep.parameter().key(), point.value(), point.seed(), reason);
    }

    /** The first line of the innermost message worth showing, or the exception's name when it has none. */
    public static String reason(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException || t instanceof UncheckedIOException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        String line = m.strip().lines().findFirst().orElse("");
        // Our own refusals say what is wrong; a library's exception (NoSuchFileException: PATH) needs its name.
        Class<?> c = t.getClass();
        boolean plain = c == IllegalArgumentException.class || c == java.io.IOException.class
                || c == IllegalStateException.class || c == org.hessianscope.task.InvalidSettingException.class;
        return plain ? line : c.getSimpleName() + ": " + line;
    }
}
