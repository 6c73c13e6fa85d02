package org.hessianscope.ui.builder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hessianscope.data.DatasetName;
import org.hessianscope.ui.common.EditHistory;

/**
 * Records every change of the builder's settings in the window's {@link EditHistory}, as a step
 * from one {@link State} to the next. A change the builder makes by itself in answer to another
 * (lowering "pool replaces relu" when L falls below it) belongs to the same step, so one undo puts
 * both back. While {@link BuilderViewModel#gestureProperty()} names a control (a slider being
 * dragged, a field being typed in), its changes merge into one step, sealed when the gesture ends.
 */
public final class BuilderEdits {
    /** Every setting of the builder, as a value: what one step goes from and to. */
    public record State(int layers, int kernel, int channels, String pool, int poolSize, int poolAt, String hidden,
                        boolean reluLast, DatasetName dataset, int trainSize, int epochs, int seed) {

        static State of(BuilderViewModel vm) {
            return new State(vm.layersProperty().get(), vm.kernelProperty().get(), vm.channelsProperty().get(),
                    vm.poolProperty().get(), vm.poolSizeProperty().get(), vm.poolAtProperty().get(),
                    vm.hiddenProperty().get(), vm.reluLastProperty().get(), vm.datasetProperty().get(),
                    vm.trainSizeProperty().get(), vm.epochsProperty().get(), vm.seedProperty().get());
        }

        /** Sets the builder to this state; L before "pool replaces relu", so the clamp on L never cuts it. */
        void applyTo(BuilderViewModel vm) {
            vm.layersProperty().set(layers);
            vm.kernelProperty().set(kernel);
            vm.channelsProperty().set(channels);
            vm.poolProperty().set(pool);
            vm.poolSizeProperty().set(poolSize);
            vm.poolAtProperty().set(poolAt);
            vm.hiddenProperty().set(hidden);
            vm.reluLastProperty().set(reluLast);
            vm.datasetProperty().set(dataset);
            vm.trainSizeProperty().set(trainSize);
            vm.epochsProperty().set(epochs);
            vm.seedProperty().set(seed);
        }

        /** "channels 8 → 12", the changed settings under the builder's own words, joined by commas. */
        static String change(State a, State b) {
            List<String> parts = new ArrayList<>();
            part(parts, "layers", a.layers, b.layers);
            part(parts, "kernel", a.kernel, b.kernel);
            part(parts, "channels", a.channels, b.channels);
            part(parts, "pool", a.pool, b.pool);
            part(parts, "pool size", a.poolSize, b.poolSize);
            part(parts, "pool replaces relu", a.poolAt, b.poolAt);
            part(parts, "hidden widths", quoted(a.hidden), quoted(b.hidden));
            part(parts, "ReLU after the last conv", a.reluLast ? "on" : "off", b.reluLast ? "on" : "off");
            part(parts, "dataset", a.dataset, b.dataset);
            part(parts, "training-set size", a.trainSize, b.trainSize);
            part(parts, "epochs", a.epochs, b.epochs);
            part(parts, "seed", a.seed, b.seed);
            return String.join(", ", parts);
        }

        private static String quoted(String hidden) {
            return hidden == null || hidden.isBlank() ? "none" : "\"" + hidden.trim() + "\"";
        }

        private static void part(List<String> parts, String name, Object was, Object now) {
            if (!Objects.equals(was, now)) {
                parts.add(name + " " + was + " → " + now);
            }
        }
    }

    /** One step of the builder, from {@code before} to {@code after}. */
    private record Change(BuilderViewModel vm, State before, State after) implements EditHistory.Edit {
        @Override
        public String name() {
            return State.change(before, after);
        }

        @Override
        public void undo() {
            before.applyTo(vm);
        }

        @Override
        public void redo() {
            after.applyTo(vm);
        }

        @Override
        public EditHistory.Edit merge(EditHistory.Edit later) {
            return later instanceof Change c && c.vm == vm ? new Change(vm, before, c.after) : null;
        }

        @Override
        public boolean isNoOp() {
            return before.equals(after);
        }
    }

    private final BuilderViewModel vm;
    private final EditHistory history;
    private State last;

    private BuilderEdits(BuilderViewModel vm, EditHistory history) {
        this.vm = vm;
        this.history = history;
        this.last = State.of(vm);
    }

    /** Starts recording {@code vm}'s changes into {@code history}. */
    public static BuilderEdits record(BuilderViewModel vm, EditHistory history) {
        BuilderEdits e = new BuilderEdits(vm, history);
        javafx.beans.value.ObservableValue<?>[] settings = {vm.layersProperty(), vm.kernelProperty(), vm.channelsProperty(), vm.poolProperty(),
                vm.poolSizeProperty(), vm.poolAtProperty(), vm.hiddenProperty(), vm.reluLastProperty(),
                vm.datasetProperty(), vm.trainSizeProperty(), vm.epochsProperty(), vm.seedProperty()};
        // Change listeners, not invalidation ones: JavaFX calls those after every invalidation listener and after
        // the builder's own earlier change listener that lowers the pool's position with L, so the step holds both.
        for (javafx.beans.value.ObservableValue<?> o : settings) {
            o.addListener((x, was, now) -> e.changed());
        }
        vm.gestureProperty().addListener((o, was, now) -> history.seal());
        return e;
    }

    /**
     * Every listener of every setting lands here; the first one that sees a new state records the
     * whole difference (the builder's own follow-up changes included), the others find nothing new.
     */
    private void changed() {
        State now = State.of(vm);
        if (history.replaying()) {
            last = now;
            return;
        }
        if (now.equals(last)) {
            return;
        }
        String gesture = vm.gestureProperty().get();
        history.record(new Change(vm, last, now), gesture, gesture != null);
        last = now;
    }
}
