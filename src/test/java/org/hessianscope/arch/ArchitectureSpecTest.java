package org.hessianscope.arch;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchitectureSpecTest {

    private static final String EXAMPLE = """
            {"input": {"channels": 1, "height": 28, "width": 28},
             "conv": [{"channels": 6, "kernel": 3}, {"channels": 6, "kernel": 3}],
             "reluAfterLastConv": false,
             "pool": {"type": "max", "size": 2, "at": 1},
             "head": {"hidden": []},
             "classes": 10}
            """;

    @Test
    void documentedExampleParsesToHandDerivedShapes() {
        ArchitectureSpec spec = SpecJson.parse(EXAMPLE);
        List<Stage> st = spec.stages();
        // conv1 28→26, pool1 replaces relu1 26→13, conv2 13→11 (no ReLU after the last conv), fc1 6·11·11 → 10.
        assertEquals(List.of("conv1", "pool1", "conv2", "fc1"), st.stream().map(Stage::name).toList());
        assertEquals(new FeatureMap(6, 26, 26), st.get(0).out());
        assertEquals(new FeatureMap(6, 13, 13), st.get(1).out());
        assertEquals(new FeatureMap(6, 11, 11), st.get(2).out());
        assertEquals(726, ((Stage.Dense) st.get(3)).inFeatures());
        // 6·1·9+6 = 60; 6·6·9+6 = 330; 726·10+10 = 7270
        assertEquals(60 + 330 + 7270, spec.parameterCount());
    }

    @Test
    void paperNetHasHandCountedParameters() {
        // L=4, C=6, k=3 on MNIST: maps 26, 24, 22, 20; head 6·20·20 = 2400 → 10.
        ArchitectureSpec spec = ArchitectureSpec.paper(InputShape.MNIST, 4, 6, 3, null, 10);
        assertEquals(60 + 3 * 330 + 24010, spec.parameterCount());
        List<String> names = spec.stages().stream().map(Stage::name).toList();
        assertEquals(List.of("conv1", "relu1", "conv2", "relu2", "conv3", "relu3", "conv4", "fc1"), names);
        assertEquals(new FeatureMap(6, 20, 20), spec.stages().get(6).out());
    }

    @Test
    void reluAfterLastConvAndHiddenHeadAddStages() {
        ArchitectureSpec spec = ArchitectureSpec.paper(InputShape.MNIST, 2, 4, 5, null, 10)
                .withReluAfterLastConv(true).withHead(new HeadSpec(List.of(32, 16)));
        List<String> names = spec.stages().stream().map(Stage::name).toList();
        assertEquals(List.of("conv1", "relu1", "conv2", "relu2", "fc1", "fcrelu1", "fc2", "fcrelu2", "fc3"), names);
        // conv 28→24→20; fc1 4·20·20=1600 → 32 → 16 → 10
        assertEquals(4 * 25 + 4 + 4 * 4 * 25 + 4 + 1600 * 32 + 32 + 32 * 16 + 16 + 16 * 10 + 10, spec.parameterCount());
    }

    @Test
    void poolReplacesTheLastNonlinearityEvenWithoutReLU() {
        ArchitectureSpec spec = ArchitectureSpec.paper(InputShape.MNIST, 2, 3, 3, new PoolSpec(PoolType.AVG, 2, 2), 10);
        List<Stage> st = spec.stages();
        assertEquals(List.of("conv1", "relu1", "conv2", "pool2", "fc1"), st.stream().map(Stage::name).toList());
        Stage.Pool pool = assertInstanceOf(Stage.Pool.class, st.get(3));
        assertEquals(PoolType.AVG, pool.type());
        assertEquals(new FeatureMap(3, 12, 12), pool.out());
    }

    @Test
    void oddMapsArePooledWithFloorAsInPyTorch() {
        ArchitectureSpec spec = ArchitectureSpec.paper(new InputShape(1, 9, 8), 1, 2, 2, new PoolSpec(PoolType.MAX, 3, 1), 10);
        // conv 9×8 → 8×7; pool 3 → 2×2
        assertEquals(new FeatureMap(2, 2, 2), spec.stages().get(1).out());
    }

    @Test
    void jsonRoundTripsInTheDocumentedKeyOrder() {
        ArchitectureSpec spec = SpecJson.parse(EXAMPLE);
        String json = SpecJson.toJson(spec);
        assertEquals(spec, SpecJson.parse(json));
        String compact = json.replaceAll("\\s", "");
        assertEquals("{\"input\":{\"channels\":1,\"height\":28,\"width\":28},\"conv\":[{\"channels\":6,\"kernel\":3},"
                + "{\"channels\":6,\"kernel\":3}],\"reluAfterLastConv\":false,\"pool\":{\"type\":\"max\",\"size\":2,\"at\":1},"
                + "\"head\":{\"hidden\":[]},\"classes\":10}", compact);
    }

    @Test
    void layoutFollowsPyTorchNamesShapesAndOrder() {
        ParameterLayout layout = SpecJson.parse(EXAMPLE).parameterLayout();
        assertEquals(List.of("conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias"),
                layout.tensors().stream().map(ParameterLayout.Tensor::name).toList());
        assertArrayEquals(new int[] {6, 1, 3, 3}, layout.tensor("conv1.weight").orElseThrow().shape());
        assertArrayEquals(new int[] {10, 726}, layout.tensor("fc1.weight").orElseThrow().shape());
        assertEquals(54, layout.tensor("conv1.bias").orElseThrow().offset());
        assertEquals(60 + 324, layout.tensor("conv2.bias").orElseThrow().offset());
        assertEquals(7660, layout.size());
        boolean[] mask = layout.weightMask();
        assertTrue(mask[0] && !mask[54] && mask[60]);
        int weights = 0;
        for (boolean b : mask) {
            weights += b ? 1 : 0;
        }
        assertEquals(54 + 324 + 7260, weights);
    }

    @Test
    void kernelLargerThanItsMapNamesTheLayerAndSizes() {
        // 8 → 6 → 4 → 2 fits; with four layers of 3 the fourth sees 2×2.
        assertEquals(3, ArchitectureSpec.paper(new InputShape(1, 8, 8), 3, 2, 3, null, 10).layers());
        SpecException e = assertThrows(SpecException.class, () -> ArchitectureSpec.paper(new InputShape(1, 8, 8), 4, 2, 3, null, 10));
        assertTrue(e.getMessage().contains("conv[4].kernel = 3"), e.getMessage());
        assertTrue(e.getMessage().contains("2×2"), e.getMessage());
        assertTrue(e.getMessage().contains("conv3"), e.getMessage());
    }

    @Test
    void impossibleSpecsAreRejectedWithTheField() {
        assertMessage("pool.at = 3", () -> ArchitectureSpec.paper(InputShape.MNIST, 2, 6, 3, new PoolSpec(PoolType.MAX, 2, 3), 10));
        assertMessage("pool.size = 30", () -> ArchitectureSpec.paper(InputShape.MNIST, 2, 6, 3, new PoolSpec(PoolType.MAX, 30, 1), 10));
        assertMessage("conv[1].channels = 0", () -> SpecJson.parse(EXAMPLE.replaceFirst("\"channels\": 6", "\"channels\": 0")));
        assertMessage("conv[2].kernel = -3", () -> SpecJson.parse(EXAMPLE.replace("\"channels\": 6, \"kernel\": 3}]", "\"channels\": 6, \"kernel\": -3}]")));
        assertMessage("unknown key \"stride\" in conv[1]", () -> SpecJson.parse(EXAMPLE.replaceFirst("\"kernel\": 3}", "\"kernel\": 3, \"stride\": 2}")));
        assertMessage("unknown key \"padding\" in spec", () -> SpecJson.parse(EXAMPLE.replace("\"classes\": 10", "\"classes\": 10, \"padding\": 1")));
        // A key with a newline in it (JSON's \n escape), found by the key.json fuzz at 10,000 cases: the message stays one line.
        assertMessage("unknown key \"co?v\" in spec", () -> SpecJson.parse(EXAMPLE.replace("\"classes\": 10", "\"classes\": 10, \"co\\nv\": 1")));
        assertMessage("pool.type = \"min\"", () -> SpecJson.parse(EXAMPLE.replace("\"max\"", "\"min\"")));
        assertMessage("classes is missing", () -> SpecJson.parse(EXAMPLE.replace(",\n \"classes\": 10", "")));
        assertMessage("input.height = 2.5", () -> SpecJson.parse(EXAMPLE.replace("\"height\": 28", "\"height\": 2.5")));
        assertMessage("head.hidden[2] = 0", () -> SpecJson.parse(EXAMPLE.replace("\"hidden\": []", "\"hidden\": [4, 0]")));
        assertMessage("not valid JSON", () -> SpecJson.parse("{\"input\": "));
        assertMessage("conv must list at least one layer", () -> SpecJson.parse(EXAMPLE.replaceAll("\\[\\{.*\\}\\]", "[]")));
    }

    @Test
    void sweepsBuildThePapersFamilies() {
        List<ArchitectureSpec> ls = Sweeps.layers(InputShape.MNIST, 10, 6, 3, Sweeps.range(2, 7, 1));
        assertEquals(6, ls.size());
        assertEquals(7, ls.get(5).layers());
        List<ArchitectureSpec> cs = Sweeps.channels(InputShape.MNIST, 10, 5, 3, Sweeps.range(6, 42, 6));
        assertEquals(List.of(6, 12, 18, 24, 30, 36, 42), cs.stream().map(s -> s.conv().get(0).channels()).toList());
        ArchitectureSpec base = ArchitectureSpec.paper(InputShape.CIFAR10, 5, 12, 3, null, 10);
        List<ArchitectureSpec> pools = Sweeps.poolPositions(base, PoolType.MAX, 2, 1, 2, 3, 4);
        assertEquals(List.of(1, 2, 3, 4), pools.stream().map(s -> s.pool().at()).toList());
        // pool at 4 on CIFAR: 32→30→28→26→24, pool 12, conv5 → 10
        assertEquals(new FeatureMap(12, 10, 10), pools.get(3).stages().get(8).out());
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable action) {
        SpecException e = assertThrows(SpecException.class, action);
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
    }
}
