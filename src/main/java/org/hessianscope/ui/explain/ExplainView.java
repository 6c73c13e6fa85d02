package org.hessianscope.ui.explain;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The teaching panel: what each chart shows in plain words, and a conv layer's Toeplitz matrix next to its kernel. */
public final class ExplainView extends ScrollPane {
    /** What the charts and the Landscape tab show; Help → User guide shows the same words. */
    public static final String TEXT = """
            What the charts show

            1  Loss difference. Lₖ is the mean cross-entropy over the first k training samples. Adding sample k+1 \
            changes it by |Lₖ₊₁ − Lₖ| = |ℓₖ₊₁ − Lₖ| / (k+1): the new sample's surprise, shrunk by the \
            number already seen. The curve is averaged over random orderings of the samples; the shaded band holds \
            the middle half (25–75 %) of orderings; the dashed curve is the exact root mean square over all \
            orderings; the thick curve is smoothed as in the paper; the dotted line is the bound 2·max|ℓ|/(k+1). \
            When the curve falls fast, the landscape has settled: more data barely moves it.

            2  Hessian spectrum. The Hessian H is the curvature of the mean loss in all parameters at once. Its \
            largest eigenvalues (stems) say how sharply the loss curves in its steepest directions. H splits into \
            H_O = JᵀAJ, the Gauss-Newton part from the network's output Jacobian J and the softmax curvature \
            A = diag(p) − ppᵀ, and the rest H_F. Toggle each to compare.

            3  Bound versus measured. The paper bounds ‖H_O‖ by a product of layer norms that grows exponentially \
            with the number of layers L. Red: the paper's bound; orange: the same lemma with the layers' true \
            operator norms; blue: the measured largest per-sample ‖H_O,i‖. The gap is in orders of magnitude.

            4  Per-sample curvature. Each dot is one training sample: its ‖H_O,i‖ against its loss. Below, \
            ‖H_F,i‖/‖H_O,i‖ on a subset: above the dashed line at 1 the Gauss-Newton approximation fails, which \
            happens for samples the network gets confidently wrong. Click a dot to see the image.

            The Landscape tab draws the loss itself on a plane through the trained weights: w = θ + αv₁ + βv₂, \
            with θ the trained weights and v₁, v₂ two directions (the Hessian's top eigenvectors, random \
            filter-normalised directions, or the line from the initial weights).

            Loss map and 3D surface. Colour (and in 3D, height) is the loss Lₖ at each point; the cross is the \
            trained network. A flat, wide valley means the loss hardly changes when the weights move, so small \
            changes in the data or the weights barely matter; a sharp, narrow valley means a small step raises the \
            loss fast. Along a Hessian eigenvector with eigenvalue λ the valley curves like ½λα²: a large λ is a \
            sharp direction. The k slider redraws the surface for the first k samples, from L₁₀₀ to the whole subset's L: as k \
            grows the surface stops moving, which is the convergence the loss-difference chart measures at one point.

            Quadratic model. The dashed lines are Lₖ(θ) + gᵀΔ + ½ΔᵀHΔ, the paper's second-order picture built \
            from the slope and curvature at the trained weights alone. It is exact near the cross and fails far \
            from it: the network's ReLUs switch on and off and the softmax saturates, so the true loss bends away \
            from the parabola, above or below it. The 1D slice shows the same along v₁: \
            true loss solid, model dashed; where they part, the second-order theory stops holding.

            Loss-difference map. σ²(w) is the variance of the per-sample losses at w. Adding one random sample \
            changes the mean loss on average by E[(Lₖ₊₁ − Lₖ)²] = σ²(w)/(k(k+1)) over orderings, exactly, at \
            every point and every k. So this map is the expected squared loss difference up to the factor \
            1/(k(k+1)): where the samples disagree (σ² large) the landscape still moves when data are added; \
            where they agree it has settled.

            Δ around the trained weights. The loss-difference map looks at one point at a time; Δₖ₊₁(σ) looks \
            at a whole neighbourhood: it draws many weight vectors w at random around the trained weights, at a \
            typical distance σ (a σ-ball around θ), and averages the squared change (Lₖ₊₁(w) − Lₖ(w))² that one \
            more sample makes there. Each solid curve is that average against k for one σ, with its standard error; \
            the dashed curve of the same colour is what the quadratic model of the trained weights predicts. For \
            small σ the two agree, and Δ is the loss difference at the trained weights themselves. For large σ the \
            draws land where ReLUs have switched and the softmax has saturated, which the slope and curvature at one \
            point cannot know, so the solid curve leaves the dashed one: the second-order picture holds only near θ.

            A convolution is a matrix. A network is T⁽ᴸ⁺¹⁾Λ⁽ᴸ⁾ … Λ⁽¹⁾T⁽¹⁾x: each convolution is multiplication \
            by a Toeplitz matrix T (at the top of the Explain tab, for the chosen layer), each Λ a diagonal 0/1 \
            matrix from the ReLU.""";

    private final ExplainViewModel vm;

    public ExplainView(ExplainViewModel vm) {
        this.vm = vm;
        setId("explain");
        Label text = new Label(TEXT);
        text.setWrapText(true);
        text.setMaxWidth(860);
        Spinner<Integer> layer = chooser("explain-layer", vm.layerProperty(), vm.layersProperty(),
                "The conv layer whose Toeplitz matrix is drawn; a click on its row of the builder's shape table "
                        + "chooses it too");
        Spinner<Integer> out = chooser("explain-out-channel", vm.outChannelProperty(), vm.outChannelsProperty(),
                "The output channel o of the block drawn: the block of T that maps input channel c to output channel o");
        Spinner<Integer> in = chooser("explain-in-channel", vm.inChannelProperty(), vm.inChannelsProperty(),
                "The input channel c of the block drawn");
        Spinner<Integer> size = new Spinner<>(3, 12, vm.inputSizeProperty().get());
        size.valueProperty().addListener((o, a, b) -> vm.inputSizeProperty().set(b));
        size.setId("explain-input-size");
        size.setPrefWidth(76);
        size.setTooltip(new Tooltip("The side n of the small n×n input the block is drawn for; the network's own "
                + "maps are larger and give the norms below."));
        HeatMap kernel = new HeatMap(120);
        kernel.setId("kernel-heatmap");
        HeatMap matrix = new HeatMap(420);
        matrix.setId("toeplitz-heatmap");
        ColourBar bar = new ColourBar();
        bar.setId("toeplitz-colour-bar");
        Label caption = new Label();
        caption.setId("explain-caption");
        caption.setWrapText(true);
        caption.setMaxWidth(860);
        Label norms = new Label();
        norms.setId("explain-norms");
        norms.setWrapText(true);
        norms.setMaxWidth(860);
        norms.textProperty().bind(vm.normsProperty());
        vm.pictureProperty().addListener((o, a, p) -> show(p, kernel, matrix, bar, caption));
        show(vm.pictureProperty().get(), kernel, matrix, bar, caption);
        // The picture first: the shape table's drill-down lands here, and the words follow below it.
        VBox box = new VBox(10,
                new FlowPane(8, 6, new Label("conv layer"), layer, new Label("output channel o"), out,
                        new Label("input channel c"), in, new Label("input n×n, n ="), size),
                caption, norms, new HBox(24, new VBox(4, new Label("kernel W[o, c]"), kernel),
                new VBox(4, new Label("Toeplitz block T[o, c]"), new HBox(8, matrix, bar))), text);
        box.setPadding(new Insets(12));
        setContent(box);
        setFitToWidth(true);
    }

    public ExplainViewModel model() {
        return vm;
    }

    /** A 1-based chooser that follows {@code value} both ways and whose maximum follows {@code count}. */
    private static Spinner<Integer> chooser(String id, javafx.beans.property.IntegerProperty value,
                                            javafx.beans.value.ObservableIntegerValue count, String tip) {
        SpinnerValueFactory.IntegerSpinnerValueFactory f =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, Math.max(1, count.get()), value.get());
        count.addListener((o, was, now) -> f.setMax(Math.max(1, now.intValue())));
        f.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                value.set(now);
            }
        });
        value.addListener((o, was, now) -> f.setValue(now.intValue()));
        Spinner<Integer> s = new Spinner<>(f);
        s.setId(id);
        s.setPrefWidth(76);
        s.setTooltip(new Tooltip(tip + "."));
        return s;
    }

    private static void show(ExplainViewModel.Picture p, HeatMap kernel, HeatMap matrix, ColourBar bar, Label caption) {
        if (p == null) {
            caption.setText("Fix the architecture in the builder to see its Toeplitz matrices.");
            return;
        }
        kernel.draw(p.kernel(), p.scale());
        matrix.draw(p.matrix(), p.scale());
        bar.draw(p.scale(), matrix.getHeight());
        caption.setText(p.caption());
    }
}
