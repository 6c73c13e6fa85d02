package org.hessianscope.surface;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.hessianscope.io.AtomicFiles;
import org.hessianscope.io.BoundedText;

/** The JSON form of a {@link DeltaResult} (docs/delta.md, "The result"): the record's components by name. */
public final class DeltaJson {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private DeltaJson() {
    }

    public static String write(DeltaResult r) throws IOException {
        return JSON.writeValueAsString(r) + "\n";
    }

    public static void write(Path file, DeltaResult r) throws IOException {
        AtomicFiles.write(file, write(r).getBytes(StandardCharsets.UTF_8));
    }

    public static DeltaResult read(String json) throws IOException {
        return JSON.readValue(json, DeltaResult.class);
    }

    /** Reads a file written by {@link #write(Path, DeltaResult)}; anything else is an error naming the file. */
    public static DeltaResult read(Path file) throws IOException {
        try {
            DeltaResult r = read(BoundedText.read(file, BoundedText.ANALYSIS, file.getFileName().toString()));
            if (r == null || r.k() == null || r.mean() == null || r.options() == null) {
                throw new IOException(file + " is not a delta result (written by the delta command): it lacks k, "
                        + "mean or options");
            }
            return r;
        } catch (JsonMappingException e) {
            throw new IOException(file + " is not a delta result (written by the delta command): "
                    + e.getOriginalMessage(), e);
        }
    }
}
