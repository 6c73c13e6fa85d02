package org.hessianscope.experiment;

import java.io.IOException;
import java.util.ServiceLoader;
import org.hessianscope.data.Dataset;
import org.hessianscope.data.DataLocations;
import org.hessianscope.task.ProgressMonitor;

/**
 * Where a sweep's points run: in this process ({@link SweepRunner}, the default) or on a cluster
 * (the optional Spark module, found through {@link Cluster} so this code never names it). Every
 * execution trains and analyses a point with {@link SweepRunner#runPoint}, so the results do not
 * depend on which one ran them.
 */
public interface SweepExecution extends AutoCloseable {
    /** The store the results are read from on this machine (for a remote store, its local copy). */
    RunStore store();

    /** The training records the sweep uses, as the points see them. */
    Dataset trainingSet(SweepFile sweep) throws IOException;

    SweepResult run(SweepFile sweep, SweepListener listener, ProgressMonitor monitor) throws IOException;

    /** Releases what the execution holds (a cluster connection); nothing for the local runner. */
    @Override
    default void close() throws IOException {
    }

    /** Opens executions on a cluster; implemented by a module that is on the class path only when asked for. */
    interface Cluster {
        /**
         * @param master where the points run, in the cluster's own words (Spark: {@code local[2]},
         *               {@code spark://host:7077}, {@code yarn}, {@code k8s://...})
         * @param store  the run store: a folder every node sees at the same path, or a filesystem
         *               URI the cluster understands (Spark: any Hadoop filesystem)
         * @param data   where every node looks for the full datasets
         */
        SweepExecution open(String master, String store, DataLocations data) throws IOException;

        /** The cluster support on the class path; a clear message when there is none. */
        static Cluster find() {
            return ServiceLoader.load(Cluster.class).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "a sweep on Spark needs the Spark module on the class path: run through bin/hessianscope, which builds "
                            + "and adds spark/ (or `mvn -f spark/pom.xml package` and add its jar)"));
        }
    }
}
