package org.hessianscope.ui.builder;

import javafx.beans.property.IntegerProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.hessianscope.data.DatasetName;

/** The builder's controls and its live readouts, bound to a {@link BuilderViewModel}. */
public final class BuilderView extends VBox {
    private final GridPane grid = new GridPane();
    private final FieldValidation validation = new FieldValidation();
    private final BuilderViewModel vm;
    private int row;
    private static final java.util.regex.Pattern CONV = java.util.regex.Pattern.compile("conv(\\d+)");
    private java.util.function.IntConsumer onOpenLayer = l -> { };
    private static final javafx.scene.input.KeyCombination PLAIN_ENTER =
            new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.ENTER);

    public BuilderView(BuilderViewModel vm) {
        super(6);
        this.vm = vm;
        setId("builder");
        setPadding(new Insets(8));
        grid.setHgap(6);
        grid.setVgap(4);
        slider("layers L", "slider-layers", vm.layersProperty(), 1, 8, "Number of conv layers L; the bound on ‖H_O‖ grows by orders of magnitude per layer");
        slider("kernel k", "slider-kernel", vm.kernelProperty(), 2, 7, "Kernel size k of every conv layer (k×k); each layer shrinks the map by k − 1");
        slider("channels C", "slider-channels", vm.channelsProperty(), 1, 64, "Channels C of every conv layer: more channels, more parameters");
        ComboBox<String> pool = new ComboBox<>(FXCollections.observableArrayList(BuilderViewModel.POOLS));
        pool.valueProperty().bindBidirectional(vm.poolProperty());
        pool.setId("builder-pool");
        tip(pool, "A pooling layer in place of one ReLU: none, max or avg");
        add("pool", pool);
        slider("pool size", "slider-pool-size", vm.poolSizeProperty(), 2, 4, "The pool's window and stride (p×p)");
        Slider poolAt = slider("pool replaces relu", "slider-pool-at", vm.poolAtProperty(), 1, 8,
                "Which conv layer's ReLU the pool replaces");
        // The pool replaces the nonlinearity after one of the L conv layers: 1..L, whatever L is.
        poolAt.maxProperty().bind(vm.layersProperty());
        TextField hidden = new TextField();
        // Short enough for the narrow left panel at 1280×720; the tooltip says what empty means.
        hidden.setPromptText("e.g. 64,32 or empty");
        hidden.textProperty().bindBidirectional(vm.hiddenProperty());
        tip(hidden, "Widths of the hidden fully connected layers before the output, comma-separated positive "
                + "integers (e.g. 64,32); empty: the last conv feeds the output directly");
        hidden.setId("field-hidden");
        typing(hidden);
        add("hidden widths", hidden);
        validation.hidden(hidden);
        CheckBox relu = new CheckBox("ReLU after the last conv");
        relu.selectedProperty().bindBidirectional(vm.reluLastProperty());
        tip(relu, "Whether a ReLU follows the last conv layer too (the paper's networks have none there)");
        // Across the label column too: beside an empty label it was cut to "ReLU after the last c…" at 1280×720.
        relu.setWrapText(true);
        relu.setId("relu-last");
        grid.add(relu, 0, row++, 3, 1);
        ComboBox<DatasetName> dataset = new ComboBox<>(FXCollections.observableArrayList(DatasetName.values()));
        dataset.valueProperty().bindBidirectional(vm.datasetProperty());
        dataset.setId("builder-dataset");
        tip(dataset, "The training data: MNIST digits or Fashion-MNIST clothes, 28×28 grey images in 10 classes");
        add("dataset", dataset);
        validation.trainSize(number("training-set size", "field-train-size", vm.trainSizeProperty(), "How many training images (the first N "
                + "records) to train and analyse on: 2 to 10,000 with the embedded subset, 2 to 60,000 with the full set",
                2, FieldValidation.MAX_TRAIN_SIZE));
        validation.epochs(number("epochs", "field-epochs", vm.epochsProperty(),
                "Passes over the training set: 1 or more; time grows in proportion", 1, Integer.MAX_VALUE));
        validation.seed(number("seed", "field-seed", vm.seedProperty(), "Seed of the initial weights and the batch order: any whole number; "
                + "the same seed trains the same network", Integer.MIN_VALUE, Integer.MAX_VALUE));
        // Train stays disabled, with this reason, while any field is marked (issue 17): no field is read as 0.
        validation.support().validationResultProperty().addListener((o, was, now) -> vm.invalidFieldProperty().set(
                now.getErrors().isEmpty() ? "" : now.getErrors().iterator().next().getText()));

        Label problem = new Label();
        problem.setId("builder-problem");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        TableView<LayerRow> table = new TableView<>(vm.rows());
        table.setId("shape-table");
        table.getColumns().add(column("stage", LayerRow::stage, 70));
        table.getColumns().add(column("output (c×h×w)", LayerRow::output, 110));
        table.getColumns().add(column("parameters", LayerRow::parameters, 90));
        table.setPrefHeight(220);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        tip(table, "Every stage of the network with the feature map it makes (channels × height × width) and its "
                + "parameters; follows the controls above. Click a conv row (or press Enter on it) to open that "
                + "layer's Toeplitz matrix in the Explain tab");
        // The drill-down (as CNN Explainer's): a click or Enter on a conv layer's row opens it in Explain.
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<LayerRow> r = new javafx.scene.control.TableRow<>();
            r.setOnMouseClicked(e -> {
                if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && !r.isEmpty()) {
                    open(r.getItem());
                }
            });
            return r;
        });
        table.setOnKeyPressed(e -> {
            // Plain Enter only: Ctrl+Enter is Train and must reach its menu item.
            if (PLAIN_ENTER.match(e) && table.getSelectionModel().getSelectedItem() != null) {
                open(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });

        Label total = bound("builder-total", vm.totalParametersProperty());
        Label memory = bound("builder-memory", vm.memoryProperty());
        Label preview = bound("bound-preview", vm.boundPreviewProperty());
        getChildren().addAll(grid, problem, table, total, memory, preview);
    }

    /** What a click on conv layer l's row does (l 1-based): the window opens it in Explain. */
    public void setOnOpenLayer(java.util.function.IntConsumer action) {
        onOpenLayer = action;
    }

    private void open(LayerRow row) {
        java.util.regex.Matcher m = CONV.matcher(row.stage());
        if (m.matches() && !row.output().startsWith("✗")) {
            onOpenLayer.accept(Integer.parseInt(m.group(1)));
        }
    }

    /** The ControlsFX validation of the text fields: invalid while any holds text that is not a valid value. */
    public org.controlsfx.validation.ValidationSupport validation() {
        return validation.support();
    }

    private static Label bound(String id, javafx.beans.value.ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }

    private static TableColumn<LayerRow, Object> column(String title, java.util.function.Function<LayerRow, Object> value,
                                                        double width) {
        TableColumn<LayerRow, Object> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** One sentence on what the control does and its valid values, shown on hover. */
    static void tip(javafx.scene.control.Control c, String text) {
        c.setTooltip(new javafx.scene.control.Tooltip(text + "."));
    }

    /** The slider's tooltip ends with its range, which follows the slider's own limits (the pool's follows L). */
    private Slider slider(String label, String id, IntegerProperty p, int min, int max, String what) {
        Slider s = new Slider(min, max, p.get());
        javafx.scene.control.Tooltip tooltip = new javafx.scene.control.Tooltip();
        tooltip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> String.format(
                java.util.Locale.ROOT, "%s; %d to %d.", what, (int) s.getMin(), (int) s.getMax()),
                s.minProperty(), s.maxProperty()));
        s.setTooltip(tooltip);
        s.setId(id);
        s.setMajorTickUnit(1);
        s.setMinorTickCount(0);
        s.setSnapToTicks(true);
        s.setBlockIncrement(1);
        s.setPrefWidth(160);
        // Up and Down on a focused horizontal slider are not the slider's (JavaFX leaves them to the parent),
        // so they reached the left panel's ScrollPane, which scrolled a line: every control moved under the
        // mouse and the next click hit the wrong one (issue 17, defect 5). Here they step the value, as
        // Right and Left do, and stop there.
        s.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.UP || e.getCode() == javafx.scene.input.KeyCode.DOWN) {
                if (e.getCode() == javafx.scene.input.KeyCode.UP) {
                    s.increment();
                } else {
                    s.decrement();
                }
                e.consume();
            }
        });
        // A drag (or a press on the track) is one undo step: the gesture lasts while the value is changing.
        s.valueChangingProperty().addListener((o, was, now) -> vm.gestureProperty().set(now ? id : null));
        s.valueProperty().addListener((o, a, b) -> p.set((int) Math.round(b.doubleValue())));
        p.addListener((o, a, b) -> s.setValue(b.intValue()));
        Label value = new Label();
        value.textProperty().bind(p.asString());
        grid.addRow(row++, new Label(label), s, value);
        return s;
    }

    /**
     * A whole-number field: only text that is a valid value (lo..hi) reaches {@code p}. A bidirectional
     * binding through NumberStringConverter stored 0 for an emptied field; here an empty or invalid text
     * leaves {@code p} at its last valid value and the field marked until it is fixed.
     */
    private TextField number(String label, String id, IntegerProperty p, String what, long lo, long hi) {
        TextField f = new TextField(Integer.toString(p.get()));
        tip(f, what);
        f.setId(id);
        f.setPrefColumnCount(7);
        typing(f);
        f.textProperty().addListener((o, was, now) -> {
            if (FieldValidation.within(now, lo, hi)) {
                p.set(Integer.parseInt(now.trim()));
            }
        });
        p.addListener((o, was, now) -> {
            if (!FieldValidation.within(f.getText(), now.intValue(), now.intValue())) {
                f.setText(Integer.toString(now.intValue()));
            }
        });
        add(label, f);
        return f;
    }

    /** Typing in {@code f} is one undo step until the field loses focus ("seed 0 → 12", not "0 → 1", "1 → 12"). */
    private void typing(TextField f) {
        f.focusedProperty().addListener((o, was, now) -> vm.gestureProperty().set(now ? f.getId() : null));
        f.getProperties().put(org.hessianscope.ui.common.EditHistory.FIELD, Boolean.TRUE);
    }

    private void add(String label, javafx.scene.Node node) {
        grid.addRow(row++, new Label(label), node);
        GridPane.setColumnSpan(node, 2);
    }
}
