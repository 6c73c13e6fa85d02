package org.hessianscope.ui;

import org.hessianscope.ui.charts.ChartPane;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.value.ObservableObjectValue;
import javafx.scene.Scene;
import javafx.util.Duration;
import org.jfree.chart.JFreeChart;

/**
 * The start-up benchmark's probe (benchmarks/gui-start): with {@code -Dhessianscope.startupTrace=FILE} the
 * window writes, in milliseconds since the JVM started, when the stage was shown and first painted, when
 * the run list changed, when each chart was first and last drawn, and when every job had ended; and the
 * longest time the JavaFX thread ran no pulse, with the code it was running then. The window then exits.
 * Without the property nothing here runs.
 *
 * <p>The FX thread's busy stretches are measured from outside: an {@link AnimationTimer} asks for a pulse
 * every frame (60 Hz), so a gap between two pulses longer than a frame is time the thread spent on
 * something else (a runLater, a listener, layout) or waited for a core. The FX thread's CPU time between two
 * pulses separates the two: it is the busy stretch the window's code is answerable for. A watchdog thread
 * samples the FX thread's stack while a gap is open, so the report names the code, not only the length.
 */
final class StartupTrace {
    static final String PROPERTY = "hessianscope.startupTrace";
    /** The limit on one FX-thread stretch; gaps longer than this are listed one by one. */
    static final double STALL_MS = 50;
    /** After the last job, this long more of pulses is watched before exiting. */
    private static final Duration SETTLE = Duration.seconds(2);
    /** A window that is still busy after this long is reported as such and closed. */
    private static final Duration GIVE_UP = Duration.minutes(10);
    private static final long SAMPLE_EVERY_MS = 5;
    private static final String WAITING = "waiting";

    private final long jvmStartMs = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final Path file;
    private final List<String> lines = new ArrayList<>();
    private final Thread fx = Thread.currentThread();
    private volatile long lastPulseNs = System.nanoTime();
    private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long lastPulseCpuNs = threads.getCurrentThreadCpuTime();
    private double longestCpuMs;
    private double longestCpuAt;
    private String longestCpuCode = "";
    /** Written by the watchdog, read and cleared on the FX thread at the next pulse. */
    private final Map<String, Integer> samples = new HashMap<>();
    private double longestGapMs;
    private double longestGapAt;
    private String longestGapCode = "";
    private int stalls;
    private boolean watching = true;

    private StartupTrace(Path file) {
        this.file = file;
    }

    /** Starts tracing when the property is set; call on the JavaFX thread right after {@code stage.show()}. */
    static void attachIfAsked(Scene scene, AppModel model, long builtNs, long shownNs) {
        String f = System.getProperty(PROPERTY);
        if (f != null && !f.isBlank()) {
            new StartupTrace(Path.of(f)).attach(scene, model, builtNs, shownNs);
        }
    }

    private void attach(Scene scene, AppModel model, long builtNs, long shownNs) {
        event("window.built", at(builtNs));
        // The FX thread's CPU time so far: building the window and showing it (CSS, first layout).
        event(String.format(Locale.ROOT, "stage.shown fx-cpu-so-far=%.0f", threads.getCurrentThreadCpuTime() / 1e6),
                at(shownNs));
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                event("window.painted", now());
                scene.removePostLayoutPulseListener(this);
            }
        });
        model.runs().runs().addListener((javafx.collections.ListChangeListener<Object>) c ->
                event("runs.listed n=" + model.runs().runs().size(), now()));
        for (String chart : new String[] {"lossdifference", "spectrum", "bounds", "persample"}) {
            drawn(scene, "chart." + chart, ((ChartPane) scene.lookup("#chart-" + chart)).drawnProperty());
        }
        heartbeat();
        watchdog();
        whenIdle(model);
    }

    /** A chart is on screen in the pulse after its slot drew it (published charts wait for their turn to be drawn). */
    private void drawn(Scene scene, String name, ObservableObjectValue<JFreeChart> chart) {
        chart.addListener((o, was, now) -> {
            if (now == null) {
                return;
            }
            scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    event(name, now());
                    scene.removePostLayoutPulseListener(this);
                }
            });
        });
    }

    private void heartbeat() {
        new AnimationTimer() {
            @Override
            public void handle(long ignored) {
                long t = System.nanoTime();
                long cpuNs = threads.getCurrentThreadCpuTime();
                double gap = (t - lastPulseNs) / 1e6;
                // The FX thread's own CPU time over the gap: on a loaded machine the wall gap also holds
                // the time the thread waited for a core, which no change to the window can remove.
                double cpu = (cpuNs - lastPulseCpuNs) / 1e6;
                lastPulseNs = t;
                lastPulseCpuNs = cpuNs;
                if (!watching) {
                    return;
                }
                String code;
                synchronized (samples) {
                    // What ran, if anything did; "waiting" only when every sample waited.
                    code = samples.entrySet().stream()
                            .max(Map.Entry.<String, Integer>comparingByKey((a, b) -> Boolean.compare(
                                    b.equals(WAITING), a.equals(WAITING))).thenComparing(Map.Entry.comparingByValue()))
                            .map(e -> e.getKey() + " (" + e.getValue() + " samples)").orElse("");
                    samples.clear();
                }
                if (gap > STALL_MS) {
                    stalls++;
                    event(String.format(Locale.ROOT, "fx.stall ms=%.0f cpu=%.0f code=%s", gap, cpu, code), now());
                }
                if (cpu > longestCpuMs) {
                    longestCpuMs = cpu;
                    longestCpuAt = now();
                    longestCpuCode = code;
                }
                if (gap > longestGapMs) {
                    longestGapMs = gap;
                    longestGapAt = now();
                    longestGapCode = code;
                }
            }
        }.start();
    }

    /** Samples the FX thread's stack every few ms while no pulse has come for longer than the limit. */
    private void watchdog() {
        Thread w = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(SAMPLE_EVERY_MS);
                } catch (InterruptedException e) {
                    return;
                }
                if ((System.nanoTime() - lastPulseNs) / 1e6 > STALL_MS / 2) {
                    StackTraceElement[] stack = fx.getStackTrace();
                    // Parked, or in GTK's event loop: the thread waits (for the renderer, or for work).
                    boolean waiting = fx.getState() != Thread.State.RUNNABLE
                            || stack.length > 0 && stack[0].getMethodName().equals("_runLoop");
                    String code = waiting ? WAITING : ours(stack);
                    synchronized (samples) {
                        samples.merge(code, 1, Integer::sum);
                    }
                }
            }
        }, "hessianscope-startup-trace");
        w.setDaemon(true);
        w.start();
    }

    /** The innermost HessianScope frame and the innermost frame, which together say what ran. */
    static String ours(StackTraceElement[] stack) {
        if (stack.length == 0) {
            return "?";
        }
        String top = frame(stack[0]);
        for (StackTraceElement e : stack) {
            if (e.getClassName().startsWith("org.hessianscope.") && !e.getClassName().startsWith(StartupTrace.class.getName())) {
                return frame(e) + (e == stack[0] ? "" : " > " + top);
            }
        }
        return top;
    }

    private static String frame(StackTraceElement e) {
        String c = e.getClassName();
        return c.substring(c.lastIndexOf('.') + 1) + "." + e.getMethodName() + ":" + e.getLineNumber();
    }

    /** Waits until no job runs or waits, twice in a row a quarter second apart, then settles and exits. */
    private void whenIdle(AppModel model) {
        int[] idle = {0};
        double started = now();
        Timeline poll = new Timeline();
        poll.getKeyFrames().add(new KeyFrame(Duration.millis(250), e -> {
            idle[0] = model.busy() ? 0 : idle[0] + 1;
            boolean late = now() - started > GIVE_UP.toMillis();
            if (idle[0] >= 2 || late) {
                poll.stop();
                event(late ? "gave.up" : "jobs.idle", now() - (late ? 0 : 250));
                Timeline settle = new Timeline(new KeyFrame(SETTLE, x -> finish()));
                settle.play();
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    private void finish() {
        watching = false;
        event(String.format(Locale.ROOT, "fx.busiest cpu=%.0f at=%.0f code=%s", longestCpuMs, longestCpuAt,
                longestCpuCode), now());
        event(String.format(Locale.ROOT, "fx.longest ms=%.0f at=%.0f stalls>%.0fms=%d code=%s", longestGapMs,
                longestGapAt, STALL_MS, stalls, longestGapCode), now());
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            lines.forEach(out::println);
        } catch (IOException e) {
            System.err.println("error: could not write the start-up trace " + file + ": " + e.getMessage());
        }
        Platform.exit();
    }

    private void event(String what, double ms) {
        lines.add(String.format(Locale.ROOT, "%.0f %s", ms, what));
    }

    private double now() {
        return System.currentTimeMillis() - jvmStartMs;
    }

    /** A System.nanoTime() stamp as milliseconds since the JVM started. */
    private double at(long ns) {
        return now() - (System.nanoTime() - ns) / 1e6;
    }
}
