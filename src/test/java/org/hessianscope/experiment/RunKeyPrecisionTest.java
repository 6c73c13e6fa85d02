package org.hessianscope.experiment;

import org.hessianscope.engine.Precision;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The training precision in the run store's key: float64 is written as no precision, so the keys stored before
 * float32 existed (the committed sample models among them) keep their hashes and are reused; float32 is a
 * different training and so a different key.
 */
class RunKeyPrecisionTest {

    static List<Path> storedKeys() throws Exception {
        try (Stream<Path> s = Files.walk(Path.of("sample-models"))) {
            return s.filter(p -> p.getFileName().toString().equals("key.json")).sorted().toList();
        }
    }

    private static boolean float64(Path key) {
        try {
            return !Files.readString(key, StandardCharsets.UTF_8).contains("precision");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void storedSampleModelKeysStillMatchTheirHashesAndSayTheirPrecision() throws Exception {
        List<Path> keys = storedKeys();
        int float64 = 0;
        for (Path file : keys) {
            String json = Files.readString(file, StandardCharsets.UTF_8);
            // fromJson recomputes the hash from the contents and refuses a mismatch.
            RunKey key = RunKey.fromJson(json, file.toString());
            // The sweeps stored before float32 existed have no precision and read as float64; the seeded sweeps
            // trained since are float32 and say so.
            assertEquals(json.contains("precision") ? Precision.FLOAT32 : Precision.FLOAT64,
                    key.training().precision(), file.toString());
            if (key.training().precision() == Precision.FLOAT64) {
                float64++;
            }
            assertTrue(file.getParent().getFileName().toString().endsWith(key.hash().substring(0, 12)), file.toString());
        }
        assertTrue(float64 > 0, "the sample models hold keys stored before float32: " + keys);
    }

    @Test
    void float32IsAnotherKeyAndRoundTrips() throws Exception {
        Path file = storedKeys().stream().filter(RunKeyPrecisionTest::float64).findFirst().orElseThrow();
        RunKey f64 = RunKey.fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        RunKey f32 = new RunKey(f64.spec(), f64.data(), f64.training().withPrecision(Precision.FLOAT32));
        assertNotEquals(f64.hash(), f32.hash());
        String json = new String(f32.toJson(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"precision\" : \"float32\""), json);
        RunKey back = RunKey.fromJson(json, "key.json");
        assertEquals(f32, back);
        assertEquals(f32.hash(), back.hash());
        assertEquals(f64, RunKey.fromJson(new String(f64.toJson(), StandardCharsets.UTF_8), "key.json"));
    }
}
