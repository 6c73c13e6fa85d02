package org.hessianscope.experiment;

/** A sweep file that cannot be used; the message names the file, the field and what would be valid. */
public final class SweepFileException extends IllegalArgumentException {
    public SweepFileException(String message) {
        super(message);
    }

    public SweepFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
