package org.hessianscope.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.analysis.AnalysisStore;
import org.hessianscope.data.Dataset;
import org.hessianscope.io.AtomicFiles;
import org.hessianscope.io.Npy;
import org.hessianscope.io.NpyArray;
import org.hessianscope.io.UserFolders;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.RunInfo;
import org.hessianscope.run.TrainedRun;

/**
 * Trained runs, one folder per {@link RunKey}, named by the key so a lookup is one path.
 * Each folder is a run folder ({@link RunFolder}) plus {@code key.json} and, once analysed,
 * {@code analysis.json} and {@code losses.npy}. Runs appear by atomic rename and files are
 * replaced atomically, so a killed process leaves either the old state or the new one.
 */
public final class RunStore {
    public static final String KEY = "key.json";
    public static final String LOSSES = AnalysisStore.LOSSES;
    /** Where damaged runs are moved so nothing is deleted; hidden so scans skip it. */
    public static final String DAMAGED = ".damaged";

    private final Path root;

    public RunStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** {@link UserFolders#runs()}: {@code ~/.local/share/hessianscope/runs}, or {@code ~/.hessianscope/runs} where that exists. */
    public static Path defaultRoot() {
        return UserFolders.ofSystem().runs();
    }

    public Path root() {
        return root;
    }

    public Path folderOf(RunKey key) {
        return root.resolve(key.folderName());
    }

    public Lookup lookup(RunKey key) {
        Path dir = folderOf(key);
        if (!Files.exists(dir)) {
            return new Lookup.Missing();
        }
        RunCheck.Result r = RunCheck.check(dir);
        if (r.damage() != null) {
            return new Lookup.Damaged(r.damage());
        }
        if (!r.run().key().equals(key)) {
            // Only a hash-prefix collision gets here: different keys, same folder name.
            return new Lookup.Damaged(new DamagedRun(dir, "holds a different run whose hash shares the first 12 digits"));
        }
        return new Lookup.Found(r.run());
    }

    /** Stores a finished training under its key; the folder appears complete or not at all. */
    public StoredRun save(RunKey key, TrainedRun run) throws IOException {
        Path dir = folderOf(key);
        RunFolder.write(dir, run, Map.of(KEY, key.toJson()));
        return new StoredRun(dir, key, run.info());
    }

    /** Writes {@code analysis.json} and the per-sample losses as {@code losses.npy}. */
    public void saveAnalysis(StoredRun run, AnalysisResult analysis) throws IOException {
        double[] losses = analysis.losses();
        AtomicFiles.write(run.folder().resolve(LOSSES), Npy.toBytes(NpyArray.of(new int[] {losses.length}, losses)));
        AnalysisStore.write(run.folder(), analysis);
    }

    /** The stored analysis when it was made with {@code options} (thread count aside, which never changes a result). */
    public Optional<AnalysisResult> analysis(StoredRun run, AnalysisOptions options) throws IOException {
        Optional<AnalysisResult> stored = AnalysisStore.read(run.folder());
        return stored.filter(a -> sameSettings(a.options(), options));
    }

    static boolean sameSettings(AnalysisOptions a, AnalysisOptions b) {
        return a.orderings() == b.orderings() && a.seed() == b.seed() && Double.compare(a.alpha(), b.alpha()) == 0
                && a.curvatureSamples() == b.curvatureSamples() && a.lanczosSteps() == b.lanczosSteps()
                && a.perSampleFull() == b.perSampleFull();
    }

    /** Every folder in the store, checked: the usable runs and the damaged ones with what is wrong. */
    public Scan scan() throws IOException {
        List<StoredRun> runs = new ArrayList<>();
        List<DamagedRun> damaged = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return new Scan(runs, damaged);
        }
        try (Stream<Path> s = Files.list(root)) {
            for (Path dir : s.sorted().toList()) {
                if (!Files.isDirectory(dir) || dir.getFileName().toString().startsWith(".")) {
                    continue;
                }
                RunCheck.Result r = RunCheck.check(dir);
                if (r.run() != null) {
                    runs.add(r.run());
                } else {
                    damaged.add(r.damage());
                }
            }
        }
        return new Scan(List.copyOf(runs), List.copyOf(damaged));
    }

    public record Scan(List<StoredRun> runs, List<DamagedRun> damaged) {
    }

    /**
     * Moves a damaged folder to {@code .damaged/NAME-TIME} inside the store, so its key can be
     * trained again while whatever it held stays on disk for inspection.
     */
    public Path setAside(DamagedRun damaged) throws IOException {
        Path aside = root.resolve(DAMAGED);
        Files.createDirectories(aside);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path target = aside.resolve(damaged.folder().getFileName() + "-" + stamp);
        for (int i = 2; Files.exists(target); i++) {
            target = aside.resolve(damaged.folder().getFileName() + "-" + stamp + "-" + i);
        }
        Files.move(damaged.folder(), target);
        return target;
    }

    /**
     * Adds a run folder made by {@code train} (and maybe {@code analyze}) to the store under its
     * key, computed from its own spec, options and the records it names in {@code train}; an
     * equal run already stored is returned instead.
     */
    public StoredRun importRun(Path folder, Dataset train) throws IOException {
        TrainedRun run = RunFolder.read(folder);
        RunInfo info = run.info();
        if (!info.data().dataset().equals(train.name().key()) || info.data().trainSize() != train.size()) {
            throw new IOException(folder + " was trained on " + info.data().trainSize() + " records of "
                    + info.data().dataset() + ", not on the " + train.size() + " records of " + train.name().key()
                    + " given");
        }
        RunKey key = new RunKey(run.spec(), DataIdentity.of(train), info.options());
        Lookup existing = lookup(key);
        if (existing instanceof Lookup.Found f) {
            return f.run();
        }
        if (existing instanceof Lookup.Damaged d) {
            throw new IOException("the store already holds a damaged folder for this run: " + d.damage()
                    + "; move it away first");
        }
        StoredRun stored = save(key, run);
        Optional<AnalysisResult> analysis = AnalysisStore.read(folder);
        if (analysis.isPresent()) {
            saveAnalysis(stored, analysis.get());
        }
        return stored;
    }
}
