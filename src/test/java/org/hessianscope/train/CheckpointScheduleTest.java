package org.hessianscope.train;

import org.hessianscope.data.Samples;
import org.hessianscope.engine.LossGradient;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointScheduleTest {

    @Test
    void parsesEpochNoneAndAStepCountAndNamesTheValidValuesOtherwise() {
        assertEquals(CheckpointSchedule.EPOCH, CheckpointSchedule.parse("epoch"));
        assertEquals(CheckpointSchedule.NONE, CheckpointSchedule.parse("none"));
        assertEquals(25, CheckpointSchedule.parse("25").everySteps());
        assertEquals("25", CheckpointSchedule.parse("25").key());
        for (String bad : new String[] {"0", "-3", "epochs", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CheckpointSchedule.parse(bad));
            assertTrue(e.getMessage().contains("give epoch") && e.getMessage().contains("none"), e.getMessage());
        }
    }

    @Test
    void theDefaultKeepsOneAnEpochOnlyWhileTheyTakeAtMost64MiB() {
        // 64 MiB = 16,777,216 float32 values: 10 epochs of 1,677,721 parameters fit, one more parameter does not.
        assertEquals(CheckpointSchedule.EPOCH, CheckpointSchedule.modestDefault(1_677_721, 10));
        assertEquals(CheckpointSchedule.NONE, CheckpointSchedule.modestDefault(1_677_722, 10));
        assertEquals(40_000, CheckpointSchedule.bytes(1_000, 10));
    }

    @Test
    void aScheduleOverTheLimitIsRefusedBeforeTraining() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CheckpointSchedule(1).requireFits(1_000_000, 1_000, 1));
        assertTrue(e.getMessage().contains("1,000 checkpoints of 1,000,000 parameters, 4.00 GB"), e.getMessage());
    }

    /** L(θ) = ½ θ², gradient θ: each step moves θ by Adam's update, so the kept values follow the training. */
    private static LossGradient quadratic(double[] theta, Samples batch) {
        return new LossGradient(0.5 * theta[0] * theta[0], new double[] {theta[0]}, 1);
    }

    @Test
    void trainingKeepsThetaAfterEveryEpochOrEveryNStepsAsFloat32() {
        Samples ten = TrainerTest.TEN;
        // 10 samples in batches of 4: 3 steps an epoch, 2 epochs.
        TrainingOptions options = TrainingOptions.adam(2, 4, 0.1, 1);
        TrainingResult plain = new Trainer(CheckpointScheduleTest::quadratic).train(new double[] {1}, ten, options,
                TrainingListener.NONE, ProgressMonitor.NONE);
        assertEquals(List.of(), plain.checkpoints());
        TrainingResult byEpoch = new Trainer(CheckpointScheduleTest::quadratic).train(new double[] {1}, ten, options,
                CheckpointSchedule.EPOCH, TrainingListener.NONE, ProgressMonitor.NONE);
        assertEquals(List.of(3L, 6L), byEpoch.checkpoints().stream().map(Checkpoint::step).toList());
        assertEquals(List.of(1, 2), byEpoch.checkpoints().stream().map(Checkpoint::epoch).toList());
        // The last checkpoint is the final θ, rounded to float.
        assertEquals((float) byEpoch.weights()[0], byEpoch.checkpoints().get(1).theta()[0]);
        TrainingResult everyTwo = new Trainer(CheckpointScheduleTest::quadratic).train(new double[] {1}, ten, options,
                new CheckpointSchedule(2), TrainingListener.NONE, ProgressMonitor.NONE);
        assertEquals(List.of(2L, 4L, 6L), everyTwo.checkpoints().stream().map(Checkpoint::step).toList());
        assertEquals(List.of(1, 2, 2), everyTwo.checkpoints().stream().map(Checkpoint::epoch).toList());
        assertEquals(byEpoch.checkpoints().get(1).theta()[0], everyTwo.checkpoints().get(2).theta()[0]);
        // Keeping checkpoints does not change the training.
        assertEquals(plain.weights()[0], everyTwo.weights()[0]);
    }
}
