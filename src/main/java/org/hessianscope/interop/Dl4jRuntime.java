package org.hessianscope.interop;

import org.hessianscope.io.UserFolders;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts ND4J on first use. JavaCPP unpacks the native libraries when ND4J's
 * backend first loads; the cache folder is fixed here, before that happens, so
 * that they land under the user's home and never in the working directory (an
 * installed application may run from a read-only or shared folder). Every public
 * entry point of this package calls {@link #start()} before touching ND4J.
 */
final class Dl4jRuntime {

    /** JavaCPP's property for where it extracts native libraries. */
    static final String CACHE_DIR_PROPERTY = "org.bytedeco.javacpp.cachedir";

    private static boolean started;

    private Dl4jRuntime() {
    }

    /** The default native cache: {@link UserFolders#nativeCache()} ({@code ~/.cache/hessianscope/native-cache}). */
    static Path defaultCacheDir() {
        return UserFolders.ofSystem().nativeCache(); // the same folder NativeCache names to the user
    }

    static synchronized void start() {
        if (started) {
            return;
        }
        // A user (or a packaged launcher) who set the folder explicitly keeps it.
        if (System.getProperty(CACHE_DIR_PROPERTY) == null) {
            Path dir = defaultCacheDir();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the native library cache " + dir
                        + " for DL4J: " + e.getMessage(), e);
            }
            System.setProperty(CACHE_DIR_PROPERTY, dir.toString());
        }
        // Both the oracle and the interchange work in double precision, like the engine.
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        started = true;
    }
}
