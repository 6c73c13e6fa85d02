package org.hessianscope.ui.experiment;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.hessianscope.experiment.SweepRow;

/**
 * One line of the Experiments table: a sweep point's value, its run folder once known, where
 * it stands, and the numbers it is judged by once done. Changed on the JavaFX thread only.
 */
public final class SweepPointRow {
    private final int index;
    private final String value;
    private final long seed;
    private final ReadOnlyStringWrapper folderName = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    private final ObjectProperty<PointState> state = new SimpleObjectProperty<>(PointState.PENDING);
    private final ObjectProperty<SweepRow> numbers = new SimpleObjectProperty<>();
    private final StringBinding stateText = Bindings.createStringBinding(() -> state.get().text(), state);
    private final DoubleBinding progress = Bindings.createDoubleBinding(() -> state.get().progress(), state);

    SweepPointRow(int index, String value, long seed) {
        this.index = index;
        this.value = value;
        this.seed = seed;
        folder.addListener((o, a, b) -> folderName.set(b == null ? "" : b.getFileName().toString()));
    }

    public int index() {
        return index;
    }

    public String value() {
        return value;
    }

    /** The training seed of the point's run (a seeded sweep has a row per network and seed). */
    public long seed() {
        return seed;
    }

    /** The run folder; known once the point has been checked against the store. */
    public Path folder() {
        return folder.get();
    }

    void setFolder(Path dir) {
        folder.set(dir);
    }

    public ReadOnlyStringProperty folderNameProperty() {
        return folderName.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<PointState> stateProperty() {
        return state;
    }

    public PointState state() {
        return state.get();
    }

    void setState(PointState s) {
        state.set(s);
    }

    public StringBinding stateTextProperty() {
        return stateText;
    }

    /** 0..1 while working, −1 while the amount of work is unknown, 1 when done. */
    public DoubleBinding progressProperty() {
        return progress;
    }

    /** The point's summary line once it is done, else null. */
    public ObjectProperty<SweepRow> numbersProperty() {
        return numbers;
    }

    public SweepRow numbers() {
        return numbers.get();
    }
}
