package org.hessianscope.spark;

import java.util.List;
import java.util.Map;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import scala.Tuple4;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.hessianscope.experiment.SweepListener;
import org.hessianscope.experiment.SweepPoint;

/**
 * Tells the sweep's listener when a point's task starts on an executor, what it is doing while it
 * runs (its phase and progress, carried by the executors' heartbeats in a {@link PointProgress}
 * accumulator, so the driver's terminal and the desktop app see epochs and analysis steps as
 * with the local runner, a heartbeat interval late) and when an attempt fails.
 */
final class SparkProgress extends SparkListener {
    private final List<SweepPoint> points;
    private final SweepListener listener;
    private final Map<Integer, SweepPoint> byStage = new ConcurrentHashMap<>();
    /** The last event relayed per task attempt, so a heartbeat that brings nothing new says nothing. */
    private final Map<Long, PointProgress.Event> relayed = new ConcurrentHashMap<>();

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
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate e) {
        for (Tuple4<Object, Object, Object, Seq<AccumulableInfo>> u : CollectionConverters.asJava(e.accumUpdates())) {
            SweepPoint p = byStage.get((Integer) u._2());
            if (p == null) {
                continue;
            }
            long taskId = (Long) u._1();
            for (AccumulableInfo a : CollectionConverters.asJava(u._4())) {
                if (!a.name().contains(PointProgress.NAME) || a.update().isEmpty()) {
                    continue;
                }
                PointProgress.of(a.update().get()).ifPresent(ev -> relay(taskId, p, ev));
            }
        }
    }

    private void relay(long taskId, SweepPoint p, PointProgress.Event ev) {
        PointProgress.Event before = relayed.put(taskId, ev);
        if (ev.equals(before)) {
            return;
        }
        if (before == null || before.phase() != ev.phase()) {
            // The phase's own line first (the local runner's order), with the detail when the event is one.
            listener.phase(p, ev.phase(), ev.total() == 0 ? ev.message() : "");
        }
        if (ev.total() != 0) {
            listener.progress(p, ev.phase(), ev.done(), ev.total(), ev.message());
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
        relayed.remove(e.taskInfo().taskId());
        SweepPoint p = byStage.get(e.stageId());
        if (p != null && e.reason() instanceof TaskFailedReason f) {
            listener.warning("point " + p.value() + ": attempt " + (e.taskInfo().attemptNumber() + 1) + " on executor "
                    + e.taskInfo().executorId() + " failed (" + f.toErrorString().lines().findFirst().orElse("")
                    + "); Spark retries it up to spark.task.maxFailures");
        }
    }
}
