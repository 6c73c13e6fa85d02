package org.hessianscope.ui;

import org.hessianscope.experiment.RunStore;
import org.hessianscope.ui.session.SessionStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's command-line options: {@code --screenshot FILE} (render, save a PNG of
 * the window, exit), {@code --run DIR} (open a run folder; repeatable), {@code --session FILE}
 * (open a session file; one that exists is handed out and never saved over on exit, one that
 * does not is where the session is kept), {@code --runs-dir DIR} (where Train writes runs),
 * {@code --sample-models DIR}, {@code --size WIDTHxHEIGHT} (the window's size, e.g. 1280x720 to
 * see what a projector shows). Sample models default to {@code sample-models} under the
 * installation (system property {@code hessianscope.home}, set by the packaged launchers),
 * else under the working directory (a source checkout).
 */
public record AppOptions(Path screenshot, List<Path> runs, Path session, Path runsDir, Path sampleModels,
                         int width, int height, boolean sessionGiven) {
    public static final int DEFAULT_WIDTH = 1500;
    public static final int DEFAULT_HEIGHT = 920;

    public AppOptions(Path screenshot, List<Path> runs, Path session, Path runsDir, Path sampleModels) {
        this(screenshot, runs, session, runsDir, sampleModels, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /** {@code session} is the user's own session file, saved on exit. */
    public AppOptions(Path screenshot, List<Path> runs, Path session, Path runsDir, Path sampleModels,
                      int width, int height) {
        this(screenshot, runs, session, runsDir, sampleModels, width, height, false);
    }

    public static AppOptions parse(List<String> args) {
        Path screenshot = null;
        List<Path> runs = new ArrayList<>();
        Path session = SessionStore.defaultFile();
        boolean sessionGiven = false;
        Path runsDir = RunStore.defaultRoot();
        Path samples = defaultSampleModels(System.getProperty(HOME_PROPERTY));
        int[] size = {DEFAULT_WIDTH, DEFAULT_HEIGHT};
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--screenshot" -> screenshot = Path.of(value(args, ++i, a));
                case "--run" -> runs.add(Path.of(value(args, ++i, a)));
                case "--session" -> {
                    session = Path.of(value(args, ++i, a));
                    sessionGiven = true;
                }
                case "--runs-dir" -> runsDir = Path.of(value(args, ++i, a));
                case "--sample-models" -> samples = Path.of(value(args, ++i, a));
                case "--size" -> size = size(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown option " + a + "; valid: --screenshot FILE, "
                        + "--run DIR, --session FILE, --runs-dir DIR, --sample-models DIR, --size WIDTHxHEIGHT");
            }
        }
        return new AppOptions(screenshot, List.copyOf(runs), session, runsDir, samples, size[0], size[1], sessionGiven);
    }

    /** "1280x720" → {1280, 720}; a window smaller than 640×480 cannot show the four charts. */
    static int[] size(String text) {
        String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                int w = Integer.parseInt(parts[0].trim());
                int h = Integer.parseInt(parts[1].trim());
                if (w >= 640 && h >= 480 && w <= 10000 && h <= 10000) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--size " + text + " is not a window size; write WIDTHxHEIGHT with "
                + "640 ≤ WIDTH ≤ 10000 and 480 ≤ HEIGHT ≤ 10000, e.g. 1280x720");
    }

    /** Set by the jpackage launchers to the installed app folder, which holds sample-models/. */
    public static final String HOME_PROPERTY = "hessianscope.home";

    static Path defaultSampleModels(String home) {
        return home == null || home.isBlank() ? Path.of("sample-models") : Path.of(home, "sample-models");
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
