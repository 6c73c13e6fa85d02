package org.hessianscope.experiment;

import java.util.ArrayList;
import java.util.List;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.PoolSpec;
import org.hessianscope.arch.PoolType;
import org.hessianscope.arch.SpecException;
import org.hessianscope.data.DatasetName;
import org.hessianscope.train.CheckpointSchedule;
import org.hessianscope.train.TrainingOptions;

/**
 * A sweep: one dataset, one way of training, a fixed network, and one parameter varied over
 * a list of values. Every point's network is built when the sweep is made, so a sweep that
 * exists can run to the end (the data aside).
 *
 * @param name         folder name of the sweep's results (letters, digits, '.', '_', '-')
 * @param title        a figure title, or empty
 * @param trainSize    the first this many training records, or 0 for all
 * @param seeds        the training seeds: every network is trained once per seed (empty: the seed of
 *                     {@code training} alone, as in a sweep file without {@code seeds})
 * @param poolPosition the fixed pool's position in {@code convention}, or -1 for no pool
 * @param source       where the sweep came from, for messages
 * @param checkpoints  the checkpoints each run keeps (a sweep file's {@code checkpoints:} key), or null for
 *                     {@link CheckpointSchedule#modestDefault}, as a run trained without the key
 */
public record SweepFile(String name, String title, DatasetName dataset, int trainSize, TrainingOptions training,
                        List<Long> seeds, int layers, int channels, int kernel, PoolType poolType, int poolSize, int poolPosition,
                        PoolConvention convention, SweepParameter parameter, List<String> values, String legendTitle,
                        AnalysisOptions analysis, String source, CheckpointSchedule checkpoints) {

    public static final int ALL = 0;
    public static final int NO_POOL = -1;
    /** Most seeds one sweep may list: each multiplies the networks to train. */
    public static final int MAX_SEEDS = 100;

    /** A sweep whose runs keep the default checkpoints. */
    public SweepFile(String name, String title, DatasetName dataset, int trainSize, TrainingOptions training,
                     List<Long> seeds, int layers, int channels, int kernel, PoolType poolType, int poolSize, int poolPosition,
                     PoolConvention convention, SweepParameter parameter, List<String> values, String legendTitle,
                     AnalysisOptions analysis, String source) {
        this(name, title, dataset, trainSize, training, seeds, layers, channels, kernel, poolType, poolSize, poolPosition,
                convention, parameter, values, legendTitle, analysis, source, null);
    }

    /** The checkpoints a point's run keeps: the sweep's, or the modest default for its network and epochs. */
    public CheckpointSchedule checkpointsOf(SweepPoint point) {
        return checkpoints != null ? checkpoints
                : CheckpointSchedule.modestDefault(point.spec().parameterCount(), training.epochs());
    }

    public SweepFile {
        values = List.copyOf(values);
        seeds = seeds == null || seeds.isEmpty() ? List.of(training.seed()) : List.copyOf(seeds);
        if (name == null || !name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            throw new SweepFileException(source + ": name = \"" + name + "\" must be letters, digits, '.', '_' or '-' "
                    + "(it names the results folder)");
        }
        if (trainSize < 0) {
            throw new SweepFileException(source + ": train_size = " + trainSize + " must be positive, or \"all\"");
        }
        if (values.isEmpty()) {
            throw new SweepFileException(source + ": sweep.values is empty; list at least one value of "
                    + parameter.key());
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new SweepFileException(source + ": sweep.values " + values + " repeats a value");
        }
        if (seeds.stream().distinct().count() != seeds.size()) {
            throw new SweepFileException(source + ": seeds " + seeds + " repeats a seed");
        }
        if (seeds.size() > MAX_SEEDS) {
            throw new SweepFileException(source + ": seeds lists " + seeds.size() + " seeds; a sweep has at most "
                    + MAX_SEEDS + " seeds");
        }
        if (seeds.stream().anyMatch(x -> x < 0)) {
            throw new SweepFileException(source + ": seeds " + seeds + " holds a negative seed; seeds are whole "
                    + "numbers ≥ 0");
        }
        title = title == null ? "" : title;
        legendTitle = legendTitle == null || legendTitle.isBlank() ? parameter.legendTitle() : legendTitle;
        points(dataset, layers, channels, kernel, poolType, poolSize, poolPosition, convention, parameter, values, seeds,
                source);
    }

    /**
     * The runs of the sweep: every network, in the order of {@code values}, for the first seed,
     * then all of them again for the next seed, so that an interrupted sweep has whole seeds done.
     */
    public List<SweepPoint> points() {
        return points(dataset, layers, channels, kernel, poolType, poolSize, poolPosition, convention, parameter, values,
                seeds, source);
    }

    /** Whether the sweep trains each network with more than one seed. */
    public boolean seeded() {
        return seeds.size() > 1;
    }

    /** The training of {@code point}: the sweep's options with the point's seed. */
    public TrainingOptions trainingOf(SweepPoint point) {
        TrainingOptions t = training;
        return point.seed() == t.seed() ? t : new TrainingOptions(t.epochs(), t.batchSize(), t.learningRate(), t.beta1(),
                t.beta2(), t.epsilon(), point.seed(), t.precision());
    }

    public SweepFile withTrainSize(int n) {
        return new SweepFile(name, title, dataset, n, training, seeds, layers, channels, kernel, poolType, poolSize, poolPosition,
                convention, parameter, values, legendTitle, analysis, source, checkpoints);
    }

    public SweepFile withEpochs(int epochs) {
        TrainingOptions t = new TrainingOptions(epochs, training.batchSize(), training.learningRate(), training.beta1(),
                training.beta2(), training.epsilon(), training.seed(), training.precision());
        return new SweepFile(name, title, dataset, trainSize, t, seeds, layers, channels, kernel, poolType, poolSize,
                poolPosition, convention, parameter, values, legendTitle, analysis, source, checkpoints);
    }

    /** The same sweep with other training options (their seed is the first seed's when it lists several). */
    public SweepFile withTraining(TrainingOptions t) {
        return new SweepFile(name, title, dataset, trainSize, t, seeded() ? seeds : List.of(t.seed()), layers, channels,
                kernel, poolType, poolSize, poolPosition, convention, parameter, values, legendTitle, analysis, source, checkpoints);
    }

    public SweepFile withAnalysis(AnalysisOptions options) {
        return new SweepFile(name, title, dataset, trainSize, training, seeds, layers, channels, kernel, poolType,
                poolSize, poolPosition, convention, parameter, values, legendTitle, options, source, checkpoints);
    }

    /** The same sweep over other values of its parameter (e.g. a subset, to save time). */
    public SweepFile withValues(List<String> newValues) {
        return new SweepFile(name, title, dataset, trainSize, training, seeds, layers, channels, kernel, poolType,
                poolSize, poolPosition, convention, parameter, newValues, legendTitle, analysis, source, checkpoints);
    }

    public SweepFile withName(String newName) {
        return new SweepFile(newName, title, dataset, trainSize, training, seeds, layers, channels, kernel, poolType,
                poolSize, poolPosition, convention, parameter, values, legendTitle, analysis, source, checkpoints);
    }

    /** The same sweep trained with other seeds (one run per network and seed). */
    public SweepFile withSeeds(List<Long> newSeeds) {
        if (newSeeds.isEmpty()) {
            throw new SweepFileException(source + ": seeds is empty; list at least one seed");
        }
        TrainingOptions t = new TrainingOptions(training.epochs(), training.batchSize(), training.learningRate(),
                training.beta1(), training.beta2(), training.epsilon(), newSeeds.get(0), training.precision());
        return new SweepFile(name, title, dataset, trainSize, t, newSeeds, layers, channels, kernel, poolType,
                poolSize, poolPosition, convention, parameter, values, legendTitle, analysis, source, checkpoints);
    }

    private static List<SweepPoint> points(DatasetName dataset, int layers, int channels, int kernel, PoolType poolType,
                                           int poolSize, int poolPosition, PoolConvention convention,
                                           SweepParameter parameter, List<String> values, List<Long> seeds,
                                           String source) {
        List<SweepPoint> networks = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            int l = layers;
            int c = channels;
            int k = kernel;
            PoolType type = poolType;
            int position = poolPosition;
            switch (parameter) {
                case LAYERS -> l = whole(v, source);
                case KERNEL -> k = whole(v, source);
                case CHANNELS -> c = whole(v, source);
                case POOL_POSITION -> position = whole(v, source);
                case POOL_TYPE -> type = poolType(v, "sweep.values", source);
            }
            if (parameter == SweepParameter.POOL_POSITION || parameter == SweepParameter.POOL_TYPE) {
                if (type == null) {
                    throw new SweepFileException(source + ": sweeping " + parameter.key() + " needs pool_type "
                            + "(max or avg) to be given");
                }
                if (position == NO_POOL) {
                    throw new SweepFileException(source + ": sweeping pool_type needs pool_position to be given");
                }
            }
            PoolSpec pool = null;
            if (position != NO_POOL) {
                if (type == null) {
                    throw new SweepFileException(source + ": pool_position is given but pool_type is not; "
                            + "give pool_type: max or avg");
                }
                int at = convention.at(position);
                int lowest = convention == PoolConvention.PAPER ? 1 : 0;
                if (at < 1 || at > l) {
                    throw new SweepFileException(source + ": pool position " + position + " does not exist in a "
                            + l + "-layer network; with pool_convention " + convention.key() + " valid positions are "
                            + lowest + ".." + (convention == PoolConvention.PAPER ? l : l - 1));
                }
                pool = new PoolSpec(type, poolSize, at);
            }
            try {
                ArchitectureSpec spec = ArchitectureSpec.paper(dataset.inputShape(), l, c, k, pool, dataset.classes());
                if (pool != null && convention.reluAfterLastConv()) {
                    spec = spec.withReluAfterLastConv(true);
                }
                networks.add(new SweepPoint(i, v, spec, seeds.get(0)));
            } catch (SpecException e) {
                throw new SweepFileException(source + ": the network for " + parameter.key() + " = " + v
                        + " cannot be built: " + e.getMessage(), e);
            }
        }
        List<SweepPoint> points = new ArrayList<>(networks);
        for (int s = 1; s < seeds.size(); s++) {
            for (SweepPoint n : networks) {
                points.add(new SweepPoint(points.size(), n.value(), n.spec(), seeds.get(s)));
            }
        }
        return List.copyOf(points);
    }

    private static int whole(String v, String source) {
        try {
            int x = Integer.parseInt(v.trim());
            if (x < 0) {
                throw new NumberFormatException();
            }
            return x;
        } catch (NumberFormatException e) {
            throw new SweepFileException(source + ": sweep.values holds \"" + v + "\", which is not a whole number "
                    + "≥ 0");
        }
    }

    static PoolType poolType(String v, String field, String source) {
        return switch (v.trim().toLowerCase()) {
            case "max" -> PoolType.MAX;
            case "avg" -> PoolType.AVG;
            default -> throw new SweepFileException(source + ": " + field + " = \"" + v + "\" is not a pool type; "
                    + "valid: max, avg");
        };
    }
}
