package org.hessianscope.ui.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Legend labels for a set of runs. Runs loaded from one sweep (Experiments → Load into
 * charts) are labelled by their swept value under the sweep's legend title. Otherwise, when
 * the runs differ in exactly one of L, k or C, each run is labelled by that value under a
 * title such as "L (num of layers)", as in the paper's figures. When several settings differ,
 * each run is labelled by the settings that differ, e.g. "L=4 C=8 max@2 seed 1", and chart 3
 * draws points against the run number instead of joining unrelated networks. A single run, or
 * runs that differ in nothing, keep their folder names.
 */
public record RunLabels(String title, List<String> labels, Axis axis) {

    record Axis(String title, ToDoubleFunction<RunItem> value) {
    }

    /** One setting a run was made with, written as it appears in a label. */
    private record Setting(Function<RunItem, String> text) {
    }

    private static final List<Setting> SETTINGS = List.of(
            new Setting(r -> "L=" + r.spec().layers()),
            new Setting(r -> "k=" + r.spec().conv().get(0).kernel()),
            new Setting(r -> "C=" + r.spec().conv().get(0).channels()),
            new Setting(r -> r.spec().pool() == null ? "no pool" : r.spec().pool().type().key()
                    + (r.spec().pool().size() == 2 ? "" : String.valueOf(r.spec().pool().size()))
                    + "@" + r.spec().pool().at()),
            new Setting(r -> r.spec().head().hidden().isEmpty() ? "linear head"
                    : "fc " + r.spec().head().hidden().stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(","))),
            new Setting(r -> r.spec().reluAfterLastConv() ? "relu last" : "no relu last"),
            new Setting(r -> r.info() == null ? "" : r.info().data().dataset()),
            new Setting(r -> r.info() == null ? "" : "n=" + r.info().data().trainSize()),
            new Setting(r -> r.info() == null ? "" : r.info().options().epochs() + " ep"),
            new Setting(r -> r.info() == null ? "" : "seed " + r.info().seed()));

    /** The settings that differ between {@code runs}, joined per run; empty strings when none differ. */
    static List<String> byDifferingSettings(List<RunItem> runs) {
        List<StringBuilder> out = runs.stream().map(r -> new StringBuilder()).toList();
        for (Setting st : SETTINGS) {
            List<String> values = runs.stream().map(st.text()).toList();
            if (values.stream().distinct().count() > 1) {
                for (int i = 0; i < runs.size(); i++) {
                    if (!values.get(i).isEmpty()) {
                        out.get(i).append(out.get(i).isEmpty() ? "" : " ").append(values.get(i));
                    }
                }
            }
        }
        return out.stream().map(StringBuilder::toString).toList();
    }

    private static final List<Axis> AXES = List.of(
            new Axis("L (num of layers)", r -> r.spec().layers()),
            new Axis("k (kernel size)", r -> r.spec().conv().get(0).kernel()),
            new Axis("C (num of channels)", r -> r.spec().conv().get(0).channels()));

    /** As {@link #ofSettings}, each lesson's label ending with where its training stands (the charts say what they show). */
    public static RunLabels of(List<RunItem> runs) {
        RunLabels l = ofSettings(runs);
        if (runs.stream().noneMatch(RunItem::lesson)) {
            return l;
        }
        List<String> staged = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            staged.add(l.labels().get(i) + stageSuffix(runs.get(i)));
        }
        return new RunLabels(l.title(), staged, l.axis());
    }

    /** " · epoch 1, batch 3/16 (step 3)" for a lesson's training, "" for a finished run. */
    static String stageSuffix(RunItem r) {
        String stage = r.stageProperty().get();
        return stage == null || stage.isEmpty() ? "" : " · " + stage;
    }

    private static RunLabels ofSettings(List<RunItem> runs) {
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
        List<String> differing = byDifferingSettings(runs);
        boolean nothingDiffers = differing.stream().allMatch(String::isEmpty);
        if (nothingDiffers) {
            return new RunLabels(null, unique(names), AXES.get(0));
        }
        long differ = SETTINGS.stream().filter(st -> runs.stream().map(st.text()).distinct().count() > 1).count();
        if (varying.size() == 1 && differ == 1) {
            Axis a = varying.get(0);
            List<String> values = runs.stream().map(r -> String.valueOf((int) a.value().applyAsDouble(r))).toList();
            if (values.stream().distinct().count() == values.size()) {
                return new RunLabels(a.title(), values, a);
            }
        }
        // Not a sweep of one setting: short labels of what differs, points against the run number.
        return new RunLabels(RUNS_TITLE, unique(differing.stream().map(l -> l.isEmpty() ? "same settings" : l).toList()),
                null);
    }

    /** Legend title when runs are labelled by their differing settings: keeps the legend in a column beside the plot. */
    public static final String RUNS_TITLE = "runs";

    /** True when chart 3 may join the runs' points: they form a sweep of one setting. */
    public boolean joined() {
        return axis != null;
    }

    /** Run {@code i}'s label standing alone (readout, run list): "L=2" for an L sweep, else the legend label. */
    public String named(int i) {
        if (axis == null || title == null) {
            return labels.get(i);
        }
        int space = title.indexOf(' ');
        return (space < 0 ? title : title.substring(0, space)) + "=" + labels.get(i);
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
