package org.hessianscope.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.SpecCost;

/**
 * Training speed measured on this machine, from the runs it trained: each finished run's
 * multiply-adds (3 × forward per sample, as {@link SpecCost#trainingSeconds}) over the wall
 * time between its start and end in run.json, so data loading, evaluation and the machine's
 * load are in it. The assumed 10⁹ per core was 7–8× too fast on a shared 2-core machine
 * (issue 17, defect 11).
 *
 * @param multiplyAddsPerSecond median over the runs measured
 * @param runs                  how many runs it was measured from
 */
public record TrainingSpeed(double multiplyAddsPerSecond, int runs) {
    /** The newest runs count; older ones may have been trained before the engine got faster. */
    public static final int NEWEST = 20;
    /** Runs shorter than this measure start-up more than training. */
    static final double SHORTEST_SECONDS = 0.1;

    public TrainingSpeed {
        if (!(multiplyAddsPerSecond > 0) || runs < 1) {
            throw new IllegalArgumentException("a measured speed needs a positive rate and at least one run: "
                    + multiplyAddsPerSecond + " from " + runs);
        }
    }

    /** Seconds to train {@code spec} on {@code samples} records for {@code epochs} epochs at this speed. */
    public double trainingSeconds(ArchitectureSpec spec, long samples, int epochs) {
        return 3.0 * SpecCost.of(spec).forwardMultiplyAdds() * samples * epochs / multiplyAddsPerSecond;
    }

    /** One finished run's rate: 3 × forward multiply-adds × samples × epochs over its wall time; empty when unusable. */
    static Optional<Double> rate(ArchitectureSpec spec, RunInfo info) {
        if (info == null || !"completed".equals(info.status()) || info.start() == null || info.end() == null) {
            return Optional.empty();
        }
        double seconds;
        try {
            seconds = Duration.between(Instant.parse(info.start()), Instant.parse(info.end())).toNanos() / 1e9;
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        if (seconds < SHORTEST_SECONDS) {
            return Optional.empty();
        }
        double work = 3.0 * SpecCost.of(spec).forwardMultiplyAdds() * info.data().trainSize() * info.options().epochs();
        return Optional.of(work / seconds);
    }

    /** The median rate of the {@link #NEWEST} finished runs directly inside {@code root}; empty when none is usable. */
    public static Optional<TrainingSpeed> measured(Path root) throws IOException {
        if (root == null || !Files.isDirectory(root)) {
            return Optional.empty();
        }
        record Measured(Instant end, double rate) {
        }
        List<Measured> all = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.filter(d -> Files.isRegularFile(d.resolve(RunFolder.INFO))).toList()) {
                try {
                    RunInfo info = RunFolder.readInfo(d);
                    Optional<Double> r = rate(RunFolder.readSpec(d), info);
                    if (r.isPresent()) {
                        all.add(new Measured(Instant.parse(info.end()), r.get()));
                    }
                } catch (IOException | RuntimeException e) {
                    // A damaged run says nothing about speed; the run store reports it elsewhere.
                }
            }
        }
        List<Double> rates = all.stream().sorted(Comparator.comparing(Measured::end).reversed()).limit(NEWEST)
                .map(Measured::rate).sorted().toList();
        if (rates.isEmpty()) {
            return Optional.empty();
        }
        int n = rates.size();
        double median = n % 2 == 1 ? rates.get(n / 2) : (rates.get(n / 2 - 1) + rates.get(n / 2)) / 2;
        return Optional.of(new TrainingSpeed(median, n));
    }
}
