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
        List<String> folders = runs.runs().stream().map(r -> r.folder().toString()).toList();
        return new Session(b.layersProperty().get(), b.kernelProperty().get(), b.channelsProperty().get(),
                b.poolProperty().get(), b.poolSizeProperty().get(), b.poolAtProperty().get(), b.hiddenProperty().get(),
                b.reluLastProperty().get(), b.datasetProperty().get().key(), b.trainSizeProperty().get(),
                b.epochsProperty().get(), b.seedProperty().get(), folders, paperStyle,
                dataFolder == null ? null : dataFolder.toString());
    }

    /** Applies the builder settings; values outside the sliders' ranges are clamped, unknown names ignored. */
    public static void restore(Session s, BuilderViewModel b) {
        b.layersProperty().set(clamp(s.layers(), 1, 8));
        b.kernelProperty().set(clamp(s.kernel(), 2, 7));
        b.channelsProperty().set(clamp(s.channels(), 1, 64));
        if (BuilderViewModel.POOLS.contains(s.pool())) {
            b.poolProperty().set(s.pool());
        }
        b.poolSizeProperty().set(clamp(s.poolSize(), 2, 4));
        b.poolAtProperty().set(clamp(s.poolAt(), 1, 8));
        b.hiddenProperty().set(s.hidden());
        b.reluLastProperty().set(s.reluLast());
        try {
            b.datasetProperty().set(DatasetName.fromKey(s.dataset()));
        } catch (IllegalArgumentException e) {
            // keep the default dataset; the session came from another version
        }
        b.trainSizeProperty().set(Math.max(2, s.trainSize()));
        b.epochsProperty().set(Math.max(1, s.epochs()));
        b.seedProperty().set((int) s.seed());
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
