package org.hessianscope.ui.experiment;

import org.hessianscope.ui.common.JobView;
import java.io.File;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.hessianscope.experiment.PaperExperiments;
import org.hessianscope.experiment.SweepRow;

/**
 * The Experiments tab: open buttons, what the sweep trains, one table row per point with its
 * state and progress bar, the numbers once done, Run / Cancel / Load into charts and where the
 * results were written.
 */
public final class ExperimentsView extends VBox {
    public ExperimentsView(ExperimentsViewModel vm) {
        super(6);
        setPadding(new Insets(8));
        Button openFile = new Button("Open sweep file…");
        openFile.setId("experiments-open-file");
        openFile.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a sweep file");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Sweep files", "*.yaml", "*.yml"));
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) {
                vm.openSweepFile(f.toPath());
            }
        });
        MenuButton paper = new MenuButton("Paper figures");
        paper.setId("experiments-paper");
        for (PaperExperiments.Figure f : PaperExperiments.FIGURES) {
            paper.getItems().add(figureItem(vm, f));
        }
        // The pooling figures as the authors' code builds them, after the paper's own.
        paper.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        for (PaperExperiments.Figure f : PaperExperiments.AUTHORS_VARIANTS) {
            paper.getItems().add(figureItem(vm, f));
        }
        Button openFinished = new Button("Open finished sweep…");
        openFinished.setId("experiments-open-finished");
        openFinished.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open a finished sweep (a folder with summary.json)");
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                vm.openFinishedSweepLater(dir.toPath(), () -> {
                });
            }
        });
        for (var b : new javafx.scene.control.Control[]{openFile, paper, openFinished}) {
            b.disableProperty().bind(vm.job().runningProperty());
        }

        Label description = new Label();
        description.setId("experiments-description");
        description.setWrapText(true);
        description.textProperty().bind(vm.descriptionProperty());

        TableView<SweepPointRow> table = new TableView<>(vm.rows());
        table.setId("experiments-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Value", r -> new ReadOnlyStringWrapper(r.value()), 60));
        table.getColumns().add(column("Seed", r -> new ReadOnlyStringWrapper(String.valueOf(r.seed())), 45));
        table.getColumns().add(column("Run folder", SweepPointRow::folderNameProperty, 170));
        table.getColumns().add(column("State", SweepPointRow::stateTextProperty, 170));
        TableColumn<SweepPointRow, Number> progress = new TableColumn<>("Progress");
        progress.setMinWidth(headerWidth("Progress"));
        progress.setPrefWidth(110);
        progress.setCellValueFactory(c -> c.getValue().progressProperty());
        progress.setCellFactory(c -> new ProgressCell());
        table.getColumns().add(progress);
        table.getColumns().add(number("Test acc.", SweepRow::testAccuracy));
        table.getColumns().add(number("σ(ℓ)", SweepRow::lossStd));
        table.getColumns().add(number("Loss diff. tail", SweepRow::lossDifferenceTail));
        table.setPlaceholder(new Label("No sweep open"));
        VBox.setVgrow(table, Priority.ALWAYS);

        Button run = new Button("Run");
        run.setId("experiments-run");
        run.disableProperty().bind(vm.canRunProperty().not());
        run.setOnAction(e -> vm.run());
        Spinner<Integer> jobs = new Spinner<>(1, Math.max(1, Runtime.getRuntime().availableProcessors()), 1);
        jobs.setId("experiments-jobs");
        jobs.setPrefWidth(70);
        jobs.getValueFactory().valueProperty().addListener((o, a, b) -> vm.jobsProperty().set(b));
        jobs.disableProperty().bind(vm.job().runningProperty());
        TextField spark = new TextField();
        spark.setId("experiments-spark");
        spark.setPromptText("empty: run here");
        spark.setPrefColumnCount(16);
        spark.setTooltip(new Tooltip("Spark master to submit the sweep to (local[2], spark://host:7077, yarn, "
                + "k8s://…); Run then starts bin/hessianscope sweep … --spark MASTER and shows its progress. "
                + "Empty runs the sweep in this window."));
        spark.textProperty().bindBidirectional(vm.sparkMasterProperty());
        spark.disableProperty().bind(vm.job().runningProperty());
        TextField trainSize = new TextField();
        trainSize.setId("experiments-train-size");
        trainSize.setPrefColumnCount(6);
        trainSize.setTooltip(new Tooltip("Training records each network is trained on: \"all\" or the first N. "
                + "Fewer records train faster; stored runs match only the size they were trained with."));
        Runnable showSize = () -> trainSize.setText(vm.trainSizeProperty().get() == org.hessianscope.experiment.SweepFile.ALL
                ? "all" : String.valueOf(vm.trainSizeProperty().get()));
        vm.trainSizeProperty().addListener((o, a, b) -> showSize.run());
        showSize.run();
        trainSize.setOnAction(e -> {
            if (!vm.setTrainSizeText(trainSize.getText())) {
                showSize.run();
            }
        });
        trainSize.focusedProperty().addListener((o, was, is) -> {
            if (!is && !vm.setTrainSizeText(trainSize.getText())) {
                showSize.run();
            }
        });
        trainSize.disableProperty().bind(vm.sweepProperty().isNull().or(vm.job().runningProperty()));
        Spinner<Integer> epochs = new Spinner<>(1, 1000, 1);
        epochs.setId("experiments-epochs");
        epochs.setPrefWidth(75);
        epochs.setEditable(true);
        epochs.setTooltip(new Tooltip("Epochs of training for each network; fewer train faster."));
        epochs.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.epochsProperty().set(b);
            }
        });
        vm.epochsProperty().addListener((o, a, b) -> epochs.getValueFactory().setValue(b.intValue()));
        epochs.disableProperty().bind(vm.sweepProperty().isNull().or(vm.job().runningProperty()));
        Label estimate = new Label();
        estimate.setId("experiments-estimate");
        estimate.setWrapText(true);
        estimate.textProperty().bind(vm.estimateProperty());
        // Two lines kept for it, filled or not, so the rows below never move when it appears (issue 17, defect 5).
        estimate.minHeightProperty().bind(Bindings.createDoubleBinding(() -> 2 * 1.4 * estimate.getFont().getSize(),
                estimate.fontProperty()));
        Button load = new Button("Load into charts");
        load.setId("experiments-load");
        load.disableProperty().bind(vm.canLoadProperty().not());
        load.setOnAction(e -> vm.loadIntoCharts());
        Button chooseOutput = new Button("Results folder…");
        chooseOutput.disableProperty().bind(vm.sweepProperty().isNull().or(vm.job().runningProperty()));
        chooseOutput.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Where Run writes summary.json, summary.csv and the figures");
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                vm.chooseOutput(dir.toPath());
            }
        });
        Label output = new Label();
        output.setId("experiments-output");
        output.setWrapText(true);
        output.textProperty().bind(Bindings.createStringBinding(() -> vm.writtenProperty().get() != null
                        ? "Results in " + vm.writtenProperty().get()
                        : vm.outputProperty().get() == null ? "" : "Run writes the results to " + vm.outputProperty().get(),
                vm.writtenProperty(), vm.outputProperty()));
        HBox controls = new HBox(8, run, new Label("Jobs"), jobs, load, chooseOutput);
        controls.setAlignment(Pos.CENTER_LEFT);
        // The Spark master sits with the point settings: beside Run the row was cut to ellipses at 1280×720.
        HBox size = new HBox(8, whole("Training records"), trainSize, whole("Epochs"), epochs,
                whole("Spark master"), spark);
        // At 1280×720 the row is narrower than its parts: the Spark field gives way, not the labels
        // ("Training recor…", "Epoc…", "Spark mas…" were seen).
        spark.setMinWidth(80);
        HBox.setHgrow(spark, Priority.ALWAYS);
        size.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(new HBox(8, openFile, paper, openFinished), description, table,
                new SeedStatisticsTable(vm), size, estimate, controls,
                new JobView(vm.job(), "sweep", vm::cancel), output);
    }

    /** A label that keeps its whole text: the fields beside it give way first. */
    private static Label whole(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /**
     * Room for a column's title: the table squeezes its columns to fit the tab and, at 1280×720, cut
     * "Seed", "Test accuracy" and "σ of losses" to "S…", "Test ac…", "σ of lo…".
     */
    private static double headerWidth(String title) {
        return new javafx.scene.text.Text(title).getLayoutBounds().getWidth() + 22;
    }

    private static TableColumn<SweepPointRow, String> column(String title,
                                                             Function<SweepPointRow, ObservableValue<String>> value,
                                                             double width) {
        TableColumn<SweepPointRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(headerWidth(title));
        c.setCellValueFactory(f -> value.apply(f.getValue()));
        return c;
    }

    /** A number of the point's summary line, blank until the point is done; NaN means not computed. */
    private static TableColumn<SweepPointRow, String> number(String title, java.util.function.ToDoubleFunction<SweepRow> f) {
        TableColumn<SweepPointRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(95);
        c.setMinWidth(headerWidth(title));
        c.setCellValueFactory(cell -> Bindings.createStringBinding(() -> {
            SweepRow r = cell.getValue().numbers();
            if (r == null) {
                return "";
            }
            double v = f.applyAsDouble(r);
            return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.4g", v);
        }, cell.getValue().numbersProperty()));
        return c;
    }

    private static final class ProgressCell extends TableCell<SweepPointRow, Number> {
        private final ProgressBar bar = new ProgressBar(0);

        ProgressCell() {
            bar.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        protected void updateItem(Number value, boolean empty) {
            super.updateItem(value, empty);
            if (empty || value == null) {
                setGraphic(null);
                return;
            }
            bar.setProgress(value.doubleValue());
            setGraphic(bar);
        }
    }

    private static MenuItem figureItem(ExperimentsViewModel vm, PaperExperiments.Figure f) {
        MenuItem item = new MenuItem(f.id() + " — " + f.description());
        item.setMnemonicParsing(false); // a description's "_" is text
        item.setOnAction(e -> vm.openPaperFigure(f));
        return item;
    }
}
