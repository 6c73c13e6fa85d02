package org.hessianscope.data;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One dataset file to read: on disk, a classpath resource (the embedded subsets) or
 * bytes in memory (tests). {@code length} is its size in bytes, or −1 when unknown;
 * readers check the sizes a file declares against it before allocating.
 */
public record DataFile(String name, long length, Opener opener) {

    /** Opens a fresh stream over the file's bytes. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public static DataFile of(Path path) throws IOException {
        return new DataFile(path.toString(), Files.size(path), () -> Files.newInputStream(path));
    }

    public static DataFile of(String name, byte[] bytes) {
        byte[] copy = bytes.clone();
        return new DataFile(name, copy.length, () -> new ByteArrayInputStream(copy));
    }

    /** A classpath resource such as {@code /assets/datasets/mnist/train-images-idx3-ubyte.gz}. */
    public static DataFile resource(String path) throws IOException {
        URL url = DataFile.class.getResource(path);
        if (url == null) {
            throw new FileNotFoundException("classpath resource " + path + " is missing from this build");
        }
        URLConnection c = url.openConnection();
        long length = c.getContentLengthLong();
        return new DataFile("classpath:" + path, length, url::openStream);
    }

    public InputStream open() throws IOException {
        return opener.open();
    }
}
