package org.hessianscope.run;

import java.io.IOException;

/** A run folder that cannot be used: a file is missing or damaged. The message names the file and what is wrong. */
public final class RunFolderException extends IOException {
    public RunFolderException(String message) {
        super(message);
    }

    public RunFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
