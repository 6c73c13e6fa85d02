package org.hessianscope.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The worker → JavaFX hand-over with a hand-run executor standing in for the JavaFX thread. */
public class FeedTest {
    private final List<Runnable> queued = new ArrayList<>();
    private final List<List<Integer>> delivered = new ArrayList<>();
    private final Feed<Integer> feed = new Feed<>(queued::add);

    FeedTest() {
        feed.onBatch(b -> delivered.add(List.copyOf(b)));
    }

    private void runQueued() {
        List<Runnable> now = List.copyOf(queued);
        queued.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void manyPostsBecomeOneQueuedDeliveryWithEveryItemInOrder() {
        Consumer<Integer> sink = feed.restart();
        for (int i = 1; i <= 1000; i++) {
            sink.accept(i);
        }
        assertEquals(1, queued.size(), "one hand-over queued for 1000 posts");
        runQueued();
        assertEquals(1, delivered.size());
        assertEquals(1000, delivered.get(0).size());
        assertEquals(1, delivered.get(0).get(0));
        assertEquals(1000, delivered.get(0).get(999));
        sink.accept(1001);
        assertEquals(1, queued.size(), "after a delivery the next post queues again");
        runQueued();
        assertEquals(List.of(1001), delivered.get(1));
    }

    @Test
    void aRestartDropsTheOldGenerationsPendingAndLatePosts() {
        Consumer<Integer> old = feed.restart();
        old.accept(1);
        Consumer<Integer> current = feed.restart();
        old.accept(2); // a cancelled job winding down
        current.accept(3);
        runQueued();
        assertEquals(List.of(List.of(3)), delivered);
        feed.stop();
        current.accept(4);
        runQueued();
        assertEquals(1, delivered.size(), "nothing after stop");
    }
}
