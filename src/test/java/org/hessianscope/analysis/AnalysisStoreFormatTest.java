package org.hessianscope.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The registry-driven store keeps the file format: the compact analysis.json files committed under
 * sample-models (written when AnalysisResult was a record of its fields) read, and writing what was
 * read gives the same bytes back.
 */
class AnalysisStoreFormatTest {
    @Test
    void committedSampleAnalysesRoundTripByteForByte() throws IOException {
        List<Path> runs;
        try (Stream<Path> s = Files.walk(Path.of("sample-models"))) {
            runs = s.filter(p -> p.getFileName().toString().equals(AnalysisStore.FILE)).map(Path::getParent).toList();
        }
        assertTrue(runs.size() >= 3, "sample runs found: " + runs);
        for (Path run : runs) {
            AnalysisResult r = AnalysisStore.read(run).orElseThrow();
            for (Analysis<?, ?> a : Analyses.ALL) {
                // An analysis run only on request (the surface) is absent from files not asking for it.
                assertEquals(!a.onRequest(), r.results().get(a.step().key()) != null, run + ": " + a.step().key());
            }
            byte[] again = AnalysisStore.compact(r).get(AnalysisStore.FILE);
            assertArrayEquals(Files.readAllBytes(run.resolve(AnalysisStore.FILE)), again, run.toString());
            assertEquals(r.labels().length, r.n());
        }
    }
}
