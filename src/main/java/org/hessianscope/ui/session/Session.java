package org.hessianscope.ui.session;

import java.util.List;

/**
 * What the window restores on start: the builder's settings, the loaded run folders and
 * the figure style. Stored as JSON in {@code ~/.hessianscope/session.json}.
 */
public record Session(int layers, int kernel, int channels, String pool, int poolSize, int poolAt, String hidden,
                      boolean reluLast, String dataset, int trainSize, int epochs, long seed, List<String> runs,
                      boolean paperStyle) {
    public Session {
        runs = runs == null ? List.of() : List.copyOf(runs);
        pool = pool == null ? "none" : pool;
        hidden = hidden == null ? "" : hidden;
        dataset = dataset == null ? "mnist" : dataset;
    }
}
