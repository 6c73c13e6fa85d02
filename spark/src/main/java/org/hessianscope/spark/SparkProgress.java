package org.hessianscope.spark;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.hessianscope.experiment.SweepListener;
import org.hessianscope.experiment.SweepPoint;

/** Tells the sweep's listener when a point's task starts on an executor and when an attempt fails. */
final class SparkProgress extends SparkListener {
    private final List<SweepPoint> points;
    private final SweepListener listener;
    private final Map<Integer, SweepPoint> byStage = new ConcurrentHashMap<>();

    SparkProgress(List<SweepPoint> points, SweepListener listener) {
        this.points = points;
        this.listener = listener;
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted e) {
        Properties p = e.properties();
        String index = p == null ? null : p.getProperty(SparkSweepRunner.POINT);
        if (index != null) {
            byStage.put(e.stageInfo().stageId(), points.get(Integer.parseInt(index)));
        }
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart e) {
        SweepPoint p = byStage.get(e.stageId());
        if (p != null) {
            listener.phase(p, SweepListener.Phase.TRAINING, "as a Spark task on executor " + e.taskInfo().executorId()
                    + " (" + e.taskInfo().host() + "), attempt " + (e.taskInfo().attemptNumber() + 1));
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
        SweepPoint p = byStage.get(e.stageId());
        if (p != null && e.reason() instanceof TaskFailedReason f) {
            listener.warning("point " + p.value() + ": attempt " + (e.taskInfo().attemptNumber() + 1) + " on executor "
                    + e.taskInfo().executorId() + " failed (" + f.toErrorString().lines().findFirst().orElse("")
                    + "); Spark retries it up to spark.task.maxFailures");
        }
    }
}
