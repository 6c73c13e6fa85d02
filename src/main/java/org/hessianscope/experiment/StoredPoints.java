package org.hessianscope.experiment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.data.DatasetName;

/**
 * Which points of a sweep are already trained somewhere: in the run store or in a finished
 * sweep's {@code runs/} (the shipped sample models), matched by their training key (network,
 * dataset and size, training options and seed) without loading the data, so a sweep whose
 * analysis settings differ is offered a re-analysis instead of a retraining. Only folders whose
 * name starts as the key's would ({@link RunKey#folderName()}) have their {@code key.json} read.
 */
public final class StoredPoints {
    /** A point trained in {@code folder}; {@code sameAnalysis} when its stored analysis has the sweep's settings. */
    public record Match(int index, Path folder, boolean sameAnalysis) {
    }

    private StoredPoints() {
    }

    /** For each point of {@code sweep} the first match among {@code roots} (searched in order), or empty. */
    public static List<Optional<Match>> find(SweepFile sweep, List<Path> roots) {
        List<Optional<Match>> out = new ArrayList<>();
        for (SweepPoint p : sweep.points()) {
            out.add(find(sweep, p, roots));
        }
        return out;
    }

    private static Optional<Match> find(SweepFile sweep, SweepPoint p, List<Path> roots) {
        String prefix = sweep.dataset().key() + "-" + RunKey.describe(p.spec()) + "-s" + p.seed() + "-";
        int size = sweep.trainSize() == SweepFile.ALL ? fullTrainSize(sweep.dataset()) : sweep.trainSize();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> candidates;
            try (Stream<Path> s = Files.list(root)) {
                candidates = s.filter(d -> d.getFileName().toString().startsWith(prefix)).sorted().toList();
            } catch (IOException e) {
                continue;
            }
            for (Path dir : candidates) {
                RunKey key;
                try {
                    key = RunKey.fromJson(Files.readString(dir.resolve(RunStore.KEY)), dir.resolve(RunStore.KEY).toString());
                } catch (IOException | IllegalArgumentException e) {
                    continue; // not a run, or a damaged one: the sweep decides what to do with it
                }
                if (key.spec().equals(p.spec()) && key.training().equals(sweep.trainingOf(p))
                        && key.data().dataset().equals(sweep.dataset().key()) && key.data().trainSize() == size
                        && Files.isRegularFile(dir.resolve(RunStore.KEY))) {
                    return Optional.of(new Match(p.index(), dir, analysisOptions(dir)
                            .map(a -> RunStore.sameSettings(a, sweep.analysis())).orElse(false)));
                }
            }
        }
        return Optional.empty();
    }

    /** The training records of a whole training set, which a sweep with {@code train_size: all} uses. */
    public static int fullTrainSize(DatasetName dataset) {
        return dataset == DatasetName.CIFAR10 ? 50_000 : 60_000;
    }

    /**
     * The settings a stored analysis was made with, read from the start of {@code analysis.json}
     * (its first field) without reading the rest, which holds every sample's loss.
     */
    static Optional<AnalysisOptions> analysisOptions(Path run) {
        Path file = run.resolve("analysis.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file); JsonParser parser = RunKey.JSON.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("options")) {
                    JsonNode o = parser.readValueAsTree();
                    return Optional.of(new AnalysisOptions(o.path("orderings").asInt(), o.path("seed").asLong(),
                            o.path("alpha").asDouble(), o.path("threads").asInt(1), o.path("curvatureSamples").asInt(),
                            o.path("lanczosSteps").asInt(), o.path("perSampleFull").asInt()));
                }
                parser.skipChildren();
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Copies a run found outside the store into it, under the same folder name, so the sweep
     * reuses its training: written to a hidden folder first and renamed in, so the store never
     * shows a half-copied run. Returns the run's folder in the store (left as it is when present).
     */
    public static Path copyInto(Path run, RunStore store) throws IOException {
        Path target = store.root().resolve(run.getFileName().toString());
        if (Files.exists(target)) {
            return target;
        }
        Files.createDirectories(store.root());
        Path partial = store.root().resolve("." + run.getFileName() + ".partial-" + UUID.randomUUID());
        try (Stream<Path> files = Files.walk(run)) {
            for (Path f : files.toList()) {
                Path to = partial.resolve(run.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(partial)) {
                try (Stream<Path> left = Files.walk(partial)) {
                    for (Path f : left.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        }
        return target;
    }
}
