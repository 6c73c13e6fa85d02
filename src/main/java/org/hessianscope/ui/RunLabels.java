package org.hessianscope.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.hessianscope.arch.ArchitectureSpec;

/**
 * Legend labels for a set of runs. When the runs differ in exactly one of L, k or C (a
 * sweep), each run is labelled by that value under a title such as "L (num of layers)",
 * as in the paper's figures; otherwise by its folder name.
 */
record RunLabels(String title, List<String> labels, Axis axis) {

    record Axis(String title, ToIntFunction<ArchitectureSpec> value) {
    }

    private static final List<Axis> AXES = List.of(
            new Axis("L (num of layers)", ArchitectureSpec::layers),
            new Axis("k (kernel size)", s -> s.conv().get(0).kernel()),
            new Axis("C (num of channels)", s -> s.conv().get(0).channels()));

    static RunLabels of(List<RunItem> runs) {
        List<Axis> varying = new ArrayList<>();
        for (Axis a : AXES) {
            if (runs.stream().mapToInt(r -> a.value().applyAsInt(r.run().spec())).distinct().count() > 1) {
                varying.add(a);
            }
        }
        List<String> names = runs.stream().map(r -> r.folder().getFileName().toString()).toList();
        if (varying.size() != 1) {
            return new RunLabels(null, unique(names), varying.isEmpty() ? AXES.get(0) : null);
        }
        Axis a = varying.get(0);
        List<String> values = runs.stream().map(r -> String.valueOf(a.value().applyAsInt(r.run().spec()))).toList();
        return values.stream().distinct().count() == values.size() ? new RunLabels(a.title(), values, a)
                : new RunLabels(null, unique(names), a);
    }

    /** Title of the x axis of chart 3: the swept quantity, or the run number when several vary. */
    String xTitle() {
        return axis == null ? "run number" : axis.title();
    }

    /** The x of run {@code r} (the {@code i}-th drawn) in chart 3. */
    double x(RunItem r, int i) {
        return axis == null ? i + 1 : axis.value().applyAsInt(r.run().spec());
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
