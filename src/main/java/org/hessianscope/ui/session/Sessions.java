package org.hessianscope.ui.session;

import org.hessianscope.ui.builder.BuilderViewModel;
import org.hessianscope.ui.runs.RunsViewModel;
import java.nio.file.Path;
import java.util.List;
import org.hessianscope.data.DatasetName;

/** Copies between the live view models and a {@link Session}. */
public final class Sessions {
    private Sessions() {
    }

    public static Session capture(BuilderViewModel b, RunsViewModel runs, boolean paperStyle, Path dataFolder) {
        return capture(b, runs, paperStyle, dataFolder, null);
    }

    /**
     * The session of the view models, its run folders relative to {@code home} (the folder the
     * session file goes to) when they lie inside it, so a session handed out with its runs beside
     * it opens anywhere; null keeps them absolute. The window's part is left at its defaults.
     */
    public static Session capture(BuilderViewModel b, RunsViewModel runs, boolean paperStyle, Path dataFolder,
                                  Path home) {
        // A lesson's training in progress has no folder yet: the session names only runs on disk.
        List<String> folders = runs.runs().stream().filter(r -> !r.lesson()).map(r -> name(r.folder(), home)).toList();
        List<String> checked = runs.runs().stream().filter(r -> r.shownProperty().get() && !r.lesson())
                .map(r -> name(r.folder(), home)).toList();
        var selected = runs.selectedProperty().get();
        selected = selected != null && selected.lesson() ? null : selected;
        return new Session(b.layersProperty().get(), b.kernelProperty().get(), b.channelsProperty().get(),
                b.poolProperty().get(), b.poolSizeProperty().get(), b.poolAtProperty().get(), b.hiddenProperty().get(),
                b.reluLastProperty().get(), b.datasetProperty().get().key(), b.trainSizeProperty().get(),
                b.epochsProperty().get(), b.seedProperty().get(), folders, paperStyle,
                dataFolder == null ? null : dataFolder.toString(), checked,
                selected == null ? null : name(selected.folder(), home), null, null, null, null, null, 0, null);
    }

    private static String name(Path folder, Path home) {
        Path abs = folder.toAbsolutePath().normalize();
        if (home != null) {
            Path h = home.toAbsolutePath().normalize();
            if (abs.startsWith(h) && !abs.equals(h)) {
                return h.relativize(abs).toString().replace('\\', '/');
            }
        }
        return abs.toString();
    }

    /** A run folder as a session names it: relative ones lie in {@code home}, the session file's folder. */
    public static Path resolve(String folder, Path home) {
        Path p = Path.of(folder);
        return (p.isAbsolute() || home == null ? p : home.resolve(p)).toAbsolutePath().normalize();
    }

    /** Applies the builder settings; values outside the sliders' ranges are clamped, unknown names ignored. */
    public static void restore(Session s, BuilderViewModel b) {
        // A field a hand-written (handed-out) session leaves out reads as 0, which no builder setting can be:
        // it keeps the builder's value instead of pinning the slider to its minimum.
        setIfGiven(b.layersProperty(), s.layers(), 1, 8);
        setIfGiven(b.kernelProperty(), s.kernel(), 2, 7);
        setIfGiven(b.channelsProperty(), s.channels(), 1, 64);
        if (BuilderViewModel.POOLS.contains(s.pool())) {
            b.poolProperty().set(s.pool());
        }
        setIfGiven(b.poolSizeProperty(), s.poolSize(), 2, 4);
        setIfGiven(b.poolAtProperty(), s.poolAt(), 1, 8);
        b.hiddenProperty().set(s.hidden());
        b.reluLastProperty().set(s.reluLast());
        try {
            b.datasetProperty().set(DatasetName.fromKey(s.dataset()));
        } catch (IllegalArgumentException e) {
            // keep the default dataset; the session came from another version
        }
        setIfGiven(b.trainSizeProperty(), s.trainSize(), 2, Integer.MAX_VALUE);
        setIfGiven(b.epochsProperty(), s.epochs(), 1, Integer.MAX_VALUE);
        b.seedProperty().set((int) s.seed());
    }

    private static void setIfGiven(javafx.beans.property.IntegerProperty p, int v, int lo, int hi) {
        if (v > 0) {
            p.set(clamp(v, lo, hi));
        }
    }

    /** The remembered data folder, or null when none was chosen. */
    public static Path dataFolder(Session s) {
        return s.dataFolder() == null || s.dataFolder().isBlank() ? null : Path.of(s.dataFolder());
    }

    public static List<Path> runFolders(Session s) {
        return s.runs().stream().map(Path::of).toList();
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
