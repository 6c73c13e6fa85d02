package org.hessianscope.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.analysis.AnalysisStore;
import org.hessianscope.io.BoundedText;
import org.hessianscope.io.Npy;
import org.hessianscope.io.NpyArray;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.RunInfo;
import org.hessianscope.run.TrainedRun;

/**
 * Decides whether a store folder is a run that may be used: every file present and readable,
 * the key's hash matching its contents and the folder's name, and the spec, options and data
 * recorded by training agreeing with the key. Anything else is a {@link DamagedRun} naming
 * the first problem, so a damaged folder is reported and never silently used.
 */
final class RunCheck {
    private RunCheck() {
    }

    /** The run in {@code dir}, or the problem that makes it unusable. */
    static Result check(Path dir) {
        try {
            return new Result(checked(dir), null);
        } catch (IOException | RuntimeException e) {
            return new Result(null, new DamagedRun(dir, message(e)));
        }
    }

    record Result(StoredRun run, DamagedRun damage) {
    }

    private static StoredRun checked(Path dir) throws IOException {
        Path keyFile = dir.resolve(RunStore.KEY);
        if (!Files.isRegularFile(keyFile)) {
            throw new IOException(RunStore.KEY + " is missing, so it is not known what this run was trained from");
        }
        RunKey key = RunKey.fromJson(BoundedText.read(keyFile, BoundedText.SMALL, RunStore.KEY), RunStore.KEY);
        String expected = key.folderName();
        if (!dir.getFileName().toString().equals(expected)) {
            throw new IOException("the folder is named " + dir.getFileName() + " but " + RunStore.KEY
                    + " belongs in " + expected + "; it was renamed or its key was replaced");
        }
        TrainedRun run = RunFolder.read(dir);
        if (!run.spec().equals(key.spec())) {
            throw new IOException(RunFolder.SPEC + " does not match the spec in " + RunStore.KEY);
        }
        RunInfo info = run.info();
        if (!info.options().equals(key.training())) {
            throw new IOException(RunFolder.INFO + " records training options " + info.options() + " but "
                    + RunStore.KEY + " holds " + key.training());
        }
        if (!info.data().dataset().equals(key.data().dataset()) || info.data().trainSize() != key.data().trainSize()) {
            throw new IOException(RunFolder.INFO + " says it trained on " + info.data().trainSize() + " records of "
                    + info.data().dataset() + " but " + RunStore.KEY + " says " + key.data().trainSize() + " of "
                    + key.data().dataset());
        }
        if (!"completed".equals(info.status()) && !"diverged".equals(info.status())) {
            throw new IOException("training ended as \"" + info.status() + "\" (" + info.message()
                    + "); only completed or diverged runs are kept");
        }
        int n = key.data().trainSize();
        Optional<AnalysisResult> analysis = AnalysisStore.read(dir);
        if (analysis.isPresent() && analysis.get().n() != n) {
            throw new IOException(AnalysisStore.FILE + " holds " + analysis.get().n() + " per-sample losses but the run "
                    + "trained on " + n + " records");
        }
        Path losses = dir.resolve(RunStore.LOSSES);
        if (Files.exists(losses)) {
            NpyArray a = Npy.read(losses);
            if (a.shape().length != 1 || a.shape()[0] != n) {
                throw new IOException(RunStore.LOSSES + " has shape " + java.util.Arrays.toString(a.shape())
                        + " but the run trained on " + n + " records");
            }
        }
        return new StoredRun(dir, key, info);
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
