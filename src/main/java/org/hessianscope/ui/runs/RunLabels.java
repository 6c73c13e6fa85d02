package org.hessianscope.ui.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Legend labels for a set of runs. Runs loaded from one sweep (Experiments → Load into
 * charts) are labelled by their swept value under the sweep's legend title. Otherwise, when
 * the runs differ in exactly one of L, k or C, each run is labelled by that value under a
 * title such as "L (num of layers)", as in the paper's figures; else by its folder name.
 */
public record RunLabels(String title, List<String> labels, Axis axis) {

    record Axis(String title, ToDoubleFunction<RunItem> value) {
    }

    private static final List<Axis> AXES = List.of(
            new Axis("L (num of layers)", r -> r.run().spec().layers()),
            new Axis("k (kernel size)", r -> r.run().spec().conv().get(0).kernel()),
            new Axis("C (num of channels)", r -> r.run().spec().conv().get(0).channels()));

    public static RunLabels of(List<RunItem> runs) {
        RunLabels sweep = ofSweep(runs);
        if (sweep != null) {
            return sweep;
        }
        List<Axis> varying = new ArrayList<>();
        for (Axis a : AXES) {
            if (runs.stream().mapToDouble(a.value()).distinct().count() > 1) {
                varying.add(a);
            }
        }
        List<String> names = runs.stream().map(r -> r.folder().getFileName().toString()).toList();
        if (varying.size() != 1) {
            return new RunLabels(null, unique(names), varying.isEmpty() ? AXES.get(0) : null);
        }
        Axis a = varying.get(0);
        List<String> values = runs.stream().map(r -> String.valueOf((int) a.value().applyAsDouble(r))).toList();
        return values.stream().distinct().count() == values.size() ? new RunLabels(a.title(), values, a)
                : new RunLabels(null, unique(names), a);
    }

    /** Labels by swept value when every run carries a tag of the same sweep with distinct values, else null. */
    private static RunLabels ofSweep(List<RunItem> runs) {
        List<SweepTag> tags = runs.stream().map(RunItem::tag).toList();
        if (tags.isEmpty() || tags.contains(null)
                || tags.stream().map(SweepTag::sweep).distinct().count() != 1) {
            return null;
        }
        List<String> values = tags.stream().map(SweepTag::value).toList();
        if (values.stream().distinct().count() != values.size()) {
            return null;
        }
        String title = tags.get(0).legendTitle();
        return new RunLabels(title, values, new Axis(title, r -> Objects.requireNonNull(r.tag()).x()));
    }

    /** Title of the x axis of chart 3: the swept quantity, or the run number when several vary. */
    public String xTitle() {
        return axis == null ? "run number" : axis.title();
    }

    /** The x of run {@code r} (the {@code i}-th drawn) in chart 3. */
    public double x(RunItem r, int i) {
        return axis == null ? i + 1 : axis.value().applyAsDouble(r);
    }

    /** Folder names can repeat across parents; number the repeats so series keys stay distinct. */
    private static List<String> unique(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String label = n;
            for (int i = 2; out.contains(label); i++) {
                label = n + " (" + i + ")";
            }
            out.add(label);
        }
        return out;
    }
}
