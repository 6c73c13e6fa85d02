package org.hessianscope.ui.charts;

import org.hessianscope.ui.runs.RunItem;
import org.hessianscope.ui.runs.RunsViewModel;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.hessianscope.figure.LossDifferenceNormalise;
import org.hessianscope.figure.PerSampleFigure;
import org.hessianscope.curvature.CurvatureOperator;
import org.hessianscope.figure.SpectrumFigure;

/**
 * The four linked charts in a 2×2 grid: 1 loss difference (hover → readout, click → select
 * run), 2 spectrum with H / H_O / H_F toggles, 3 bound versus measured, 4 per-sample
 * (click → the sample's image below).
 */
public final class ChartsView extends GridPane {
    public ChartsView(ChartsViewModel vm, ReadoutViewModel readout, RunsViewModel runs, SampleViewModel sample) {
        setHgap(6);
        setVgap(6);
        ChartPane lossDifference = new ChartPane("chart-lossdifference", vm.lossDifferenceProperty(),
                vm.lossDifferenceHintProperty());
        lossDifference.setOnHoverX(k -> readout.hoveredKProperty().set((int) Math.max(1, Math.round(k))));
        lossDifference.setOnSeriesClicked(key -> {
            RunItem r = vm.runOf(key);
            if (r != null) {
                runs.selectedProperty().set(r);
            }
        });
        // The normalised views take the 1/k trend out, so the architectures separate (issue 17, defect 20).
        javafx.scene.control.ChoiceBox<LossDifferenceNormalise> normalise = new javafx.scene.control.ChoiceBox<>(
                javafx.collections.FXCollections.observableArrayList(LossDifferenceNormalise.values()));
        normalise.setId("lossdifference-normalise");
        normalise.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(LossDifferenceNormalise n) {
                return n == null ? "" : n.key() + ": " + org.hessianscope.figure.Subscripts.render(n.axis());
            }

            @Override
            public LossDifferenceNormalise fromString(String s) {
                return LossDifferenceNormalise.of(s.substring(0, s.indexOf(':')));
            }
        });
        normalise.valueProperty().bindBidirectional(vm.normaliseProperty());
        javafx.scene.control.Label normaliseLabel = new javafx.scene.control.Label("normalise");
        normaliseLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never "…"
        HBox normaliseRow = new HBox(6, normaliseLabel, normalise);
        normaliseRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        normaliseRow.setId("lossdifference-normalise-row");
        HBox toggles = new HBox(8);
        toggles.setId("spectrum-operators");
        for (CurvatureOperator op : CurvatureOperator.values()) {
            CheckBox c = new CheckBox(SpectrumFigure.title(op));
            c.setMnemonicParsing(false); // "H_O" is the operator's name, not a mnemonic
            c.selectedProperty().bindBidirectional(vm.operatorShownProperty(op));
            toggles.getChildren().add(c);
        }
        BorderPane spectrum = new BorderPane(new ChartPane("chart-spectrum", vm.spectrumProperty(),
                vm.spectrumHintProperty()), toggles, null, null, null);
        ChartPane perSample = new ChartPane("chart-persample", vm.perSampleProperty(), vm.perSampleHintProperty());
        perSample.setOnItemClicked(item -> PerSampleFigure.sampleIndex(item.getDataset(), item.getSeriesIndex(),
                item.getItem()).ifPresent(i -> {
                    RunItem r = runs.selectedProperty().get();
                    if (r != null) {
                        PerSampleFigure.highlight(vm.perSampleProperty().get(), i);
                        sample.show(r, i);
                    }
                }));
        runs.selectedProperty().addListener(o -> sample.clear());
        BorderPane perSampleWithImage = new BorderPane(perSample, null, null, new SampleView(sample), null);
        // A flow, not a row: at 1280×720 with seeds checked the two did not fit beside each other, and the row cut
        // "normalise" to "…"; the switch now goes under the choice when the column is too narrow.
        javafx.scene.layout.FlowPane chartOneControls = new javafx.scene.layout.FlowPane(12, 2, normaliseRow,
                SeedMeanToggle.of(vm));
        chartOneControls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        chartOneControls.setId("lossdifference-controls");
        add(new BorderPane(lossDifference, chartOneControls, null, null, null), 0, 0);
        add(spectrum, 1, 0);
        add(new ChartPane("chart-bounds", vm.boundsProperty(), vm.boundsHintProperty()), 0, 1);
        add(perSampleWithImage, 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(r);
        }
    }
}
