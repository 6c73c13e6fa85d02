package org.hessianscope.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hessianscope.analysis.AnalysisStore;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.SpecJson;
import org.hessianscope.io.FuzzRun;
import org.hessianscope.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's fuzz extension for the files a store holds and the sweep files that fill it: the
 * sweep YAML reader (ours and the authors' configs), key.json, run.json and analysis.json, each
 * over {@link FuzzRun#CASES} seeded mutations.
 */
class StoreFilesFuzzTest {
    @TempDir
    Path tmp;

    static List<byte[]> utf8(String... texts) {
        return java.util.Arrays.stream(texts).map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Test
    void sweepReaderThrowsOnlySweepFileException() {
        List<byte[]> corpus = utf8("""
                name: f
                dataset: mnist
                train_size: 96
                epochs: 1
                layers: 2
                channels: 2
                kernel: 5
                sweep: {parameter: layers, values: [1, 2]}
                analysis: {orderings: 8, lanczos_steps: 6}
                """, """
                dataset_name: 'FashionMNIST'
                channels: 6
                layers_num: 4
                kernel_size: 3
                layers_num_range: [2, 3, 4]
                num_epochs: 10
                exp_type: 'change layers num'
                """, """
                dataset_name: 'CIFAR10'
                channels: 12
                layers_num: 5
                kernel_size: 3
                maxpool_positions: [1, 2, 3, 4]
                exp_type: 'change maxpool pos'
                """);
        FuzzRun.run("sweep-yaml", corpus, b -> SweepFileReader.parse(new String(b, StandardCharsets.UTF_8), "f.yaml",
                "f"), List.of(SweepFileException.class));
    }

    @Test
    void keyJsonThrowsOnlyIllegalArgument() {
        ArchitectureSpec spec = ArchitectureSpec.paper(InputShape.MNIST, 1, 2, 5, null, 10);
        RunKey key = new RunKey(spec, new DataIdentity("mnist", 96, "0".repeat(64)),
                org.hessianscope.train.TrainingOptions.paper(1, 0));
        FuzzRun.run("key.json", List.of(key.toJson()), b -> RunKey.fromJson(new String(b, StandardCharsets.UTF_8),
                "key.json"), List.of(IllegalArgumentException.class));
    }

    @Test
    void runJsonThrowsOnlyIOException() throws IOException {
        Path dir = tmp.resolve("run");
        Files.createDirectories(dir);
        String info = """
                {"status": "completed", "message": "trained 1 epochs, 3 steps", "seed": 0,
                 "options": {"epochs": 1, "batchSize": 32, "learningRate": 0.001, "beta1": 0.9, "beta2": 0.999,
                             "epsilon": 1e-8, "seed": 0},
                 "data": {"dataset": "mnist", "trainSize": 96, "testSize": 2000, "source": "embedded"},
                 "start": "2026-12-01T00:00:00Z", "end": "2026-12-01T00:00:01Z",
                 "train": {"loss": 2.3, "accuracy": 0.1, "samples": 96},
                 "test": {"loss": 2.3, "accuracy": 0.1, "samples": 2000},
                 "versions": {"hessianscope": "0", "java": "17"}}""";
        FuzzRun.run("run.json", utf8(info), b -> {
            Files.write(dir.resolve(RunFolder.INFO), b);
            return RunFolder.readInfo(dir);
        }, List.of(IOException.class));
    }

    @Test
    void analysisJsonThrowsOnlyIOException() throws IOException {
        Path dir = tmp.resolve("analysed");
        Files.createDirectories(dir);
        SpecJson.write(ArchitectureSpec.paper(InputShape.MNIST, 1, 2, 5, null, 10), dir.resolve(RunFolder.SPEC));
        // Compact form with its losses beside it: reading recomputes the curves, bounded by the checks first.
        org.hessianscope.io.AtomicFiles.write(dir.resolve(AnalysisStore.LOSSES), org.hessianscope.io.Npy.toBytes(
                org.hessianscope.io.NpyArray.of(new int[] {4}, new double[] {0.5, 1.5, 0.25, 2.0})));
        String compact = """
                {"options": {"orderings": 3, "seed": 1, "alpha": 0.995, "threads": 1, "curvatureSamples": 2,
                             "lanczosSteps": 5, "perSampleFull": 0},
                 "labels": [1, 2, 3, 4], "predictions": [1, 0, 3, 9]}""";
        FuzzRun.run("analysis.json", utf8(compact), b -> {
            Files.write(dir.resolve(AnalysisStore.FILE), b);
            return AnalysisStore.read(dir);
        }, List.of(IOException.class));
    }
}
