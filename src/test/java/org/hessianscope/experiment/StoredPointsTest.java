package org.hessianscope.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored points matched by training key in the shipped sample models (issue 17, defect 18), and copied into a store. */
class StoredPointsTest {
    private static final Path SAMPLE = Path.of("sample-models", "mnist-kernel");

    @Test
    void thePapersKernelSweepFindsEverySampleRunWhoseAnalysisSettingsDiffer(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isDirectory(SAMPLE.resolve("runs")), "needs the shipped sample models");
        PaperExperiments.Figure kernel = PaperExperiments.FIGURES.stream().filter(f -> f.id().equals("mnist-kernel"))
                .findFirst().orElseThrow();
        SweepFile paper = PaperExperiments.sweep(kernel);
        List<Path> roots = List.of(tmp.resolve("empty-store"), SAMPLE.resolve("runs"));
        List<Optional<StoredPoints.Match>> found = StoredPoints.find(paper, roots);
        assertEquals(List.of("mnist-L4-C6-k2-s0-81867302780f", "mnist-L4-C6-k3-s0-d01ce5f5f4e6",
                        "mnist-L4-C6-k4-s0-008a0d263859", "mnist-L4-C6-k5-s0-d0c7103094eb"),
                found.stream().map(m -> m.orElseThrow().folder().getFileName().toString()).toList());
        assertTrue(found.stream().noneMatch(m -> m.orElseThrow().sameAnalysis()),
                "the paper's analysis settings are not the sample models' lighter ones");

        // The sweep the sample models were made with: same training and the same analysis.
        SweepFile shipped = SweepFileReader.parse(SweepSummary.read(SAMPLE).sweepYaml(), "sample", "mnist-kernel");
        assertTrue(StoredPoints.find(shipped, roots).stream().allMatch(m -> m.orElseThrow().sameAnalysis()));
        // Other training (epochs, size) is another key: nothing is stored.
        assertTrue(StoredPoints.find(paper.withEpochs(2), roots).stream().allMatch(Optional::isEmpty));
        assertTrue(StoredPoints.find(paper.withTrainSize(1000), roots).stream().allMatch(Optional::isEmpty));
    }

    @Test
    void aRunCopiedIntoTheStoreIsCompleteAndIdentical(@TempDir Path tmp) throws Exception {
        Path run = SAMPLE.resolve("runs").resolve("mnist-L4-C6-k2-s0-81867302780f");
        assumeTrue(Files.isDirectory(run), "needs the shipped sample models");
        RunStore store = new RunStore(tmp.resolve("store"));
        Path copy = StoredPoints.copyInto(run, store);
        assertEquals(store.root().resolve(run.getFileName().toString()), copy);
        try (Stream<Path> files = Files.list(run)) {
            for (Path f : files.toList()) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(copy.resolve(f.getFileName().toString())),
                        f.toString());
            }
        }
        RunStore.Scan scan = store.scan();
        assertEquals(1, scan.runs().size(), "the copy is a usable run: " + scan.damaged());
        try (Stream<Path> left = Files.list(store.root())) {
            assertEquals(List.of(copy), left.toList(), "no partial folder is left");
        }
        assertEquals(copy, StoredPoints.copyInto(run, store), "a run already there is left as it is");
    }
}
