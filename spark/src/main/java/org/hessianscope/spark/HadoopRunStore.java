package org.hessianscope.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.hessianscope.experiment.RunStore;
import org.hessianscope.io.AtomicFiles;

/**
 * A run store on a Hadoop filesystem ({@code hdfs://}, {@code s3a://}, {@code file://}). Runs are
 * made in a local {@link RunStore} and copied whole: {@link #push} writes a hidden
 * {@code .NAME.partial-UUID} beside the run and renames it into place, the same rule as the local
 * store, so a run is visible complete or not at all (rename is atomic on HDFS and local disks;
 * object stores such as S3 copy instead, see docs/experiments.md).
 */
final class HadoopRunStore {
    private final Configuration conf;
    private final FileSystem fs;
    private final FileSystem local;
    private final Path root;

    HadoopRunStore(String uri, Configuration conf) throws IOException {
        this.conf = conf;
        this.fs = FileSystem.get(URI.create(uri), conf);
        // The raw local filesystem: no .crc files beside the run's own.
        this.local = FileSystem.getLocal(conf).getRawFileSystem();
        this.root = new Path(URI.create(uri));
    }

    String uri() {
        return root.toString();
    }

    /** Makes {@code localRoot/NAME} the store's copy of run NAME, or removes it when the store has none. */
    void pull(String name, java.nio.file.Path localRoot) throws IOException {
        java.nio.file.Path target = localRoot.resolve(name);
        AtomicFiles.deleteTree(target);
        Path remote = new Path(root, name);
        if (!fs.exists(remote)) {
            return;
        }
        Files.createDirectories(localRoot);
        java.nio.file.Path tmp = localRoot.resolve("." + name + ".partial-" + UUID.randomUUID());
        try {
            if (!FileUtil.copy(fs, remote, local, new Path(tmp.toUri()), false, conf)) {
                throw new IOException("could not copy " + remote + " to " + tmp);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            AtomicFiles.deleteTree(tmp);
        }
    }

    /**
     * Publishes the local run folder as the store's run of the same name. A run already there
     * (now analysed again, or damaged) is moved aside first: into {@code .damaged/} when it was
     * damaged, as the local store does, otherwise removed once the new one is in place.
     */
    void push(java.nio.file.Path folder, boolean replacesDamaged) throws IOException {
        String name = folder.getFileName().toString();
        String id = UUID.randomUUID().toString();
        Path tmp = new Path(root, "." + name + ".partial-" + id);
        fs.mkdirs(root);
        try {
            if (!FileUtil.copy(local, new Path(folder.toUri()), fs, tmp, false, conf)) {
                throw new IOException("could not copy " + folder + " to " + tmp);
            }
            Path target = new Path(root, name);
            Path aside = null;
            if (fs.exists(target)) {
                aside = replacesDamaged ? new Path(new Path(root, RunStore.DAMAGED), name + "-" + id)
                        : new Path(root, "." + name + ".replaced-" + id);
                fs.mkdirs(aside.getParent());
                rename(target, aside);
            }
            // The target was checked absent just now: Hadoop's rename onto an existing folder
            // would move tmp inside it instead.
            rename(tmp, target);
            if (aside != null && !replacesDamaged) {
                fs.delete(aside, true);
            }
        } finally {
            if (fs.exists(tmp)) {
                fs.delete(tmp, true);
            }
        }
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("could not rename " + from + " to " + to);
        }
    }
}
