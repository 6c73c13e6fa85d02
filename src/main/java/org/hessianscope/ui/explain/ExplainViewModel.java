package org.hessianscope.ui.explain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.FeatureMap;
import org.hessianscope.arch.ParameterLayout;
import org.hessianscope.arch.Stage;
import org.hessianscope.bounds.BoundHierarchy;
import org.hessianscope.bounds.LayerNorm;
import org.hessianscope.bounds.LayerNorms;
import org.hessianscope.bounds.ToeplitzOperator;
import org.hessianscope.figure.ColourScale;
import org.hessianscope.train.PyTorchInit;
import org.hessianscope.ui.builder.BuilderViewModel;
import org.hessianscope.ui.runs.RunItem;
import org.hessianscope.ui.runs.RunsViewModel;

/**
 * The Explain panel's Toeplitz picture: for a chosen conv layer and a chosen pair of channels
 * (output o, input c) the k×k kernel W[o, c] and the block of the layer's Toeplitz matrix T it makes
 * on a small n×n input (T on C_in maps is a grid of such blocks, one per channel pair), from the
 * bounds package; and the layer's operator norms ‖T‖₂ and ‖Q‖, the numbers Lemma 2 multiplies,
 * from {@link LayerNorms} on the network's real maps, as {@code hessianscope bounds} prints them.
 * The weights are the selected run's trained ones, or the builder spec's PyTorch initialisation
 * for its seed when no run is selected.
 */
public final class ExplainViewModel {

    /**
     * What the heat maps draw; {@code matrix} is (n−k+1)² × n², {@code scale} the colour scale both
     * share (symmetric about 0, so zero sits in the middle of the colour bar).
     */
    public record Picture(int layer, int outChannel, int inChannel, double[][] kernel, double[][] matrix,
                          ColourScale scale, String caption) {
    }

    private final BuilderViewModel builder;
    private final RunsViewModel runs;
    private final Executor background;
    private final Executor fx;
    private final IntegerProperty layer = new SimpleIntegerProperty(1);
    private final IntegerProperty inputSize = new SimpleIntegerProperty(5);
    private final IntegerProperty outChannel = new SimpleIntegerProperty(1);
    private final IntegerProperty inChannel = new SimpleIntegerProperty(1);
    private final ReadOnlyIntegerWrapper layers = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyIntegerWrapper outChannels = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyIntegerWrapper inChannels = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyObjectWrapper<Picture> picture = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper norms = new ReadOnlyStringWrapper("");
    /** Which request the norms line answers: a late answer for an older network is dropped. */
    private volatile long normsRequest;
    private NormsKey normsShown;
    /** Set by the drill-down from the builder's shape table: the builder's network, not the selected run's. */
    private boolean builderShown;

    /** Computes the layer norms on the calling thread: for tests and tools without a window. */
    public ExplainViewModel(BuilderViewModel builder, RunsViewModel runs) {
        this(builder, runs, Runnable::run, Runnable::run);
    }

    /** {@code background} computes the layer norms of a network without a stored analysis; {@code fx} shows them. */
    public ExplainViewModel(BuilderViewModel builder, RunsViewModel runs, Executor background, Executor fx) {
        this.builder = builder;
        this.runs = runs;
        this.background = background;
        this.fx = fx;
        layer.addListener(o -> update());
        inputSize.addListener(o -> update());
        outChannel.addListener(o -> update());
        inChannel.addListener(o -> update());
        builder.specProperty().addListener(o -> update());
        builder.seedProperty().addListener(o -> update());
        runs.selectedProperty().addListener((o, was, now) -> {
            builderShown = false;
            update();
        });
        update();
    }

    /**
     * The shape table's drill-down: shows conv layer {@code l} (1-based) of the builder's network, even
     * while a run is selected (selecting a run afterwards shows that run's trained layer again).
     */
    public void show(int l) {
        builderShown = true;
        layer.set(l);
        update();
    }

    /** The run whose weights are drawn, or null for the builder's network. */
    private RunItem run() {
        return builderShown ? null : runs.selectedProperty().get();
    }

    /** The network the picture is of: the selected run's, else the builder's. */
    private ArchitectureSpec spec() {
        RunItem run = run();
        return run != null ? run.spec() : builder.specProperty().get();
    }

    private void update() {
        RunItem run = run();
        ArchitectureSpec spec = spec();
        if (spec == null) {
            picture.set(null);
            norms.set("");
            return;
        }
        if (run != null && !run.weightsRead()) {
            // A reopened run's weights are still being read: read them off the JavaFX thread (a restored session
            // selects its run before the readers reach it, and reading it here held that thread 200 ms) and draw
            // the picture then; until then the previous one stays.
            background.execute(() -> {
                RuntimeException failed = null;
                try {
                    run.run();
                } catch (RuntimeException e) {
                    failed = e;
                }
                RuntimeException error = failed;
                fx.execute(() -> {
                    if (run() != run) {
                        return;
                    }
                    if (error == null) {
                        update();
                    } else {
                        picture.set(null);
                        norms.set("The weights of " + run.name() + " could not be read: " + error.getMessage());
                    }
                });
            });
            return;
        }
        double[] theta = run != null ? run.run().weights() : PyTorchInit.initialise(spec, builder.seedProperty().get());
        layers.set(spec.layers());
        int l = Math.max(1, Math.min(spec.layers(), layer.get()));
        Stage.Conv conv = conv(spec, l);
        outChannels.set(conv.out().channels());
        inChannels.set(conv.in().channels());
        int o = Math.max(1, Math.min(conv.out().channels(), outChannel.get()));
        int c = Math.max(1, Math.min(conv.in().channels(), inChannel.get()));
        int k = conv.kernel();
        int n = Math.max(k, inputSize.get());
        ParameterLayout.Tensor t = spec.parameterLayout().tensor("conv" + l + ".weight").orElseThrow();
        // W[o, c] of the [C_out, C_in, k, k] row-major tensor.
        int from = t.offset() + ((o - 1) * conv.in().channels() + (c - 1)) * k * k;
        double[][] kernel = new double[k][k];
        double[] flat = new double[k * k];
        for (int i = 0; i < k * k; i++) {
            flat[i] = theta[from + i];
            kernel[i / k][i % k] = flat[i];
        }
        // Block (o, c) of T is the Toeplitz matrix of the one filter W[o, c] on one n×n map (the test
        // checks it against the block cut out of the whole layer's matrix).
        double[][] matrix = ToeplitzOperator.conv2d(1, k, flat, new FeatureMap(1, n, n)).matrix().toDense();
        double max = 0;
        for (double w : flat) {
            max = Math.max(max, Math.abs(w));
        }
        ColourScale scale = new ColourScale(-max, max, false);
        String source = run != null ? "trained weights of " + run.folder().getFileName()
                : "the builder's spec, initialised with seed " + builder.seedProperty().get();
        picture.set(new Picture(l, o, c, kernel, matrix, scale, String.format(Locale.ROOT,
                "conv%d: the %d×%d kernel W[%d, %d] (output channel %d of %d, input channel %d of %d; %s) and its "
                        + "block of the Toeplitz matrix T on a %d×%d input: %d rows (output pixels) × %d columns "
                        + "(input pixels). T of the whole layer is a grid of %d × %d such blocks, one per channel "
                        + "pair. Each row is the kernel laid over one output position; the same weights repeat "
                        + "down shifted diagonals.",
                l, k, k, o, c, o, conv.out().channels(), c, conv.in().channels(), source, n, n, matrix.length,
                matrix[0].length, conv.out().channels(), conv.in().channels())));
        updateNorms(run, spec, theta, l);
    }

    private record NormsKey(ArchitectureSpec spec, double[] theta, int layer) {
    }

    /**
     * The layer's ‖T‖₂ and ‖Q‖: from the run's stored bounds when it has them, else computed off the
     * JavaFX thread by the same {@link LayerNorms} the bounds analysis and {@code hessianscope bounds} use.
     */
    private void updateNorms(RunItem run, ArchitectureSpec spec, double[] theta, int l) {
        NormsKey key = new NormsKey(spec, theta, l);
        if (normsShown != null && normsShown.spec() == spec && java.util.Arrays.equals(normsShown.theta(), theta)
                && normsShown.layer() == l) {
            return;
        }
        normsShown = key;
        long request = normsRequest + 1;
        normsRequest = request;
        BoundHierarchy stored = run == null || run.analysisProperty().get() == null ? null
                : run.analysisProperty().get().bounds();
        if (stored != null) {
            norms.set(normsText(stored.layers(), l, String.format(Locale.ROOT,
                    "; with them Lemma 2 bounds ‖H_O‖ by 10^%.1f (the run's stored bounds analysis)",
                    stored.lemma2Actual().log10())));
            return;
        }
        norms.set("conv" + l + ": computing ‖T‖₂ and ‖Q‖ on the network's maps…");
        background.execute(() -> {
            if (request != normsRequest) {
                return; // the user has moved on; a newer request is queued behind this one
            }
            String text;
            try {
                LayerNorm n = LayerNorms.of(spec, theta, "conv" + l);
                text = normsText(n, "; chart 3 shows what Lemma 2 makes of every layer's norms once a run is analysed");
            } catch (RuntimeException e) {
                text = "conv" + l + ": no layer norms: " + e.getMessage();
            }
            String shown = text;
            fx.execute(() -> {
                if (request == normsRequest) {
                    norms.set(shown);
                }
            });
        });
    }

    /** The line under the picture: the layer's norms (as {@code hessianscope bounds} prints them), then {@code more}. */
    static String normsText(LayerNorm n, String more) {
        return String.format(Locale.ROOT, "%s on its %s input: ‖T‖₂ = %.4g, ‖Q‖ = %.4g, largest |weight| = %.4g%s.",
                n.layer(), n.inputMap(), n.toeplitzNorm().value(), n.qNorm().value(), n.maxAbsWeight(), more);
    }

    /** With every layer's norms (a stored analysis): what Lemma 2 with the true norms takes from them. */
    static String normsText(List<LayerNorm> all, int l, String bound) {
        LayerNorm mine = all.stream().filter(n -> n.layer().equals("conv" + l)).findFirst().orElseThrow();
        LayerNorm widest = all.stream().max(java.util.Comparator.comparingDouble(n -> n.toeplitzNorm().value()))
                .orElseThrow();
        double q = all.stream().mapToDouble(n -> n.qNorm().value()).max().orElseThrow();
        return normsText(mine, String.format(Locale.ROOT, ". Lemma 2 takes the largest over the layers: "
                + "w_T = max ‖T‖₂ = %.4g (%s), q = max ‖Q‖ = %.4g%s", widest.toeplitzNorm().value(), widest.layer(),
                q, bound));
    }

    private static Stage.Conv conv(ArchitectureSpec spec, int l) {
        Optional<Stage.Conv> c = spec.stages().stream().filter(s -> s instanceof Stage.Conv)
                .map(s -> (Stage.Conv) s).filter(s -> s.name().equals("conv" + l)).findFirst();
        return c.orElseThrow();
    }

    public IntegerProperty layerProperty() {
        return layer;
    }

    public IntegerProperty inputSizeProperty() {
        return inputSize;
    }

    /** The block's output channel, 1-based (clamped to the layer's channels when drawn). */
    public IntegerProperty outChannelProperty() {
        return outChannel;
    }

    /** The block's input channel, 1-based. */
    public IntegerProperty inChannelProperty() {
        return inChannel;
    }

    /** The conv layers of the network shown: the layer chooser's range. */
    public ReadOnlyIntegerProperty layersProperty() {
        return layers.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty outChannelsProperty() {
        return outChannels.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty inChannelsProperty() {
        return inChannels.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Picture> pictureProperty() {
        return picture.getReadOnlyProperty();
    }

    /** The chosen layer's operator norms and what Lemma 2 makes of them; empty while there is no network. */
    public ReadOnlyStringProperty normsProperty() {
        return norms.getReadOnlyProperty();
    }
}
