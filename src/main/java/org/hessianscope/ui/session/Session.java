package org.hessianscope.ui.session;

import java.util.List;

/**
 * What the window restores on start: the builder's settings, the loaded run folders,
 * the figure style and the data folder the user chose for full datasets (null: none). Stored as JSON in {@code session.json} in the user's config folder (UserFolders.sessionFile()).
 */
public record Session(int layers, int kernel, int channels, String pool, int poolSize, int poolAt, String hidden,
                      boolean reluLast, String dataset, int trainSize, int epochs, long seed, List<String> runs,
                      boolean paperStyle, String dataFolder) {
    public Session {
        runs = runs == null ? List.of() : List.copyOf(runs);
        pool = pool == null ? "none" : pool;
        hidden = hidden == null ? "" : hidden;
        dataset = dataset == null ? "mnist" : dataset;
    }
}
