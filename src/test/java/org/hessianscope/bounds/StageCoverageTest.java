package org.hessianscope.bounds;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ConvLayerSpec;
import org.hessianscope.arch.HeadSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.ParameterLayout;
import org.hessianscope.arch.PoolSpec;
import org.hessianscope.arch.PoolType;
import org.hessianscope.arch.Stage;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which stages the bounds accept: every stage type of today, and a refusal by name for one they would not cover. */
class StageCoverageTest {

    /** 2×8×8 → conv1 3@2×2 → pool1 (2×2) → conv2 2@2×2 → relu2 → fc1 8→4 → fcrelu1 → fc2 4→3. */
    private static ArchitectureSpec everyStage(PoolType pool) {
        return new ArchitectureSpec(new InputShape(2, 8, 8), List.of(new ConvLayerSpec(3, 2), new ConvLayerSpec(2, 2)),
                true, new PoolSpec(pool, 2, 1), new HeadSpec(List.of(4)), 3);
    }

    /**
     * Conv and ReLU are Theorem 2's T^(l) and Λ^(l), a max or average pool Lemma 3's, hidden fully
     * connected layers Lemma 4's: none is refused, and the norms are those of the linear layers.
     */
    @Test
    void everyStageTypeOfTodayIsCovered() {
        Set<String> types = Arrays.stream(Stage.class.getPermittedSubclasses()).map(Class::getSimpleName)
                .collect(Collectors.toSet());
        assertEquals(Set.of("Conv", "Relu", "Pool", "Dense"), types,
                "a new stage type: decide in the bounds' visitors whether a theorem covers it, else refuse it "
                        + "with UncoveredStageException, and test that here");
        for (PoolType pool : PoolType.values()) {
            ArchitectureSpec spec = everyStage(pool);
            assertEquals(Set.of("Conv", "Relu", "Pool", "Dense"), spec.stages().stream()
                    .map(s -> s.getClass().getSimpleName()).collect(Collectors.toSet()), "the spec holds every stage type");
            BoundPreview preview = BoundPreview.of(spec, 1.0);
            assertNotNull(preview.lemma3());
            assertNotNull(preview.lemma4());
            assertEquals(preview.lemma4(), preview.applicable());
            assertTrue(Double.isFinite(preview.applicable().log10()));

            double[] theta = new Random(3).doubles(spec.parameterCount(), -0.5, 0.5).toArray();
            List<String> linear = spec.parameterLayout().tensors().stream().filter(t -> !t.bias())
                    .map(ParameterLayout.Tensor::layer).toList();
            assertEquals(List.of("conv1", "conv2", "fc1", "fc2"), linear);
            assertEquals(linear, LayerNorms.compute(spec, theta, ProgressMonitor.NONE).stream().map(LayerNorm::layer)
                    .toList());
        }
    }

    @Test
    void aRefusalNamesTheStatementTheStageAndWhatTheTheoremsCover() {
        Stage pool = everyStage(PoolType.AVG).stages().get(1);
        UncoveredStageException e = new UncoveredStageException("Theorem 2", pool);
        assertEquals("pool1", e.stage());
        assertEquals("Theorem 2 does not cover stage 'pool1' (3×7×7 → 3×3×3): the paper's bounds are proved for "
                + "valid stride-1 convolutions, ReLUs, one max or average pool in place of a ReLU (Lemma 3) and a "
                + "fully connected head (hidden layers by Lemma 4)", e.getMessage());
    }
}
