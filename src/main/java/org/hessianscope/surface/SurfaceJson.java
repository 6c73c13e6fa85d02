package org.hessianscope.surface;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.hessianscope.io.AtomicFiles;

/**
 * The JSON form of a {@link SurfaceResult} (docs/surface.md, "The result"): the record's components by name,
 * NaN (a non-Hessian direction's eigenvalue) as the string "NaN", as {@code analysis.json} writes it.
 */
public final class SurfaceJson {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private SurfaceJson() {
    }

    public static String write(SurfaceResult r) throws IOException {
        return JSON.writeValueAsString(r) + "\n";
    }

    public static void write(Path file, SurfaceResult r) throws IOException {
        AtomicFiles.write(file, write(r).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static SurfaceResult read(String json) throws IOException {
        return JSON.readValue(json, SurfaceResult.class);
    }

    public static SurfaceResult read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), SurfaceResult.class);
    }
}
