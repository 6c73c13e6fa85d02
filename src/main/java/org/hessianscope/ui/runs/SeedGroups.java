package org.hessianscope.ui.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.experiment.RunKey;
import org.hessianscope.run.RunInfo;
import org.hessianscope.train.TrainingOptions;

/**
 * Runs grouped into networks that differ only in their training seed, so chart 1 can draw a
 * network's mean curve over its seeds with their range as a band, as a seeded sweep's figure does.
 * Runs of one sweep (tagged by Experiments → Load into charts) group by their swept value; other
 * runs by architecture, data and training options with the seed left out. A run without run.json
 * is a network of its own.
 *
 * @param title    the legend title: the sweep's, or the one setting the networks differ in, or null
 * @param networks in the order of their first run
 */
public record SeedGroups(String title, List<Network> networks) {

    /** One network: its legend label and its runs, one per seed. */
    public record Network(String label, List<RunItem> runs) {
        public Network {
            runs = List.copyOf(runs);
        }

        /** The run that stands for the network where one is needed (clicks, colour): {@code selected} if it is one. */
        public RunItem representative(RunItem selected) {
            return runs.contains(selected) ? selected : runs.get(0);
        }
    }

    public SeedGroups {
        networks = List.copyOf(networks);
    }

    /** What makes runs seeds of one network: everything their training depends on except the seed. */
    private record NetworkKey(ArchitectureSpec spec, String dataset, int trainSize, TrainingOptions options) {
        static Object of(RunItem r) {
            RunInfo info = r.info();
            if (info == null) {
                return r.folder();
            }
            TrainingOptions o = info.options();
            return new NetworkKey(r.spec(), info.data().dataset(), info.data().trainSize(),
                    new TrainingOptions(o.epochs(), o.batchSize(), o.learningRate(), o.beta1(), o.beta2(), o.epsilon(),
                            0, o.precision()));
        }
    }

    /**
     * The networks of {@code runs} when at least one has two or more seeds and no network holds
     * the same seed twice (copies of one run are not seeds); otherwise null: draw each run.
     */
    public static SeedGroups of(List<RunItem> runs) {
        boolean oneSweep = !runs.isEmpty() && runs.stream().allMatch(r -> r.tag() != null)
                && runs.stream().map(r -> r.tag().sweep()).distinct().count() == 1;
        Map<Object, List<RunItem>> byNetwork = new LinkedHashMap<>();
        for (RunItem r : runs) {
            Object key = oneSweep ? r.tag().value() : NetworkKey.of(r);
            byNetwork.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        if (byNetwork.size() == runs.size()) {
            return null;
        }
        for (List<RunItem> seeds : byNetwork.values()) {
            if (seeds.stream().map(SeedGroups::seed).distinct().count() != seeds.size()) {
                return null;
            }
        }
        List<List<RunItem>> groups = new ArrayList<>(byNetwork.values());
        List<String> labels;
        String title;
        if (oneSweep) {
            labels = groups.stream().map(g -> g.get(0).tag().value()).toList();
            title = runs.get(0).tag().legendTitle();
        } else if (groups.size() == 1) {
            labels = List.of(RunKey.describe(runs.get(0).spec()));
            title = null;
        } else {
            RunLabels named = RunLabels.of(representatives(groups));
            labels = named.labels();
            title = named.title();
        }
        List<Network> networks = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            networks.add(new Network(labels.get(i), groups.get(i)));
        }
        return new SeedGroups(title, networks);
    }

    /**
     * One run per network, all of one seed when some seed is in every network, so the labels
     * name what differs between the networks and not their seeds.
     */
    private static List<RunItem> representatives(List<List<RunItem>> groups) {
        for (RunItem candidate : groups.get(0)) {
            Object seed = seed(candidate);
            List<RunItem> out = new ArrayList<>();
            for (List<RunItem> g : groups) {
                g.stream().filter(r -> seed.equals(seed(r))).findFirst().ifPresent(out::add);
            }
            if (out.size() == groups.size()) {
                return out;
            }
        }
        return groups.stream().map(g -> g.get(0)).toList();
    }

    /** The run's training seed, or its folder when it has no run.json (never equal to another run's). */
    private static Object seed(RunItem r) {
        return r.info() == null ? r.folder() : (Object) r.info().seed();
    }

    /**
     * Labels and chart 3's axis for the networks, as {@link RunLabels} makes them for one run of each
     * (of one seed where possible): the swept value of a sweep, else the one setting they differ in.
     */
    public RunLabels axis() {
        return RunLabels.of(representatives(networks.stream().map(Network::runs).toList()));
    }

    /** The network {@code r} belongs to, or null. */
    public Network networkOf(RunItem r) {
        return networks.stream().filter(n -> n.runs().contains(r)).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return Objects.toString(title, "") + networks.stream().map(n -> n.label() + "×" + n.runs().size()).toList();
    }
}
