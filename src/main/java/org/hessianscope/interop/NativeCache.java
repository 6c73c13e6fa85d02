package org.hessianscope.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.hessianscope.io.UserFolders;

/**
 * Where JavaCPP unpacks DL4J's native libraries, and whether it has yet. No ND4J class is touched
 * here, so a command can say what is about to happen before {@link Dl4jRuntime#start()} does it.
 */
public final class NativeCache {
    /** nd4j-native, OpenBLAS and JavaCPP for linux-x86_64 unpacked: 398 MB measured with {@code du -sh}
     *  after an export from the app image (packaging/README.md). */
    public static final int UNPACKED_MB = 400;

    private NativeCache() {
    }

    /** The folder: JavaCPP's own property when a user or launcher set it, else {@link UserFolders#nativeCache()}. */
    public static Path folder() {
        String set = System.getProperty(Dl4jRuntime.CACHE_DIR_PROPERTY);
        return set != null ? Path.of(set) : UserFolders.ofSystem().nativeCache();
    }

    /** True once something was unpacked there (an earlier DL4J use). */
    public static boolean populated() {
        Path dir = folder();
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    /** The line a command prints before the first DL4J use, or null when the libraries are already there. */
    public static String firstUseNotice(String command) {
        return populated() ? null : command + ": first use of DL4J: unpacking about " + UNPACKED_MB
                + " MB of native libraries into " + folder() + " (once; delete the folder to free the space)";
    }
}
