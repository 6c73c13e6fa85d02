package org.hessianscope.experiment;

import org.hessianscope.engine.Precision;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void storedSampleModelKeysStillMatchTheirHashesAndReadAsFloat64() throws Exception {
        List<Path> keys = storedKeys();
        assertFalse(keys.isEmpty(), "the sample models hold stored run keys");
        for (Path file : keys) {
            String json = Files.readString(file, StandardCharsets.UTF_8);
            assertFalse(json.contains("precision"), file.toString());
            // fromJson recomputes the hash from the contents and refuses a mismatch.
            RunKey key = RunKey.fromJson(json, file.toString());
            assertEquals(Precision.FLOAT64, key.training().precision(), file.toString());
            assertTrue(file.getParent().getFileName().toString().endsWith(key.hash().substring(0, 12)), file.toString());
        }
    }

    @Test
    void float32IsAnotherKeyAndRoundTrips() throws Exception {
        Path file = storedKeys().get(0);
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
