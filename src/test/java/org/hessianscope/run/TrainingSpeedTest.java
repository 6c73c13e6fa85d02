package org.hessianscope.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hessianscope.analysis.TinyRuns;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.SpecCost;
import org.hessianscope.train.TrainingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class TrainingSpeedTest {
    @TempDir
    Path tmp;

    private static RunInfo info(String status, int trainSize, int epochs, String start, String end) {
        return new RunInfo(status, "", 1, TrainingOptions.paper(epochs, 1),
                new RunInfo.DataUsed("mnist", trainSize, 100, "embedded"), start, end, null, null, null);
    }

    @Test
    void aRunsRateIsItsMultiplyAddsOverItsWallTime() {
        ArchitectureSpec spec = ArchitectureSpec.paper(InputShape.MNIST, 2, 4, 3, null, 10);
        long forward = SpecCost.of(spec).forwardMultiplyAdds();
        // 1,000 records for 2 epochs in 4 s: 3 × forward × 2,000 / 4 multiply-adds per second.
        double rate = TrainingSpeed.rate(spec, info("completed", 1000, 2, "2026-01-01T00:00:00Z",
                "2026-01-01T00:00:04Z")).orElseThrow();
        assertEquals(3.0 * forward * 2000 / 4, rate, 1e-6 * rate);
        TrainingSpeed speed = new TrainingSpeed(rate, 1);
        // The same network on 3× the records for 1 epoch: 1.5× the 4 s.
        assertEquals(6.0, speed.trainingSeconds(spec, 3000, 1), 1e-9);
        assertTrue(TrainingSpeed.rate(spec, info("cancelled", 1000, 2, "2026-01-01T00:00:00Z",
                "2026-01-01T00:00:04Z")).isEmpty(), "a cancelled run did not train all it says");
        assertTrue(TrainingSpeed.rate(spec, info("completed", 1000, 2, "2026-01-01T00:00:00Z",
                "2026-01-01T00:00:00.05Z")).isEmpty(), "too short to measure");
    }

    @Test
    void theMeasuredSpeedIsTheMedianOfTheRunsInTheStore() throws Exception {
        var catalog = TinyRuns.embedded(tmp.resolve("no-data"));
        Path store = tmp.resolve("store");
        List<Path> runs = List.of(TinyRuns.train(store.resolve("a"), 1, 400, catalog),
                TinyRuns.train(store.resolve("b"), 2, 400, catalog), TinyRuns.train(store.resolve("c"), 1, 800, catalog));
        // Fixed start and end times: a real 400-record run can take under SHORTEST_SECONDS on an idle machine
        // (then it is not measured) and several seconds under load, so the test sets the wall time itself.
        int[] seconds = {4, 9, 5};
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int i = 0; i < 3; i++) {
            Path file = runs.get(i).resolve("run.json");
            var root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(file.toFile());
            root.put("start", "2026-01-01T00:00:00Z").put("end", "2026-01-01T00:00:0" + seconds[i] + "Z");
            json.writeValue(file.toFile(), root);
        }
        double[] rates = new double[3];
        for (int i = 0; i < 3; i++) {
            rates[i] = TrainingSpeed.rate(RunFolder.readSpec(runs.get(i)), RunFolder.readInfo(runs.get(i)))
                    .orElse(Double.NaN);
        }
        java.util.Arrays.sort(rates);
        var measured = TrainingSpeed.measured(store);
        assertTrue(!Double.isNaN(rates[0]) && !Double.isNaN(rates[2]), java.util.Arrays.toString(rates));
        assertEquals(3, measured.orElseThrow().runs());
        assertEquals(rates[1], measured.orElseThrow().multiplyAddsPerSecond(), 0.0);
        assertTrue(TrainingSpeed.measured(tmp.resolve("absent")).isEmpty());
    }
}
