package org.hessianscope.spark;

import java.io.Serializable;
import java.util.List;
import org.hessianscope.experiment.FailedPoint;

/**
 * What a task sends back to the driver: which point, whether it trained and analysed now or
 * found them in the store, and what it had to say. The run itself stays in the store.
 *
 * @param damaged damaged folders set aside, each as {folder, problem}
 * @param failure why the point failed for a reason of its own ({@link FailedPoint#reason}), null if it finished;
 *                sent back rather than thrown so that Spark does not retry what would fail the same way
 */
record PointOutcome(int index, boolean trained, boolean analysed, String executor, List<String> warnings,
                    List<String[]> damaged, String failure) implements Serializable {

    static PointOutcome failed(int index, String executor, List<String> warnings, String failure) {
        return new PointOutcome(index, false, false, executor, warnings, List.of(), failure);
    }
}
