package org.hessianscope.run;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.PoolSpec;
import org.hessianscope.arch.PoolType;
import org.hessianscope.engine.Precision;
import org.hessianscope.io.Npy;
import org.hessianscope.io.NpyArray;
import org.hessianscope.io.NpyDtype;
import org.hessianscope.io.NpyFormatException;
import org.hessianscope.train.Checkpoint;
import org.hessianscope.train.PyTorchInit;
import org.hessianscope.train.TrainingOptions;
import org.hessianscope.train.TrainingProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunFolderTest {

    static final ArchitectureSpec SPEC = ArchitectureSpec.paper(new InputShape(1, 8, 8), 2, 3, 3, new PoolSpec(PoolType.MAX, 2, 1), 10);

    static TrainedRun run() {
        double[] init = PyTorchInit.initialise(SPEC, 1);
        double[] weights = PyTorchInit.initialise(SPEC, 2);
        List<TrainingProgress> history = List.of(
                new TrainingProgress(1, 2, 1, 2, 1, 2.3025850929940455, 0.125, 2.3025850929940455, 0.125, 1234.5, 0.75),
                new TrainingProgress(1, 2, 2, 2, 2, 2.1, 0.25, 2.2, 0.1875, 1500, 0.5));
        RunInfo info = new RunInfo("completed", "trained 2 epochs, 4 steps", 7, TrainingOptions.paper(2, 7),
                new RunInfo.DataUsed("mnist", 100, 2000, "embedded subset"), "2026-11-27T13:00:00Z", "2026-11-27T13:00:05Z",
                new RunInfo.Metrics(0.5, 0.875, 100), null, new RunInfo.Versions("0.1.0", "17.0.15"));
        return new TrainedRun(SPEC, init, weights, history, info);
    }

    static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheFiveFilesAndReadsThemBack(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run1");
        TrainedRun run = run();
        RunFolder.write(dir, run);
        assertEquals(List.of("history.csv", "init.npz", "run.json", "spec.json", "weights.npz"), names(dir));
        assertEquals(List.of("run1"), names(tmp), "no temporary folder is left beside it");
        TrainedRun back = RunFolder.read(dir);
        assertEquals(SPEC, back.spec());
        assertArrayEquals(run.init(), back.init());
        assertArrayEquals(run.weights(), back.weights());
        assertEquals(run.history(), back.history());
        assertEquals(run.info(), back.info());
        String csv = Files.readString(dir.resolve("history.csv"));
        assertTrue(csv.startsWith("epoch,epochs,batch,batches,step,loss,accuracy,runningLoss,runningAccuracy,samplesPerSecond,secondsLeft\n"
                + "1,2,1,2,1,2.3025850929940455,0.125,2.3025850929940455,0.125,1234.5,0.75\n"), csv);
        String json = Files.readString(dir.resolve("run.json"));
        assertTrue(json.contains("\"learningRate\" : 0.001") && json.contains("\"java\" : \"17.0.15\"")
                && json.contains("\"dataset\" : \"mnist\""), json);
    }

    /** The run of {@link #run()} with two checkpoints, after steps 2 and 4 of its two epochs. */
    static TrainedRun withCheckpoints() {
        TrainedRun r = run();
        List<Checkpoint> kept = List.of(Checkpoint.of(2, 1, r.init()), Checkpoint.of(4, 2, r.weights()));
        RunInfo info = r.info().withCheckpoints(new RunInfo.Checkpoints("epoch", List.of(2L, 4L), List.of(1, 2)));
        return new TrainedRun(SPEC, r.init(), r.weights(), r.history(), info, kept);
    }

    @Test
    void checkpointsAreWrittenAsOneFloat32ArrayDescribedInRunJsonAndReadBack(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("ck");
        TrainedRun run = withCheckpoints();
        RunFolder.write(dir, run);
        assertEquals(List.of("checkpoints.npy", "history.csv", "init.npz", "run.json", "spec.json", "weights.npz"),
                names(dir));
        NpyArray a = Npy.read(dir.resolve(RunFolder.CHECKPOINTS));
        assertArrayEquals(new int[] {2, SPEC.parameterCount()}, a.shape());
        assertEquals(NpyDtype.FLOAT32_LE, a.dtype());
        assertEquals((double) (float) run.weights()[5], a.data()[SPEC.parameterCount() + 5]);
        String json = Files.readString(dir.resolve(RunFolder.INFO));
        assertTrue(json.contains("\"checkpoints\" : {") && json.contains("\"schedule\" : \"epoch\""), json);
        TrainedRun back = RunFolder.read(dir);
        assertEquals(run.info(), back.info());
        assertEquals(2, back.checkpoints().size());
        assertArrayEquals(run.checkpoints().get(1).theta(), back.checkpoints().get(1).theta());
        assertEquals(4L, back.checkpoints().get(1).step());
        // A run that kept none has no file and no key, exactly as run.json was before checkpoints existed.
        RunFolder.write(tmp.resolve("plain"), run());
        assertFalse(Files.readString(tmp.resolve("plain").resolve(RunFolder.INFO)).contains("checkpoints"));
        assertEquals(List.of(), RunFolder.read(tmp.resolve("plain")).checkpoints());
    }

    @Test
    void aMissingOrMisshapenCheckpointFileIsNamed(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("ck");
        RunFolder.write(dir, withCheckpoints());
        Npy.write(new NpyArray(new int[] {1, SPEC.parameterCount()}, new double[SPEC.parameterCount()],
                NpyDtype.FLOAT32_LE), dir.resolve(RunFolder.CHECKPOINTS));
        RunFolderException e = assertThrows(RunFolderException.class, () -> RunFolder.read(dir));
        assertTrue(e.getMessage().contains("checkpoints.npy has shape [1, " + SPEC.parameterCount()
                + "] but run.json describes 2 checkpoints"), e.getMessage());
        Files.delete(dir.resolve(RunFolder.CHECKPOINTS));
        e = assertThrows(RunFolderException.class, () -> RunFolder.read(dir));
        assertTrue(e.getMessage().contains("checkpoints.npy is missing"), e.getMessage());
    }

    @Test
    void theTrainingPrecisionIsRecordedAndAnOlderRunJsonWithoutItReadsAsFloat64(@TempDir Path tmp) throws Exception {
        TrainedRun f64 = run();
        RunInfo i = f64.info();
        RunInfo f32Info = new RunInfo(i.status(), i.message(), i.seed(), i.options().withPrecision(Precision.FLOAT32),
                i.data(), i.start(), i.end(), i.train(), i.test(), i.versions());
        Path dir = tmp.resolve("f32");
        RunFolder.write(dir, new TrainedRun(SPEC, f64.init(), f64.weights(), f64.history(), f32Info));
        String json = Files.readString(dir.resolve("run.json"));
        assertTrue(json.contains("\"precision\" : \"float32\""), json);
        assertEquals(Precision.FLOAT32, RunFolder.readInfo(dir).options().precision());

        Path old = tmp.resolve("old");
        RunFolder.write(old, f64);
        String written = Files.readString(old.resolve("run.json"));
        assertTrue(written.contains("\"precision\" : \"float64\""), written);
        // As written before float32 training existed: no precision field.
        Files.writeString(old.resolve("run.json"), written.replace("\"precision\" : \"float64\",", "")
                .replace(",\n    \"precision\" : \"float64\"", ""));
        assertFalse(Files.readString(old.resolve("run.json")).contains("precision"));
        assertEquals(i, RunFolder.readInfo(old));
        assertEquals(Precision.FLOAT64, RunFolder.readInfo(old).options().precision());
    }

    @Test
    void aKillBeforeTheRenameLeavesNothingThatLooksLikeARun(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run1");
        assertThrows(IllegalStateException.class, () -> RunFolder.write(dir, run(), () -> {
            throw new IllegalStateException("killed");
        }));
        assertFalse(Files.exists(dir));
        assertEquals(List.of(), names(tmp));
    }

    @Test
    void refusesToOverwriteAnExistingRun(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run1");
        RunFolder.write(dir, run());
        String msg = assertThrows(RunFolderException.class, () -> RunFolder.write(dir, run())).getMessage();
        assertTrue(msg.endsWith("run1 already exists and is not an empty folder; choose another --out or remove it"), msg);
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        RunFolder.write(empty, run());
        assertEquals(5, names(empty).size(), "an empty folder may be used");
    }

    @Test
    void damagedFoldersAreReportedNamingTheFile(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run1");
        RunFolder.write(dir, run());

        Files.move(dir.resolve("weights.npz"), tmp.resolve("moved.npz"));
        assertEquals(dir + " is not a complete run folder: weights.npz is missing (a run folder holds spec.json, init.npz, "
                + "weights.npz, history.csv, run.json)", assertThrows(RunFolderException.class, () -> RunFolder.read(dir)).getMessage());
        Files.write(dir.resolve("weights.npz"), new byte[] {1, 2, 3});
        assertEquals(dir.resolve("weights.npz") + ": not an .npz archive (a zip file starts with PK\\3\\4)",
                assertThrows(NpyFormatException.class, () -> RunFolder.read(dir)).getMessage());
        Files.move(tmp.resolve("moved.npz"), dir.resolve("weights.npz"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        String json = Files.readString(dir.resolve("run.json"));
        Files.writeString(dir.resolve("run.json"), json.replace("\"seed\" : 7,", "\"seed\" : 7,,"));
        String bad = assertThrows(RunFolderException.class, () -> RunFolder.read(dir)).getMessage();
        assertTrue(bad.startsWith(dir.resolve("run.json") + ": Unexpected character (','") && bad.contains(" at line 4, column "), bad);

        Files.writeString(dir.resolve("run.json"), json.replace("\"seed\" : 7,", "\"sede\" : 7,"));
        String missing = assertThrows(RunFolderException.class, () -> RunFolder.read(dir)).getMessage();
        assertTrue(missing.startsWith(dir.resolve("run.json") + ": Missing creator property 'seed'"), missing);
        Files.writeString(dir.resolve("run.json"), json.replace("\"seed\" : 7,", "\"seed\" : 7, \"sede\" : 7,"));
        String unknown = assertThrows(RunFolderException.class, () -> RunFolder.read(dir)).getMessage();
        assertTrue(unknown.startsWith(dir.resolve("run.json") + ": Unrecognized field \"sede\""), unknown);
        Files.writeString(dir.resolve("run.json"), json);

        Files.writeString(dir.resolve("history.csv"), Files.readString(dir.resolve("history.csv")) + "1,2,x,2,3,1,1,1,1,1,1\n");
        assertEquals(dir.resolve("history.csv") + ": line 4 has a value that is not a number: 1,2,x,2,3,1,1,1,1,1,1",
                assertThrows(RunFolderException.class, () -> RunFolder.read(dir)).getMessage());

        Files.writeString(dir.resolve("spec.json"), "{\"conv\": []}");
        String spec = assertThrows(RunFolderException.class, () -> RunFolder.read(dir)).getMessage();
        assertTrue(spec.startsWith(dir.resolve("spec.json") + ": "), spec);
        assertEquals(tmp.resolve("nope") + " is not a run folder (no such folder)",
                assertThrows(RunFolderException.class, () -> RunFolder.read(tmp.resolve("nope"))).getMessage());
    }
}
