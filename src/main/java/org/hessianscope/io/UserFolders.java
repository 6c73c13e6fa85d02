package org.hessianscope.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where HessianScope keeps its files outside a run folder the user named: the one place that
 * resolves them, so the CLI, the GUI and the interop layer agree.
 *
 * <ul>
 *   <li>{@code HESSIANSCOPE_HOME} set: everything under it ({@code session.json},
 *       {@code native-cache/}, {@code datasets/}, {@code runs/}, {@code sweeps/}).</li>
 *   <li>Otherwise the XDG base directories, relative to {@code HOME} (the environment variable;
 *       Java's {@code user.home}, which comes from the password database, only when HOME is unset):
 *       the session in {@code $XDG_CONFIG_HOME/hessianscope} ({@code ~/.config}), the DL4J native cache and the analysis
 *       cache (loss-difference curves) in {@code $XDG_CACHE_HOME/hessianscope} ({@code ~/.cache}: it can be deleted and
 *       rebuilt), datasets, runs and sweeps in {@code $XDG_DATA_HOME/hessianscope}
 *       ({@code ~/.local/share}). An XDG variable that is not an absolute path is ignored, as
 *       the XDG specification says.</li>
 *   <li>A location that already exists under the old {@code ~/.hessianscope} is kept there, so
 *       earlier datasets, runs and sessions stay in use; new kinds go to the XDG folders.</li>
 * </ul>
 * The environment is a field so that tests never touch the real machine.
 */
public record UserFolders(Map<String, String> environment, String userHome) {

    public static final String HOME_VARIABLE = "HESSIANSCOPE_HOME";
    /** The folder name under each XDG directory. */
    static final String APP = "hessianscope";
    /** Where every location lived before the XDG folders. */
    static final String LEGACY = ".hessianscope";

    /** This process's environment and {@code user.home}. */
    public static UserFolders ofSystem() {
        return new UserFolders(System.getenv(), System.getProperty("user.home"));
    }

    /** The GUI's saved session ({@code session.json}). */
    public Path sessionFile() {
        return locate(XDG_CONFIG, "session.json");
    }

    /** Where DL4J's native libraries are unpacked (about 400 MB, rebuilt when deleted). */
    public Path nativeCache() {
        return locate(XDG_CACHE, "native-cache");
    }

    /** The loss-difference curves of compact analyses, so a reopened run is not recomputed (rebuilt when deleted). */
    public Path analysisCache() {
        return locate(XDG_CACHE, "analysis-cache");
    }

    /** Where {@code download} puts full datasets and where they are looked for. */
    public Path datasets() {
        return locate(XDG_DATA, "datasets");
    }

    /** The run store of sweeps and the GUI's Train tab. */
    public Path runs() {
        return locate(XDG_DATA, "runs");
    }

    /** Finished sweeps' results folders ({@code sweeps/NAME}), for {@code sweep} and {@code reproduce}. */
    public Path sweeps() {
        return locate(XDG_DATA, "sweeps");
    }

    /** The user's home: {@code HOME}, else {@code user.home}; null when neither is set. */
    public Path home() {
        String h = environment.get("HOME");
        if (h == null || h.isBlank()) {
            h = userHome;
        }
        return h == null || h.isBlank() ? null : Path.of(h);
    }

    private record Xdg(String variable, String defaultUnderHome) {
    }

    private static final Xdg XDG_CONFIG = new Xdg("XDG_CONFIG_HOME", ".config");
    private static final Xdg XDG_CACHE = new Xdg("XDG_CACHE_HOME", ".cache");
    private static final Xdg XDG_DATA = new Xdg("XDG_DATA_HOME", ".local/share");

    private Path locate(Xdg xdg, String name) {
        String override = environment.get(HOME_VARIABLE);
        if (override != null && !override.isBlank()) {
            return Path.of(override).resolve(name);
        }
        Path home = home();
        if (home != null && Files.exists(home.resolve(LEGACY).resolve(name))) {
            return home.resolve(LEGACY).resolve(name);
        }
        String base = environment.get(xdg.variable());
        if (base != null && Path.of(base).isAbsolute()) {
            return Path.of(base).resolve(APP).resolve(name);
        }
        if (home == null) {
            // No home at all (a stripped service account): the working directory, visibly named.
            return Path.of(LEGACY).resolve(name);
        }
        return home.resolve(xdg.defaultUnderHome()).resolve(APP).resolve(name);
    }
}
