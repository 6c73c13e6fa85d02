package org.hessianscope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.PoolType;
import org.hessianscope.arch.Stage;
import org.hessianscope.data.DatasetName;
import org.hessianscope.engine.Precision;
import org.junit.jupiter.api.Test;

class SweepFileReaderTest {

    static SweepFile parse(String yaml) {
        return SweepFileReader.parse(yaml, "test.yaml", "test");
    }

    /** Stage names in forward order, e.g. conv1 relu1 maxpool@2 ... fc1. */
    static List<String> stages(ArchitectureSpec spec) {
        return spec.stages().stream().map(s -> {
            if (s instanceof Stage.Conv c) {
                return "conv" + c.index();
            }
            if (s instanceof Stage.Relu r) {
                return r.label();
            }
            if (s instanceof Stage.Pool p) {
                return p.type().name().toLowerCase() + "pool" + p.size();
            }
            return "fc" + ((Stage.Dense) s).index();
        }).toList();
    }

    @Test
    void everyPaperFigureHasTheNetworksThePaperDescribes() throws Exception {
        assertEquals(11, PaperExperiments.FIGURES.size());
        for (PaperExperiments.Figure f : PaperExperiments.FIGURES) {
            SweepFile s = PaperExperiments.sweep(f);
            assertEquals(f.id(), s.name());
            assertEquals(f.dataset(), s.dataset());
            assertEquals(SweepFile.ALL, s.trainSize());
            assertEquals(64, s.training().batchSize());
            assertEquals(1e-3, s.training().learningRate());
            boolean cifarSweep = f.dataset() == DatasetName.CIFAR10 && !f.id().endsWith("pool");
            assertEquals(cifarSweep ? 15 : 10, s.training().epochs(), f.id());
        }
        SweepFile layers = PaperExperiments.sweep(PaperExperiments.find("fashion-mnist-layers").orElseThrow());
        assertEquals(List.of(2, 3, 4, 5, 6, 7), layers.points().stream().map(p -> p.spec().layers()).toList());
        assertTrue(layers.points().stream().allMatch(p -> p.spec().conv().stream()
                .allMatch(c -> c.channels() == 6 && c.kernel() == 3)));
        SweepFile channels = PaperExperiments.sweep(PaperExperiments.find("mnist-channels").orElseThrow());
        assertEquals(List.of(6, 12, 18, 24, 30, 36, 42),
                channels.points().stream().map(p -> p.spec().conv().get(0).channels()).toList());
        assertTrue(channels.points().stream().allMatch(p -> p.spec().layers() == 5));
        SweepFile kernel = PaperExperiments.sweep(PaperExperiments.find("cifar10-kernel").orElseThrow());
        assertEquals(List.of(2, 3, 4, 5), kernel.points().stream().map(p -> p.spec().conv().get(0).kernel()).toList());
        assertEquals(3, kernel.points().get(0).spec().input().channels());
    }

    @Test
    void paperPoolingReplacesNonlinearityLAndHasNoReluAfterTheLastConv() throws Exception {
        SweepFile s = PaperExperiments.sweep(PaperExperiments.find("cifar10-maxpool").orElseThrow());
        assertEquals(PoolConvention.PAPER, s.convention());
        // position 1: the pool takes relu1's place; conv5 is followed directly by the head
        assertEquals(List.of("conv1", "maxpool2", "conv2", "relu2", "conv3", "relu3", "conv4", "relu4", "conv5", "fc1"),
                stages(s.points().get(0).spec()));
        assertEquals(List.of("conv1", "relu1", "conv2", "relu2", "conv3", "relu3", "conv4", "maxpool2", "conv5", "fc1"),
                stages(s.points().get(3).spec()));
    }

    @Test
    void authorsPoolingCountsFromZeroAndKeepsAReluAfterTheLastConv() throws Exception {
        SweepFile s = PaperExperiments.sweep(PaperExperiments.find("cifar10-avgpool-authors").orElseThrow());
        assertEquals(PoolConvention.AUTHORS, s.convention());
        // their position 1 is the pool after their second conv (0-based index 1)
        assertEquals(List.of("conv1", "relu1", "conv2", "avgpool2", "conv3", "relu3", "conv4", "relu4", "conv5",
                "relu5", "fc1"), stages(s.points().get(0).spec()));
        // their position 4 is the last conv: the pool replaces the ReLU their code keeps there
        assertEquals(List.of("conv1", "relu1", "conv2", "relu2", "conv3", "relu3", "conv4", "relu4", "conv5",
                "avgpool2", "fc1"), stages(s.points().get(3).spec()));
        // 32 → 30 → 28 → 14 (pool) → 12 → 10 → 8 with 12 channels: 768 features into the head
        ArchitectureSpec first = s.points().get(0).spec();
        assertEquals(12 * 8 * 8 * 10 + 10, first.stages().get(first.stages().size() - 1).parameterCount());
    }

    @Test
    void readsTheAuthorsConfigsAsTheyAre() {
        String authors = """
                dataset_name: 'FashionMNIST'
                train_batch_size: 64
                learning_rate: 1.0e-3
                num_epochs: 10
                input_size: [28,28]
                input_channels: 1
                channels: 6
                layers_num_range: [2, 3, 4]
                kernel_size: 3
                classes: 10
                save_figs_path: './figures/x.pdf'
                legend_title: '$L$ (num of layers)'
                exp_type: 'change layers num'
                """;
        SweepFile s = parse(authors);
        assertEquals(DatasetName.FASHION_MNIST, s.dataset());
        assertEquals(SweepParameter.LAYERS, s.parameter());
        assertEquals(List.of("2", "3", "4"), s.values());
        assertEquals(10, s.training().epochs());
        assertEquals("$L$ (num of layers)", s.legendTitle());
        assertNull(s.points().get(0).spec().pool());
        assertFalse(s.points().get(0).spec().reluAfterLastConv(), "the authors' plain ConvNet has no last ReLU");

        SweepFile pool = parse("""
                dataset_name: 'CIFAR10'
                channels: 12
                layers_num: 5
                kernel_size: 3
                maxpool_positions: [1, 2, 3, 4]
                exp_type: 'change maxpool pos'
                """);
        assertEquals(PoolConvention.AUTHORS, pool.convention());
        assertEquals(PoolType.MAX, pool.points().get(0).spec().pool().type());
        assertEquals(2, pool.points().get(0).spec().pool().at());
        assertTrue(pool.points().get(0).spec().reluAfterLastConv());
    }

    @Test
    void writtenSweepReadsBackAsTheSameSweep() throws Exception {
        for (PaperExperiments.Figure f : PaperExperiments.FIGURES) {
            SweepFile s = PaperExperiments.sweep(f).withTrainSize(600).withEpochs(2);
            SweepFile back = SweepFileReader.parse(SweepFileWriter.toYaml(s), "back.yaml", "ignored");
            assertEquals(s.withName(back.name()), new SweepFile(back.name(), back.title(), back.dataset(),
                    back.trainSize(), back.training(), back.seeds(), back.layers(), back.channels(), back.kernel(), back.poolType(),
                    back.poolSize(), back.poolPosition(), back.convention(), back.parameter(), back.values(),
                    back.legendTitle(), back.analysis(), s.source()), f.id());
            assertEquals(s.points(), back.points());
        }
    }

    @Test
    void aSweepTrainsInFloat64UnlessItSaysFloat32() throws Exception {
        String base = "dataset: mnist\nsweep: {parameter: layers, values: [2, 3]}\n";
        assertEquals(Precision.FLOAT64, parse(base).training().precision());
        SweepFile f32 = parse("precision: float32\n" + base);
        assertEquals(Precision.FLOAT32, f32.training().precision());
        assertEquals(Precision.FLOAT32, f32.withEpochs(2).training().precision());
        SweepFile back = SweepFileReader.parse(SweepFileWriter.toYaml(f32), "back.yaml", "ignored");
        assertEquals(Precision.FLOAT32, back.training().precision());
        assertFalse(SweepFileWriter.toYaml(parse(base)).contains("precision"));
        assertMessage("precision: half\n" + base, "precision", "float32", "float64");
    }

    /** {@code checkpoints:} as {@code train --checkpoints}; without it each run keeps the modest default (issue 16). */
    @Test
    void aSweepKeepsTheCheckpointsItAsksFor() throws Exception {
        String base = "dataset: mnist\nepochs: 3\nsweep: {parameter: layers, values: [2, 3]}\n";
        SweepFile plain = parse(base);
        assertNull(plain.checkpoints());
        SweepPoint first = plain.points().get(0);
        assertEquals(org.hessianscope.train.CheckpointSchedule.modestDefault(first.spec().parameterCount(), 3),
                plain.checkpointsOf(first));
        assertFalse(SweepFileWriter.toYaml(plain).contains("checkpoints"));

        SweepFile every = parse("checkpoints: 25\n" + base);
        assertEquals(new org.hessianscope.train.CheckpointSchedule(25), every.checkpointsOf(first));
        assertEquals(new org.hessianscope.train.CheckpointSchedule(25), every.withEpochs(5).withValues(List.of("4")).checkpoints(),
                "kept through the sweep's variants");
        SweepFile back = SweepFileReader.parse(SweepFileWriter.toYaml(every), "back.yaml", "ignored");
        assertEquals(every.checkpoints(), back.checkpoints());
        assertEquals(org.hessianscope.train.CheckpointSchedule.NONE, parse("checkpoints: none\n" + base).checkpoints());
        assertEquals(org.hessianscope.train.CheckpointSchedule.EPOCH, parse("checkpoints: epoch\n" + base).checkpoints());
        assertMessage("checkpoints: weekly\n" + base, "test.yaml", "checkpoints = \"weekly\"", "epoch", "none");
        assertMessage("checkpoints: 0\n" + base, "checkpoints = \"0\"");
    }

    @Test
    void mistakesNameTheFieldAndWhatWouldBeValid() {
        String base = "dataset: mnist\nsweep: {parameter: layers, values: [2, 3]}\n";
        assertMessage("dataset: mnist\nlayer: 3\nsweep: {parameter: layers, values: [2]}\n",
                "test.yaml", "unknown key \"layer\"", "layers");
        assertMessage("dataset: mnist\nsweep: {parameter: layers, values: [2], step: 1}\n",
                "unknown key \"sweep.step\"", "parameter, values");
        assertMessage("epochs: ten\n" + base, "epochs", "not a whole number");
        assertMessage("epochs: 0\n" + base, "epochs = 0", "at least 1");
        assertMessage("dataset: imagenet\nsweep: {parameter: layers, values: [2]}\n", "imagenet",
                "mnist, fashion-mnist, cifar10");
        assertMessage("dataset: mnist\n", "\"sweep\" is missing");
        assertMessage("dataset: mnist\nsweep: {parameter: depth, values: [2]}\n", "depth",
                "layers, kernel, channels, pool_position, pool_type");
        assertMessage("dataset: mnist\nsweep: {parameter: layers, values: 3}\n", "sweep.values must be a list");
        assertMessage("dataset: mnist\nsweep: {parameter: layers, values: [2, two]}\n", "\"two\"", "whole number");
        assertMessage("dataset: mnist\nsweep: {parameter: layers, values: [2, 2]}\n", "repeats");
        assertMessage("dataset: mnist\nkernel: 9\nsweep: {parameter: layers, values: [3, 4]}\n", "layers = 4",
                "conv[4].kernel = 9");
        assertMessage("dataset: mnist\nlayers: 5\npool_type: max\nsweep: {parameter: pool_position, values: [0, 1]}\n",
                "pool position 0", "valid positions are 1..5");
        assertMessage("dataset: mnist\nlayers: 5\npool_type: max\npool_convention: authors\n"
                + "sweep: {parameter: pool_position, values: [5]}\n", "valid positions are 0..4");
        assertMessage("dataset: mnist\nsweep: {parameter: pool_position, values: [1]}\n", "pool_type");
        assertMessage("dataset: mnist\npool_convention: torch\n" + "sweep: {parameter: layers, values: [2]}\n",
                "torch", "paper, authors");
        assertMessage("dataset: [mnist\n", "not valid YAML");
        assertMessage("- 1\n- 2\n", "a YAML mapping");
        assertMessage("dataset: mnist\ndataset: fashion-mnist\nsweep: {parameter: layers, values: [2]}\n",
                "Duplicate field 'dataset'");
    }

    private static void assertMessage(String yaml, String... parts) {
        SweepFileException e = assertThrows(SweepFileException.class, () -> parse(yaml));
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "\"" + e.getMessage() + "\" should mention " + p);
        }
    }
}
