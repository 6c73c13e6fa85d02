package org.hessianscope.ui.charts;

import javafx.scene.control.CheckBox;

/** Chart 1's "mean over seeds" switch, shown only while some checked runs are seeds of one network. */
final class SeedMeanToggle {
    private SeedMeanToggle() {
    }

    static CheckBox of(ChartsViewModel vm) {
        CheckBox c = new CheckBox("Mean over seeds (band: seed range)");
        c.setId("chart-lossdifference-seed-mean");
        c.selectedProperty().bindBidirectional(vm.seedMeanProperty());
        c.visibleProperty().bind(vm.seededProperty());
        c.managedProperty().bind(vm.seededProperty());
        return c;
    }
}
