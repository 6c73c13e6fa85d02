package org.hessianscope.spark;

import org.hessianscope.data.DataLocations;
import org.hessianscope.experiment.RunStore;
import org.hessianscope.experiment.SweepExecution;

/** Found by {@link SweepExecution.Cluster#find()} when this module is on the class path. */
public final class SparkCluster implements SweepExecution.Cluster {
    @Override
    public SweepExecution open(String master, RunStore store, DataLocations data) {
        return SparkSweepRunner.open(master, store, data);
    }
}
