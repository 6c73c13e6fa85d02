package org.hessianscope.ui.builder;

import org.hessianscope.train.TrainingOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ConvLayerSpec;
import org.hessianscope.arch.HeadSpec;
import org.hessianscope.arch.PoolSpec;
import org.hessianscope.arch.PoolType;
import org.hessianscope.arch.SpecCost;
import org.hessianscope.arch.SpecException;
import org.hessianscope.arch.Stage;
import org.hessianscope.bounds.Bound;
import org.hessianscope.bounds.BoundPreview;
import org.hessianscope.data.DatasetName;

/**
 * The architecture builder: writable inputs (sliders, fields) and read-only outputs that
 * follow them at once (spec or the reason there is none, shape table, cost, bound preview).
 */
public final class BuilderViewModel {
    /** "none" or a {@link PoolType#key()}. */
    public static final List<String> POOLS = List.of("none", PoolType.MAX.key(), PoolType.AVG.key());
    /** ‖x‖² assumed by the bound preview: a normalised 28×28 MNIST image is of this order (784 pixels, |x| ≲ 1). */
    static final double PREVIEW_INPUT_NORM_SQ = 784.0;

    private final IntegerProperty layers = new SimpleIntegerProperty(2);
    private final IntegerProperty kernel = new SimpleIntegerProperty(3);
    private final IntegerProperty channels = new SimpleIntegerProperty(6);
    private final StringProperty pool = new SimpleStringProperty("none");
    private final IntegerProperty poolSize = new SimpleIntegerProperty(2);
    private final IntegerProperty poolAt = new SimpleIntegerProperty(1);
    private final StringProperty hidden = new SimpleStringProperty("");
    private final BooleanProperty reluLast = new SimpleBooleanProperty(false);
    private final ObjectProperty<DatasetName> dataset = new SimpleObjectProperty<>(DatasetName.MNIST);
    private final IntegerProperty trainSize = new SimpleIntegerProperty(1000);
    private final IntegerProperty epochs = new SimpleIntegerProperty(1);
    private final IntegerProperty seed = new SimpleIntegerProperty(0);

    /** Set by the view: why a text field holds no valid value (its ControlsFX mark), empty while all do. */
    private final StringProperty invalidField = new SimpleStringProperty("");
    /** Set by the view: the control being dragged or typed in, null when none; its changes make one undo step. */
    private final StringProperty gesture = new SimpleStringProperty();

    private final ReadOnlyObjectWrapper<ArchitectureSpec> spec = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObservableList<LayerRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper totalParameters = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper memory = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper boundPreview = new ReadOnlyStringWrapper("");

    public BuilderViewModel() {
        Observable[] inputs = {layers, kernel, channels, pool, poolSize, poolAt, hidden, reluLast, dataset, trainSize,
                epochs};
        // Clamped before the listeners below see the new L, so no update builds a spec with the pool past the last conv.
        layers.addListener((o, a, b) -> poolAt.set(Math.min(poolAt.get(), b.intValue())));
        for (Observable o : inputs) {
            o.addListener(x -> update());
        }
        update();
    }

    private void update() {
        ArchitectureSpec s;
        try {
            s = build();
        } catch (IllegalArgumentException e) { // SpecException, or hidden widths that are not numbers
            spec.set(null);
            problem.set(e.getMessage());
            rows.setAll(upToTheFailure(e.getMessage()));
            totalParameters.set("—");
            memory.set("—");
            boundPreview.set("—");
            return;
        }
        problem.set("");
        spec.set(s);
        List<LayerRow> table = new ArrayList<>();
        for (Stage st : s.stages()) {
            table.add(new LayerRow(st.name(), st.out().toString(), st.parameterCount()));
        }
        rows.setAll(table);
        totalParameters.set(String.format(Locale.ROOT, "%,d parameters", s.parameterCount()));
        // Memory only: the training time is the train panel's one estimate, from the speed measured on this
        // machine (run.TrainingSpeed); an assumed rate beside it was 7–8× off (issue 17, defect 11).
        int batch = TrainingOptions.DEFAULT_BATCH_SIZE;
        memory.set(String.format(Locale.ROOT, "training memory ≈ %.1f MB (batch %d)",
                SpecCost.of(s).trainingBytes(batch) / 1e6, batch));
        try {
            BoundPreview b = BoundPreview.of(s, PREVIEW_INPUT_NORM_SQ);
            boundPreview.set("log10 bound on ‖H_O‖: Theorem 2 " + log(b.theorem2()) + ", Lemma 3 " + log(b.lemma3())
                    + ", Lemma 4 " + log(b.lemma4()));
        } catch (IllegalArgumentException e) {
            boundPreview.set("no bound preview: " + e.getMessage());
        }
    }

    /**
     * The stages of the longest valid prefix of the conv layers (no head), then one row for the
     * layer that fails with the reason: the shape table shows how far the maps get, not nothing.
     */
    private List<LayerRow> upToTheFailure(String reason) {
        for (int l = layers.get(); l >= 1; l--) {
            List<ConvLayerSpec> conv = new ArrayList<>();
            for (int i = 0; i < l; i++) {
                conv.add(new ConvLayerSpec(channels.get(), kernel.get()));
            }
            PoolSpec p = pool.get().equals("none") || poolAt.get() > l ? null
                    : new PoolSpec(PoolType.fromKey("pool", pool.get()), poolSize.get(), poolAt.get());
            ArchitectureSpec s;
            try {
                s = new ArchitectureSpec(dataset.get().inputShape(), conv, l < layers.get() || reluLast.get(), p,
                        HeadSpec.LINEAR, dataset.get().classes());
            } catch (IllegalArgumentException e) {
                continue;
            }
            List<LayerRow> out = new ArrayList<>();
            for (Stage st : s.stages()) {
                if (!st.name().startsWith("fc")) {
                    out.add(new LayerRow(st.name(), st.out().toString(), st.parameterCount()));
                }
            }
            out.add(new LayerRow(l < layers.get() ? "conv" + (l + 1) : "head", "✗ " + reason, 0));
            return out;
        }
        return List.of(new LayerRow("conv1", "✗ " + reason, 0));
    }

    private static String log(Bound b) {
        return b == null ? "n/a" : String.format(Locale.ROOT, "%.1f", b.log10());
    }

    /** The spec of the current inputs; throws SpecException naming the layer whose map vanishes. */
    ArchitectureSpec build() {
        List<ConvLayerSpec> conv = new ArrayList<>();
        for (int l = 0; l < layers.get(); l++) {
            conv.add(new ConvLayerSpec(channels.get(), kernel.get()));
        }
        PoolSpec p = pool.get().equals("none") ? null
                : new PoolSpec(PoolType.fromKey("pool", pool.get()), poolSize.get(), poolAt.get());
        return new ArchitectureSpec(dataset.get().inputShape(), conv, reluLast.get(), p, parseHidden(hidden.get()),
                dataset.get().classes());
    }

    static HeadSpec parseHidden(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return HeadSpec.LINEAR;
        }
        List<Integer> widths = new ArrayList<>();
        for (String part : t.split("[,\\s]+")) {
            try {
                widths.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                throw new SpecException("hidden widths \"" + text + "\": \"" + part
                        + "\" is not a whole number; write widths like 64,32 or leave empty for a linear head");
            }
        }
        return new HeadSpec(widths);
    }

    public IntegerProperty layersProperty() {
        return layers;
    }

    public IntegerProperty kernelProperty() {
        return kernel;
    }

    public IntegerProperty channelsProperty() {
        return channels;
    }

    public StringProperty poolProperty() {
        return pool;
    }

    public IntegerProperty poolSizeProperty() {
        return poolSize;
    }

    public IntegerProperty poolAtProperty() {
        return poolAt;
    }

    public StringProperty hiddenProperty() {
        return hidden;
    }

    public BooleanProperty reluLastProperty() {
        return reluLast;
    }

    public ObjectProperty<DatasetName> datasetProperty() {
        return dataset;
    }

    public IntegerProperty trainSizeProperty() {
        return trainSize;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    /** Why a field holds no valid value (the first ControlsFX mark), empty while all do; Train waits for it. */
    public StringProperty invalidFieldProperty() {
        return invalidField;
    }

    /** The control being dragged or typed in (its id), null when none: {@link BuilderEdits} merges its changes. */
    public StringProperty gestureProperty() {
        return gesture;
    }

    /** The current spec, {@code null} while the inputs are invalid. */
    public ReadOnlyObjectProperty<ArchitectureSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    /** Why there is no spec (names the layer whose map vanishes), empty when valid. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObservableList<LayerRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ReadOnlyStringProperty totalParametersProperty() {
        return totalParameters.getReadOnlyProperty();
    }

    /** The memory training takes (the time is the train panel's, measured on this machine). */
    public ReadOnlyStringProperty memoryProperty() {
        return memory.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty boundPreviewProperty() {
        return boundPreview.getReadOnlyProperty();
    }
}
