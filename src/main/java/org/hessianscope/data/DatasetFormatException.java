package org.hessianscope.data;

import java.io.IOException;

/**
 * A dataset file that cannot be read as what it claims to be: wrong magic number,
 * truncated, counts that disagree, a label outside the classes, an unexpected
 * image size or corrupt compression. The only error the readers raise for bad
 * bytes; the message names the file and what is wrong. It is an
 * {@link IOException} because a bad file is a problem with input the user gave,
 * handled like any unreadable file.
 */
public final class DatasetFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;

    public DatasetFormatException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public DatasetFormatException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file (path or classpath resource) that is bad. */
    public String file() {
        return file;
    }
}
