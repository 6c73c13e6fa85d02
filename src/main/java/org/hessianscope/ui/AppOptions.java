package org.hessianscope.ui;

import org.hessianscope.ui.session.SessionStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's command-line options: {@code --screenshot FILE} (render, save a PNG of
 * the window, exit), {@code --run DIR} (open a run folder; repeatable), {@code --session FILE}
 * (where the session is kept), {@code --runs-dir DIR} (where Train writes runs),
 * {@code --sample-models DIR}. Sample models default to {@code sample-models} under the
 * installation (system property {@code hessianscope.home}, set by the packaged launchers),
 * else under the working directory (a source checkout).
 */
public record AppOptions(Path screenshot, List<Path> runs, Path session, Path runsDir, Path sampleModels) {

    public static AppOptions parse(List<String> args) {
        Path screenshot = null;
        List<Path> runs = new ArrayList<>();
        Path session = SessionStore.defaultFile();
        Path runsDir = Path.of(System.getProperty("user.home"), ".hessianscope", "runs");
        Path samples = defaultSampleModels(System.getProperty(HOME_PROPERTY));
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--screenshot" -> screenshot = Path.of(value(args, ++i, a));
                case "--run" -> runs.add(Path.of(value(args, ++i, a)));
                case "--session" -> session = Path.of(value(args, ++i, a));
                case "--runs-dir" -> runsDir = Path.of(value(args, ++i, a));
                case "--sample-models" -> samples = Path.of(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown option " + a + "; valid: --screenshot FILE, "
                        + "--run DIR, --session FILE, --runs-dir DIR, --sample-models DIR");
            }
        }
        return new AppOptions(screenshot, List.copyOf(runs), session, runsDir, samples);
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
