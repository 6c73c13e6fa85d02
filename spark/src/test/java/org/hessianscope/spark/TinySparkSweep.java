package org.hessianscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.hessianscope.cli.HessianScopeCli;

/**
 * A 4-point sweep small enough for a test (64 embedded MNIST records, one epoch, 2-channel
 * networks of 1..4 layers, the smallest analysis), run through the real command line, and the
 * byte-for-byte comparison of two runs' results.
 */
final class TinySparkSweep {
    static final String YAML = """
            name: tiny4
            dataset: mnist
            train_size: 64
            epochs: 1
            batch_size: 32
            channels: 2
            kernel: 5
            sweep:
              parameter: layers
              values: [1, 2, 3, 4]
            analysis:
              orderings: 4
              curvature_samples: 8
              lanczos_steps: 5
              per_sample_full: 1
            """;

    private TinySparkSweep() {
    }

    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("tiny4.yaml"), YAML);
    }

    /** What a command printed and returned. */
    record Run(int exit, String out) {
    }

    /**
     * {@code hessianscope sweep FILE --store STORE --out OUT --threads 1 ARGS} in this process. One
     * thread, as each one-core Spark task has, so analysis.json (which records the thread count) is
     * the same bytes. No --data-dir: a folder the user names is authoritative, so the data are found
     * as a user's would be (the tiny sweep's first records are those of the embedded subset, and
     * the run key digests the records, not where they were read). {@code emptyData} is unused.
     */
    static Run sweep(Path file, Path store, Path out, Path emptyData, String... more) {
        return sweep(file, store.toString(), out, emptyData, more);
    }

    static Run sweep(Path file, String store, Path out, Path emptyData, String... more) {
        List<String> args = new ArrayList<>(List.of("sweep", file.toString(), "--store", store, "--out",
                out.toString(), "--threads", "1"));
        args.addAll(List.of(more));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream old = System.out;
        PrintStream tee = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        int exit;
        try {
            System.setOut(tee);
            exit = HessianScopeCli.commandLine().execute(args.toArray(String[]::new));
        } finally {
            System.setOut(old);
        }
        String text = buffer.toString(StandardCharsets.UTF_8);
        old.print(text);
        return new Run(exit, text);
    }

    /**
     * Every file of every run folder is the same bytes in both stores, except the wall-clock
     * start and end of training in run.json, the speed columns of history.csv and the zip
     * entries' times in the .npz weights (their arrays must be equal bytes); hidden folders (a killed task's .partial, .damaged)
     * are not runs and are skipped.
     */
    static void assertSameRuns(Path expected, Path actual) throws IOException {
        List<Path> runs = runFolders(expected);
        assertEquals(4, runs.size(), "runs in " + expected);
        assertEquals(runs.stream().map(p -> p.getFileName().toString()).toList(),
                runFolders(actual).stream().map(p -> p.getFileName().toString()).toList());
        for (Path run : runs) {
            Path other = actual.resolve(run.getFileName().toString());
            List<String> files = names(run);
            assertEquals(files, names(other), "files of " + run.getFileName());
            for (String f : files) {
                byte[] a = Files.readAllBytes(run.resolve(f));
                byte[] b = Files.readAllBytes(other.resolve(f));
                if (f.equals("run.json")) {
                    assertEquals(withoutClock(a), withoutClock(b), run.getFileName() + "/" + f);
                } else if (f.endsWith(".npz")) {
                    assertEquals(zipEntries(a), zipEntries(b), run.getFileName() + "/" + f);
                } else if (f.equals("history.csv")) {
                    assertEquals(withoutSpeed(a), withoutSpeed(b), run.getFileName() + "/" + f);
                } else {
                    assertArrayEquals(a, b, run.getFileName() + "/" + f + " differs");
                }
            }
        }
    }

    /**
     * The results folders match byte for byte once the store's own path (which the summary
     * records) is the same and JFreeSVG's random clip-path ids are set aside; PDFs carry their
     * creation time and are skipped.
     */
    static void assertSameResults(Path expected, Path expectedStore, Path actual, Path actualStore)
            throws IOException {
        List<String> files = names(expected);
        assertEquals(files, names(actual));
        assertTrue(files.contains("summary.csv") && files.contains("summary.json") && files.contains("lossdiff.png"),
                files.toString());
        for (String f : files) {
            if (f.endsWith(".pdf")) {
                continue;
            }
            String a = new String(Files.readAllBytes(expected.resolve(f)), StandardCharsets.ISO_8859_1);
            String b = new String(Files.readAllBytes(actual.resolve(f)), StandardCharsets.ISO_8859_1)
                    .replace(actualStore.toString(), expectedStore.toString());
            if (f.endsWith(".svg")) {
                a = withoutClipIds(a);
                b = withoutClipIds(b);
            }
            // Not assertEquals: a figure's text would flood the report.
            assertTrue(a.equals(b), f + " differs between " + expected + " and " + actual);
        }
    }

    static List<Path> runFolders(Path store) throws IOException {
        try (Stream<Path> s = Files.list(store)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted()
                    .toList();
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Each entry of a zip as name=content in hex, without the entry times. */
    private static List<String> zipEntries(byte[] zip) throws IOException {
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName() + "=" + HexFormat.of().formatHex(in.readAllBytes()));
            }
        }
        return entries;
    }

    private static String withoutClipIds(String svg) {
        return svg.replaceAll("_\\d+clip-", "_clip-");
    }

    /** history.csv without its last two columns, samplesPerSecond and secondsLeft. */
    private static List<String> withoutSpeed(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8).lines().map(l -> l.replaceFirst(",[^,]*,[^,]*$", "")).toList();
    }

    private static String withoutClock(byte[] json) {
        return new String(json, StandardCharsets.UTF_8).lines().filter(l -> !l.contains("\"start\"")
                && !l.contains("\"end\"")).reduce("", (x, y) -> x + y + "\n");
    }
}
