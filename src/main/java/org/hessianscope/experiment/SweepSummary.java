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
 * A finished sweep in tables: {@code summary.json} (what the GUI opens as a finished sweep),
 * {@code summary.csv} (one row per run, for a spreadsheet or pandas) and {@code networks.csv}
 * (one row per network: each number's mean and 95 % interval over the seeds).
 *
  * @param sweepYaml    the sweep as run, overrides included, in sweep-file form
  * @param trends       Spearman ρ and direction of each number along the swept value, over the first
  *                     seed's networks (what a sweep with one seed gives)
  * @param damaged      damaged run folders found and set aside, each with what was wrong
  * @param failed       the points that failed for a reason of their own, with it; the next run tries them again
  * @param seeds        the training seeds, every network trained once with each
  * @param networks     per network, mean and interval over the seeds ({@link SeedStatistics#networks})
  * @param seedTrends   per number, its trend tested against the seeds ({@link SeedStatistics#trends})
  * @param correlations rank correlations over every run ({@link SeedStatistics#correlations})
  */
 public record SweepSummary(String name, String title, String dataset, String parameter, String legendTitle,
                            String store, String sweepYaml, List<SweepRow> rows, List<Trend> trends,
                            List<String> damaged, List<FailedPoint> failed, List<Long> seeds,
                            List<NetworkStatistics> networks, List<SeedTrend> seedTrends,
                            List<RankCorrelation> correlations) {
    public static final String JSON_FILE = "summary.json";
    public static final String CSV_FILE = "summary.csv";
    public static final String NETWORKS_CSV_FILE = "networks.csv";

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
        // Summaries written before seeds existed have none of these; one seed's statistics are made from the rows.
        seeds = seeds == null ? rows.stream().map(SweepRow::seed).distinct().toList() : List.copyOf(seeds);
        networks = networks == null ? SeedStatistics.networks(rows) : SeedStatistics.completed(networks, rows);
        seedTrends = seedTrends == null ? SeedStatistics.trends(rows) : List.copyOf(seedTrends);
        correlations = correlations == null ? SeedStatistics.correlations(rows) : List.copyOf(correlations);
    }

    public static SweepSummary of(SweepResult result, RunStore store) {
        SweepFile s = result.sweep();
        List<SweepRow> rows = result.points().stream().map(p -> SweepRow.of(s, p)).toList();
        long first = s.seeds().get(0);
        return new SweepSummary(s.name(), s.title(), s.dataset().key(), s.parameter().key(), s.legendTitle(),
                store.root().toString(), SweepFileWriter.toYaml(s), rows,
                Trend.of(rows.stream().filter(r -> r.seed() == first).toList()),
                result.damaged().stream().map(DamagedRun::toString).toList(), result.failed(), s.seeds(), null, null, null);
    }

    /** Whether every network was trained with more than one seed. */
    public boolean seeded() {
        return seeds.size() > 1;
    }

    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(JSON_FILE), JSON.writeValueAsBytes(this));
        AtomicFiles.write(dir.resolve(CSV_FILE), csv().getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(dir.resolve(NETWORKS_CSV_FILE), networksCsv().getBytes(StandardCharsets.UTF_8));
    }

    /** One row per network: value, seeds, then each metric's mean, interval low and high and seed range. */
    public String networksCsv() {
        StringBuilder b = new StringBuilder("value,x,seeds");
        for (String m : SeedStatistics.METRICS) {
            b.append(',').append(m).append("_mean,").append(m).append("_low,").append(m).append("_high,").append(m)
                    .append("_min,").append(m).append("_max");
        }
        b.append('\n');
        for (NetworkStatistics n : networks) {
            b.append(cell(n.value())).append(',').append(n.x()).append(',').append(n.seeds());
            for (String m : SeedStatistics.METRICS) {
                SeedInterval i = n.metrics().get(m);
                b.append(',').append(i == null ? Double.NaN : i.mean()).append(',').append(i == null ? Double.NaN
                        : i.low()).append(',').append(i == null ? Double.NaN : i.high()).append(',')
                        .append(i == null ? Double.NaN : i.min()).append(',').append(i == null ? Double.NaN : i.max());
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** Reads {@code summary.json} from a sweep results folder (or the file itself). */
    /** The one seed line our writer gives a sweep of one seed ({@code seed: N}). */
    private static final java.util.regex.Pattern ONE_SEED = java.util.regex.Pattern.compile("(?m)^seed:\\s*(-?\\d+)\\s*$");

    /**
     * A summary written before seeds were a dimension has rows without a seed: every row then has the
     * sweep's one seed, read from its sweep.yaml text (the shipped sample models are such summaries).
     */
    private static void withRowSeeds(com.fasterxml.jackson.databind.JsonNode tree) {
        com.fasterxml.jackson.databind.JsonNode rows = tree.path("rows");
        java.util.regex.Matcher m = ONE_SEED.matcher(tree.path("sweepYaml").asText(""));
        if (!rows.isArray() || !m.find()) {
            return;
        }
        long seed = Long.parseLong(m.group(1));
        for (com.fasterxml.jackson.databind.JsonNode row : rows) {
            if (row instanceof com.fasterxml.jackson.databind.node.ObjectNode o && !o.has("seed")) {
                o.put("seed", seed);
            }
        }
    }

    public static SweepSummary read(Path dirOrFile) throws IOException {
        Path file = Files.isDirectory(dirOrFile) ? dirOrFile.resolve(JSON_FILE) : dirOrFile;
        if (!Files.isRegularFile(file)) {
            throw new IOException(dirOrFile + " is not a finished sweep: " + JSON_FILE + " is missing (a sweep writes it "
                    + "when every point is done; run `hessianscope sweep` on its sweep file to finish it)");
        }
        try {
            com.fasterxml.jackson.databind.JsonNode tree = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            withRowSeeds(tree);
            return JSON.treeToValue(tree, SweepSummary.class);
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
                    case "seed" -> String.valueOf(f.seed());
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
