package org.hessianscope.ui.charts;

import org.controlsfx.control.ToggleSwitch;

/**
 * Chart 1's "mean over seeds" switch, shown only while some checked runs are seeds of one network. A
 * ControlsFX {@link ToggleSwitch}: it switches chart 1 between two views (a mean per network, a curve
 * per run), which reads as a mode, not as ticking an item. Chart 2's H / H_O / H_F stay check boxes:
 * each shows or hides one series, as a legend's boxes do, and a check box also toggles by its label.
 */
final class SeedMeanToggle {
    private SeedMeanToggle() {
    }

    static ToggleSwitch of(ChartsViewModel vm) {
        // A short label: at 1280×720 the longer "(band: seed range)" pushed chart 2's H_F toggle out of the window.
        ToggleSwitch c = new ToggleSwitch("Mean over seeds");
        c.setId("chart-lossdifference-seed-mean");
        c.setTooltip(new javafx.scene.control.Tooltip("On: chart 1 draws each network's mean curve over its seeds, "
                + "the band the range the seeds span. Off: one curve per run."));
        c.selectedProperty().bindBidirectional(vm.seedMeanProperty());
        c.visibleProperty().bind(vm.seededProperty());
        c.managedProperty().bind(vm.seededProperty());
        return c;
    }
}
