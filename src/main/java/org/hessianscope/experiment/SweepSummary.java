package org.hessianscope.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hessianscope.io.AtomicFiles;

/**
 * A finished sweep in tables: {@code summary.json} (what the GUI opens as a finished sweep)
 * and {@code summary.csv} (one row per point, for a spreadsheet or pandas).
 *
 * @param sweepYaml the sweep as run, overrides included, in sweep-file form
 * @param rows      the points that finished, in sweep order
 * @param damaged   damaged run folders found and set aside, each with what was wrong
 * @param failed    the points that failed for a reason of their own, with it; the next run tries them again
 */
public record SweepSummary(String name, String title, String dataset, String parameter, String legendTitle,
                           String store, String sweepYaml, List<SweepRow> rows, List<Trend> trends,
                           List<String> damaged, List<FailedPoint> failed) {
    public static final String JSON_FILE = "summary.json";
    public static final String CSV_FILE = "summary.csv";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public SweepSummary {
        rows = List.copyOf(rows);
        trends = List.copyOf(trends);
        damaged = List.copyOf(damaged);
        failed = failed == null ? List.of() : List.copyOf(failed);   // a summary written before points could fail
    }

    public static SweepSummary of(SweepResult result, RunStore store) {
        SweepFile s = result.sweep();
        List<SweepRow> rows = result.points().stream().map(p -> SweepRow.of(s, p)).toList();
        return new SweepSummary(s.name(), s.title(), s.dataset().key(), s.parameter().key(), s.legendTitle(),
                store.root().toString(), SweepFileWriter.toYaml(s), rows, Trend.of(rows),
                result.damaged().stream().map(DamagedRun::toString).toList(), result.failed());
    }

    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(JSON_FILE), JSON.writeValueAsBytes(this));
        AtomicFiles.write(dir.resolve(CSV_FILE), csv().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads {@code summary.json} from a sweep results folder (or the file itself). */
    public static SweepSummary read(Path dirOrFile) throws IOException {
        Path file = Files.isDirectory(dirOrFile) ? dirOrFile.resolve(JSON_FILE) : dirOrFile;
        if (!Files.isRegularFile(file)) {
            throw new IOException(dirOrFile + " is not a finished sweep: " + JSON_FILE + " is missing (a sweep writes it "
                    + "when every point is done; run `hessianscope sweep` on its sweep file to finish it)");
        }
        try {
            return JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), SweepSummary.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not a sweep summary (" + e.getOriginalMessage() + ")", e);
        }
    }

    /**
     * The run folder of {@code row}: its path as recorded, resolved against the sweep's results
     * folder {@code dir} when relative (as in a copy made by {@link PortableSweep}).
     */
    public Path runFolder(SweepRow row, Path dir) {
        Path run = Path.of(row.run());
        return run.isAbsolute() ? run : dir.resolve(run).normalize();
    }

    /**
     * One line per point in sweep order: a finished point's {@link SweepRow}, or a failed point's index,
     * parameter, value, status {@code failed} and empty cells; the last column is a failed point's reason.
     */
    public String csv() {
        RecordComponent[] cols = SweepRow.class.getRecordComponents();
        StringBuilder b = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (RecordComponent c : cols) {
            names.add(c.getName());
        }
        names.add(REASON_COLUMN);
        b.append(String.join(",", names)).append('\n');
        java.util.Map<Integer, List<String>> lines = new java.util.TreeMap<>();
        for (SweepRow r : rows) {
            List<String> cells = new ArrayList<>();
            for (RecordComponent c : cols) {
                try {
                    cells.add(cell(c.getAccessor().invoke(r)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            cells.add("");
            lines.put(r.index(), cells);
        }
        for (FailedPoint f : failed) {
            List<String> cells = new ArrayList<>();
            for (RecordComponent c : cols) {
                cells.add(switch (c.getName()) {
                    case "index" -> String.valueOf(f.index());
                    case "parameter" -> cell(f.parameter());
                    case "value" -> cell(f.value());
                    case "trained" -> "false";
                    case "status" -> FAILED_STATUS;
                    default -> "";
                });
            }
            cells.add(cell(f.reason()));
            lines.put(f.index(), cells);
        }
        lines.values().forEach(cells -> b.append(String.join(",", cells)).append('\n'));
        return b.toString();
    }

    /** summary.csv's last column: why a point failed (empty for a finished one). */
    public static final String REASON_COLUMN = "reason";
    /** summary.csv's status of a point that failed (a finished point has its run's status). */
    public static final String FAILED_STATUS = "failed";

    private static String cell(Object v) {
        String s = String.valueOf(v);
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
