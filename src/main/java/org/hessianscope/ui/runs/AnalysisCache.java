package org.hessianscope.ui.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.analysis.AnalysisStore;
import org.hessianscope.analysis.LossDifferenceDiskCache;
import org.hessianscope.io.UserFolders;

/**
 * Stored analyses read this session, keyed by run folder and the analysis file's size and time: a
 * compact analysis.json recomputes its loss difference from losses.npy, seconds per run, and a run
 * reopened (a sweep loaded into the charts, a session opened, Undo after Remove) need not pay it
 * again (issue 17, defect 21); across starts the curves come from a {@link LossDifferenceDiskCache}.
 * A rewritten file is read anew. Safe for the reading threads.
 */
final class AnalysisCache {
    private record Stamp(long size, long modified, long lossesModified) {
    }

    private record Entry(Stamp stamp, AnalysisResult result) {
    }

    /** Across starts: the expensive part of a compact analysis, its loss-difference curves. */
    private final LossDifferenceDiskCache disk = new LossDifferenceDiskCache(UserFolders.ofSystem().analysisCache());
    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    /** {@code run}'s stored analysis, from memory when its files are unchanged since last read. */
    Optional<AnalysisResult> read(Path run) throws IOException {
        Stamp stamp = stamp(run);
        if (stamp == null) {
            entries.remove(run);
            return Optional.empty();
        }
        Entry e = entries.get(run);
        if (e != null && e.stamp().equals(stamp)) {
            return Optional.of(e.result());
        }
        reads.incrementAndGet();
        Optional<AnalysisResult> read = AnalysisStore.read(run, disk);
        read.ifPresent(r -> entries.put(run, new Entry(stamp, r)));
        return read;
    }

    /** How many analysis files were read from disk (not from memory). */
    int reads() {
        return reads.get();
    }

    private static Stamp stamp(Path run) throws IOException {
        Path file = run.resolve(AnalysisStore.FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        Path losses = run.resolve(AnalysisStore.LOSSES);
        long lossesModified = Files.isRegularFile(losses) ? Files.getLastModifiedTime(losses).toMillis() : -1;
        return new Stamp(a.size(), a.lastModifiedTime().toMillis(), lossesModified);
    }
}
