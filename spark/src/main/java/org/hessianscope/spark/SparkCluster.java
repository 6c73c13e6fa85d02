package org.hessianscope.spark;

import java.io.IOException;
import org.hessianscope.data.DataLocations;
import org.hessianscope.experiment.SweepExecution;

/** Found by {@link SweepExecution.Cluster#find()} when this module is on the class path. */
public final class SparkCluster implements SweepExecution.Cluster {
    @Override
    public SweepExecution open(String master, String store, DataLocations data) throws IOException {
        return SparkSweepRunner.open(master, store, data);
    }
}
