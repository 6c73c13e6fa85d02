package org.hessianscope.io;

import java.io.IOException;

/**
 * The one exception the {@code .npy}/{@code .npz} readers and {@link WeightsFile}
 * throw for bad content: a broken header, an unsupported dtype, a truncated or
 * oversized array, a damaged zip, or weights that do not fit the spec. The
 * message names the file (and the entry or key) and what would be valid. It is
 * an {@link IOException} because a bad file is an input problem the caller
 * reports to the user, like a missing file.
 */
public final class NpyFormatException extends IOException {
    public NpyFormatException(String message) {
        super(message);
    }

    public NpyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
