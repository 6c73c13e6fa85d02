package org.hessianscope.ui.explain;

import org.hessianscope.ui.builder.BuilderViewModel;
import org.hessianscope.ui.runs.RunItem;
import org.hessianscope.ui.runs.RunsViewModel;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.FeatureMap;
import org.hessianscope.arch.ParameterLayout;
import org.hessianscope.bounds.ToeplitzOperator;
import org.hessianscope.train.PyTorchInit;

/**
 * The Explain panel's Toeplitz picture: the k×k kernel (output channel 1, input channel 1)
 * of a chosen conv layer and the explicit Toeplitz matrix it makes on a small n×n input,
 * from the bounds package. The kernel is the selected run's trained one, or the builder
 * spec's PyTorch initialisation for its seed when no run is selected.
 */
public final class ExplainViewModel {

    /** What the heat maps draw; {@code matrix} is (n−k+1)² × n². */
    public record Picture(double[][] kernel, double[][] matrix, String caption) {
    }

    private final BuilderViewModel builder;
    private final RunsViewModel runs;
    private final IntegerProperty layer = new SimpleIntegerProperty(1);
    private final IntegerProperty inputSize = new SimpleIntegerProperty(5);
    private final ReadOnlyObjectWrapper<Picture> picture = new ReadOnlyObjectWrapper<>();

    public ExplainViewModel(BuilderViewModel builder, RunsViewModel runs) {
        this.builder = builder;
        this.runs = runs;
        layer.addListener(o -> update());
        inputSize.addListener(o -> update());
        builder.specProperty().addListener(o -> update());
        builder.seedProperty().addListener(o -> update());
        runs.selectedProperty().addListener(o -> update());
        update();
    }

    private void update() {
        RunItem run = runs.selectedProperty().get();
        ArchitectureSpec spec = run != null ? run.run().spec() : builder.specProperty().get();
        if (spec == null) {
            picture.set(null);
            return;
        }
        double[] theta = run != null ? run.run().weights() : PyTorchInit.initialise(spec, builder.seedProperty().get());
        int l = Math.max(1, Math.min(spec.layers(), layer.get()));
        int k = spec.conv().get(l - 1).kernel();
        int n = Math.max(k, inputSize.get());
        ParameterLayout.Tensor t = spec.parameterLayout().tensor("conv" + l + ".weight").orElseThrow();
        // The first output channel's kernel on the first input channel: [C_out, C_in, k, k] row-major.
        double[][] kernel = new double[k][k];
        double[] flat = new double[k * k];
        for (int i = 0; i < k * k; i++) {
            flat[i] = theta[t.offset() + i];
            kernel[i / k][i % k] = flat[i];
        }
        double[][] matrix = ToeplitzOperator.conv2d(1, k, flat, new FeatureMap(1, n, n)).matrix().toDense();
        String source = run != null ? "trained weights of " + run.folder().getFileName()
                : "the builder's spec, initialised with seed " + builder.seedProperty().get();
        picture.set(new Picture(kernel, matrix, String.format(java.util.Locale.ROOT,
                "conv%d: the %d×%d kernel (output channel 1, input channel 1; %s) and its Toeplitz matrix T on a %d×%d "
                        + "input: %d rows (output pixels) × %d columns (input pixels). Each row is the kernel laid "
                        + "over one output position; the same weights repeat down shifted diagonals.",
                l, k, k, source, n, n, matrix.length, matrix[0].length)));
    }

    public IntegerProperty layerProperty() {
        return layer;
    }

    public IntegerProperty inputSizeProperty() {
        return inputSize;
    }

    public ReadOnlyObjectProperty<Picture> pictureProperty() {
        return picture.getReadOnlyProperty();
    }
}
