package org.hessianscope.experiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A sweep run by another process: {@code LAUNCHER sweep FILE --spark MASTER --store DIR --out DIR
 * --progress-lines}, the command line the desktop app uses to submit a sweep to Spark without
 * carrying Spark itself ({@code bin/hessianscope} finds the Spark module). Its output is read line
 * by line: {@link SweepProgressLine}s go to the caller, the other lines are kept (the last few)
 * to explain a failure. Cancel ends the whole process tree; the run store stays consistent
 * because a run folder is published by one rename (a killed point leaves only a hidden partial
 * folder, which the next sweep ignores).
 */
public final class SweepProcess {
    /** How long a cancelled process may take to stop on its own before it is killed. */
    static final long STOP_SECONDS = 10;
    /** The {@code sweep} command's exit status when it finished with some points failed (each in the summary). */
    public static final int SOME_POINTS_FAILED = 3;
    private static final int KEPT_LINES = 20;

    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();

    private SweepProcess(Process process) {
        this.process = process;
    }

    /** The command line that runs {@code sweepFile} on Spark through {@code launcher}. */
    public static List<String> command(Path launcher, Path sweepFile, String master, Path store, Path out) {
        return List.of(launcher.toString(), "sweep", sweepFile.toString(), "--spark", master, "--store", store.toString(),
                "--out", out.toString(), "--progress-lines");
    }

    public static SweepProcess start(List<String> command) throws IOException {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
        b.redirectInput(ProcessBuilder.Redirect.from(new java.io.File(nullDevice())));
        return new SweepProcess(b.start());
    }

    private static String nullDevice() {
        return System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null";
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Reads the output until the process ends, handing each progress line to {@code events};
     * polls {@code cancelled} while waiting and, once it is true, ends the process tree.
     *
     * @return the exit status, or −1 when cancelled
     */
    public int follow(Consumer<SweepProgressLine> events, BooleanSupplier cancelled) throws IOException,
            InterruptedException {
        Thread reader = new Thread(() -> read(events), "hessianscope-sweep-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        try {
            while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean()) {
                    stop();
                    reader.join(TimeUnit.SECONDS.toMillis(STOP_SECONDS));
                    return -1;
                }
            }
        } catch (InterruptedException e) {
            // A job cancelled by interruption must not leave the sweep running on its own.
            stop();
            throw e;
        }
        reader.join();
        return process.exitValue();
    }

    private void read(Consumer<SweepProgressLine> events) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                var parsed = SweepProgressLine.parse(line);
                if (parsed.isPresent()) {
                    events.accept(parsed.get());
                } else if (!line.isBlank()) {
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > KEPT_LINES) {
                            tail.removeFirst();
                        }
                    }
                }
            }
        } catch (IOException e) {
            // The stream closes when the process is killed; what was read is all there is.
        }
    }

    /**
     * Ends the process and every process it started (a launcher script's JVM, a local Spark's
     * children): politely first, so the JVM runs its shutdown hooks, then by force. The tree is
     * listed before anything is stopped, since children of a dead parent are no longer its
     * descendants.
     */
    public void stop() throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_SECONDS);
        for (ProcessHandle h : tree) {
            long left = deadline - System.nanoTime();
            try {
                h.onExit().get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                h.destroyForcibly();
            }
        }
    }

    /** The last lines the process printed that were not progress lines, for a failure's message. */
    public List<String> lastLines() {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    /**
     * The {@code bin/hessianscope} launcher: the system property {@code hessianscope.launcher}
     * when set, else {@code bin/hessianscope} under the app's home ({@code hessianscope.home})
     * or the working folder (a source checkout); null when none is found.
     */
    public static Path findLauncher() {
        String set = System.getProperty("hessianscope.launcher");
        if (set != null && !set.isBlank()) {
            return Path.of(set);
        }
        List<Path> places = new ArrayList<>();
        String home = System.getProperty("hessianscope.home");
        if (home != null && !home.isBlank()) {
            places.add(Path.of(home, "bin", "hessianscope"));
        }
        places.add(Path.of("bin", "hessianscope").toAbsolutePath());
        return places.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }
}
