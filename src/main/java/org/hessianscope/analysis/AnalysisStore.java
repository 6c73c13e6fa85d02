package org.hessianscope.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.hessianscope.io.AtomicFiles;

/**
 * {@code RUN_DIR/analysis.json}: the {@link AnalysisResult} of a run, so a reopened run
 * shows at once. NaN (the standard error of a single ordering) is written as "NaN".
 */
public final class AnalysisStore {
    public static final String FILE = "analysis.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private AnalysisStore() {
    }

    public static void write(Path run, AnalysisResult result) throws IOException {
        AtomicFiles.write(run.resolve(FILE), JSON.writeValueAsBytes(result));
    }

    /** The stored analysis, empty when the run has none yet; a damaged file is an IOException naming it. */
    public static Optional<AnalysisResult> read(Path run) throws IOException {
        Path file = run.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), AnalysisResult.class));
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not a valid analysis (" + e.getOriginalMessage()
                    + "); delete it and run `analyze --run " + run + "` again", e);
        }
    }
}
