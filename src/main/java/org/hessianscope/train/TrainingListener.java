package org.hessianscope.train;

/** Receives one event per training step, on the training thread; keep it quick (a GUI hands it to its own thread). */
@FunctionalInterface
public interface TrainingListener {
    void onProgress(TrainingProgress progress);

    TrainingListener NONE = p -> {
    };
}
