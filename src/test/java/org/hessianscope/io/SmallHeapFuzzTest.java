package org.hessianscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: the fuzz of every reader that takes files from outside (.npy/.npz and spec JSON, the dataset
 * readers, store files, sweep files, DL4J zips, the tar reader, the downloader) again in a child JVM with a
 * 256 MB heap, where an allocation for a claimed size would end in OutOfMemoryError. The child runs each fuzz
 * class's tests itself (see {@link #main}) with {@link #CASES} cases per reader: 500 in the ordinary build (the
 * small heap, not the count, is what this run checks), {@code -Dhessianscope.fuzz.smallHeapCases=10000} for the
 * README's full pass.
 */
class SmallHeapFuzzTest {
    static final List<String> FUZZ_CLASSES = List.of("org.hessianscope.io.ReaderFuzzTest",
            "org.hessianscope.data.DatasetReaderFuzzTest", "org.hessianscope.experiment.StoreFilesFuzzTest",
            "org.hessianscope.interop.Dl4jZipFuzzTest", "org.hessianscope.data.TarFuzzTest",
            "org.hessianscope.data.DownloadFuzzTest");
    static final int CASES = Integer.getInteger("hessianscope.fuzz.smallHeapCases", 500);
    /** Ten minutes, or 200 ms a case per reader for the full pass (which took about 4 min on a quiet machine). */
    static final long TIMEOUT_SECONDS = Math.max(600, CASES / 5);
    static final String DONE = "all fuzz classes passed";

    @Test
    void theFuzzPassesUnderA256MegabyteHeap(@TempDir Path tmp) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = tmp.resolve("child.log");
        Process child = new ProcessBuilder(java, "-Xmx256m", "-Dhessianscope.fuzz.cases=" + CASES,
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), SmallHeapFuzzTest.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly().waitFor();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        // Prefixed, so that the README's count of the -Xmx256m pass tells its lines from the ordinary run's.
        out.lines().forEach(l -> System.out.println("small-heap " + l));
        assertTrue(ended, "the child did not finish in " + TIMEOUT_SECONDS + " s:\n" + out);
        assertFalse(out.contains("OutOfMemoryError"), out);
        assertEquals(0, child.exitValue(), out);
        assertTrue(out.contains(DONE), out);
        for (String format : List.of("npy", "npz", "spec", "idx images", "idx labels", "cifar-10 batches",
                "sweep-yaml", "key.json", "run.json", "analysis.json", "dl4j coefficients.bin", "dl4j zip",
                "cifar-10 tar", "download")) {
            assertTrue(out.contains("fuzz " + format + ": "), format + " ran:\n" + out);
        }
    }

    /** The child: runs every @Test method of {@link #FUZZ_CLASSES}, each on a fresh instance with its @TempDir. */
    public static void main(String[] args) throws Exception {
        try {
            for (String name : FUZZ_CLASSES) {
                Class<?> c = Class.forName(name);
                for (Method m : c.getDeclaredMethods()) {
                    if (!m.isAnnotationPresent(Test.class)) {
                        continue;
                    }
                    var constructor = c.getDeclaredConstructor();
                    constructor.setAccessible(true);
                    Object test = constructor.newInstance();
                    Path dir = Files.createTempDirectory("fuzz-");
                    for (Field f : c.getDeclaredFields()) {
                        if (f.isAnnotationPresent(TempDir.class) && !Modifier.isStatic(f.getModifiers())) {
                            f.setAccessible(true);
                            f.set(test, dir);
                        }
                    }
                    m.setAccessible(true);
                    m.invoke(test);
                    AtomicFiles.deleteTree(dir);
                }
            }
        } catch (java.lang.reflect.InvocationTargetException e) {
            e.getCause().printStackTrace(System.out);
            System.exit(1);
        }
        System.out.println(DONE);
        System.exit(0);
    }
}
