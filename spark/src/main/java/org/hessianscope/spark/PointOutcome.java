package org.hessianscope.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What a task sends back to the driver: which point, whether it trained and analysed now or
 * found them in the store, and what it had to say. The run itself stays in the store.
 *
 * @param damaged damaged folders set aside, each as {folder, problem}
 */
record PointOutcome(int index, boolean trained, boolean analysed, String executor, List<String> warnings,
                    List<String[]> damaged) implements Serializable {
}
