package org.hessianscope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Seeds as a sweep dimension: {@code seeds: [..]} in a sweep file, the runs it makes, and its round trip. */
class SweepSeedsTest {
    static final String BASE = """
            name: s
            dataset: mnist
            train_size: 96
            epochs: 1
            sweep: {parameter: layers, values: [2, 3]}
            """;

    @Test
    void seedsMakeOneRunPerNetworkAndSeedWholeSeedsFirst() {
        SweepFile s = SweepFileReader.parse(BASE + "seeds: [4, 1, 7]\n", "t.yaml", "t");
        assertEquals(List.of(4L, 1L, 7L), s.seeds());
        assertTrue(s.seeded());
        assertEquals(4L, s.training().seed(), "the first seed is the sweep's training seed");
        List<SweepPoint> p = s.points();
        assertEquals(List.of("2", "3", "2", "3", "2", "3"), p.stream().map(SweepPoint::value).toList());
        assertEquals(List.of(4L, 4L, 1L, 1L, 7L, 7L), p.stream().map(SweepPoint::seed).toList());
        assertEquals(List.of(0, 1, 2, 3, 4, 5), p.stream().map(SweepPoint::index).toList());
        assertEquals(p.get(1).spec(), p.get(3).spec());
        assertEquals(7L, s.trainingOf(p.get(5)).seed());
        assertEquals(s.training().withPrecision(s.training().precision()).epochs(), s.trainingOf(p.get(5)).epochs());
        assertEquals(s.training(), s.trainingOf(p.get(0)));
    }

    @Test
    void aSweepWithoutSeedsHasItsOneSeedAndRunsAsBefore() {
        SweepFile s = SweepFileReader.parse(BASE + "seed: 3\n", "t.yaml", "t");
        assertEquals(List.of(3L), s.seeds());
        assertEquals(2, s.points().size());
        assertEquals(List.of(3L, 3L), s.points().stream().map(SweepPoint::seed).toList());
        String yaml = SweepFileWriter.toYaml(s);
        assertTrue(yaml.contains("\nseed: 3\n") && !yaml.contains("seeds"), yaml);
    }

    @Test
    void seedsReadBackFromTheWrittenFile() {
        SweepFile s = SweepFileReader.parse(BASE + "seeds: [0, 1, 2]\n", "t.yaml", "t");
        String yaml = SweepFileWriter.toYaml(s);
        assertTrue(yaml.contains("\nseeds: [0, 1, 2]\n") && !yaml.contains("\nseed: "), yaml);
        SweepFile back = SweepFileReader.parse(yaml, "back.yaml", "x");
        assertEquals(s.points(), back.points());
        assertEquals(s.seeds(), back.seeds());
        SweepFile overridden = SweepFileReader.parse(BASE, "t.yaml", "t").withSeeds(List.of(5L, 6L));
        SweepFile f32 = overridden.withTraining(overridden.training().withPrecision(
                org.hessianscope.engine.Precision.FLOAT32));
        assertEquals(List.of(5L, 6L), f32.seeds());
        assertEquals(org.hessianscope.engine.Precision.FLOAT32, f32.trainingOf(f32.points().get(2)).precision());
        assertEquals(6L, f32.trainingOf(f32.points().get(2)).seed());
        assertEquals(List.of(5L, 6L), SweepFileReader.parse(SweepFileWriter.toYaml(overridden), "b", "b").seeds());
    }

    @Test
    void badSeedsAreOneLineNamingTheField() {
        assertEquals("t.yaml: both seed and seeds are given; give seed (one run per network) or seeds (one run per "
                        + "network and seed), not both",
                assertThrows(SweepFileException.class, () -> SweepFileReader.parse(BASE + "seed: 0\nseeds: [0, 1]\n",
                        "t.yaml", "t")).getMessage());
        assertEquals("t.yaml: seeds [0, 1, 0] repeats a seed", assertThrows(SweepFileException.class,
                () -> SweepFileReader.parse(BASE + "seeds: [0, 1, 0]\n", "t.yaml", "t")).getMessage());
        assertEquals("t.yaml: seeds holds \"x\", which is not a whole number ≥ 0", assertThrows(SweepFileException.class,
                () -> SweepFileReader.parse(BASE + "seeds: [0, x]\n", "t.yaml", "t")).getMessage());
        assertEquals("t.yaml: seeds holds \"-1\", which is not a whole number ≥ 0", assertThrows(SweepFileException.class,
                () -> SweepFileReader.parse(BASE + "seeds: [-1]\n", "t.yaml", "t")).getMessage());
        assertEquals("t.yaml: seeds is empty; list at least one seed, e.g. seeds: [0, 1, 2]",
                assertThrows(SweepFileException.class, () -> SweepFileReader.parse(BASE + "seeds: []\n", "t.yaml", "t"))
                        .getMessage());
        assertEquals("t.yaml: seeds must be a list, e.g. [2, 3, 4]", assertThrows(SweepFileException.class,
                () -> SweepFileReader.parse(BASE + "seeds: 3\n", "t.yaml", "t")).getMessage());
        assertTrue(assertThrows(SweepFileException.class, () -> SweepFileReader.parse(BASE + "seedz: [1]\n", "t.yaml",
                "t")).getMessage().startsWith("t.yaml: unknown key \"seedz\""));
    }
}
