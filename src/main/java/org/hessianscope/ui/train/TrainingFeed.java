package org.hessianscope.ui.train;

import java.util.function.Consumer;
import org.hessianscope.train.TrainingListener;
import org.hessianscope.train.TrainingProgress;

/** One training run's listener: every step goes through the window's {@link org.hessianscope.ui.common.Feed}. */
record TrainingFeed(Consumer<TrainingProgress> sink) implements TrainingListener {
    @Override
    public void onProgress(TrainingProgress progress) {
        sink.accept(progress);
    }
}
