package org.hessianscope.ui.session;

import java.util.List;
import java.util.Map;
import org.hessianscope.ui.charts.ChartZoom;

/**
 * What the window restores on start, and what a teacher hands out: the builder's settings, the
 * loaded run folders, the figure style and the data folder the user chose for full datasets
 * (null: none), and the window around them: which runs are checked and selected, the tab, chart
 * 2's operators, chart 1's view, the charts' zoom, presenter mode's scale and the controls the
 * window does not show. Stored as JSON, by default in {@code session.json} in the user's config
 * folder (UserFolders.sessionFile()); docs/gui.md, "Session files", lists every field.
 *
 * <p>Fields a file leaves out keep the window's defaults: {@code checked} null checks every run,
 * {@code spectrum} null shows every operator, {@code scale} 0 is 1.
 *
 * @param runs     run folders, relative ones against the session file's folder
 * @param checked  the run folders (as in {@code runs}) drawn in charts 1 and 3; null: all
 * @param selected the selected run's folder (as in {@code runs}); null: the last opened
 * @param tab      the tab shown: {@link SessionWindow#TABS}
 * @param spectrum the operators chart 2 shows, by key ("hessian", "ggn", "residual"); null: all
 * @param normalise chart 1's view, by key ("none", "k", "rms"); null: none
 * @param seedMean chart 1 draws seeds of a network as their mean; null: yes
 * @param zoom     per chart id (chart-lossdifference, chart-spectrum, chart-bounds, chart-persample) the
 *                 ranges of its axes as zoomed, absent for a chart at its own ranges
 * @param scale    presenter mode's scale of fonts and lines, 1 to {@link SessionWindow#MAX_SCALE}; 0: 1
 * @param hide     ids of controls the window does not show ({@link HiddenControls#IDS})
 */
public record Session(int layers, int kernel, int channels, String pool, int poolSize, int poolAt, String hidden,
                      boolean reluLast, String dataset, int trainSize, int epochs, long seed, List<String> runs,
                      boolean paperStyle, String dataFolder, List<String> checked, String selected, String tab,
                      List<String> spectrum, String normalise, Boolean seedMean, Map<String, ChartZoom> zoom,
                      double scale, List<String> hide) {
    public Session {
        runs = runs == null ? List.of() : List.copyOf(runs);
        pool = pool == null ? "none" : pool;
        hidden = hidden == null ? "" : hidden;
        dataset = dataset == null ? "mnist" : dataset;
        checked = checked == null ? null : List.copyOf(checked);
        spectrum = spectrum == null ? null : List.copyOf(spectrum);
        zoom = zoom == null ? Map.of() : Map.copyOf(zoom);
        hide = hide == null ? List.of() : List.copyOf(hide);
    }

    /** A session of the builder, runs, style and data folder only, the window at its defaults. */
    public Session(int layers, int kernel, int channels, String pool, int poolSize, int poolAt, String hidden,
                   boolean reluLast, String dataset, int trainSize, int epochs, long seed, List<String> runs,
                   boolean paperStyle, String dataFolder) {
        this(layers, kernel, channels, pool, poolSize, poolAt, hidden, reluLast, dataset, trainSize, epochs, seed,
                runs, paperStyle, dataFolder, null, null, null, null, null, null, null, 0, null);
    }

    /** This session with the window's part from {@code w}. */
    public Session withWindow(SessionWindow.State w) {
        return new Session(layers, kernel, channels, pool, poolSize, poolAt, hidden, reluLast, dataset, trainSize,
                epochs, seed, runs, paperStyle, dataFolder, checked, selected, w.tab(), w.spectrum(), w.normalise(),
                w.seedMean(), w.zoom(), w.scale(), w.hide());
    }

    /** The window's part of this session. */
    public SessionWindow.State window() {
        return new SessionWindow.State(tab, spectrum, normalise, seedMean, zoom, scale, hide);
    }
}
