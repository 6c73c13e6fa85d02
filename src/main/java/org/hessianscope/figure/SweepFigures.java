package org.hessianscope.figure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hessianscope.experiment.NetworkStatistics;
import org.hessianscope.experiment.PointResult;
import org.hessianscope.experiment.SeedStatistics;
import org.hessianscope.experiment.SweepFigureWriter;
import org.hessianscope.experiment.SweepFile;
import org.hessianscope.experiment.SweepResult;
import org.hessianscope.experiment.SweepRow;
import org.jfree.chart.JFreeChart;

/**
 * A sweep's figures, each as PDF, SVG, PNG (2×) and the CSV of its curves:
 * {@code lossdiff} in the authors' style (the smoothed mean from k = N/6, which is their
 * k = 10,000 of 60,000), {@code lossdiff-exact} (the exact sqrt(E[ΔL_k²]) with the Monte
 * Carlo mean, from k = 1) and {@code bounds} (per model: the paper's bound, Lemma 2 with true
 * norms, and the measured max ‖H_O,i‖). Drawn here, from the experiment's results, so that the
 * numeric packages never load a chart library; {@link #WRITER} is what
 * {@link org.hessianscope.experiment.SweepReport#write} is handed. A sweep with several seeds
 * draws {@code lossdiff} and {@code lossdiff-exact} as the mean over seeds with the seeds' range
 * as a band ({@link SeedFigures}), and adds {@code seeds-tail} and {@code seeds-std}: the tail of
 * the curve and σ(ℓ) per network with their 95 % intervals, the numbers of its summary.
 */
public final class SweepFigures {
    public static final List<String> NAMES = List.of("lossdiff", "lossdiff-exact", "bounds");
    /** The figures a sweep with several seeds adds. */
    public static final List<String> SEED_NAMES = List.of("seeds-tail", "seeds-std");
    public static final List<String> FORMATS = List.of("pdf", "svg", "png", "csv");
    static final int WIDTH = 640;
    static final int HEIGHT = 440;
    /** {@link #write(SweepResult, Path)} as the results folder's figure step. */
    public static final SweepFigureWriter WRITER = SweepFigures::write;

    private SweepFigures() {
    }

    /** Writes every figure into {@code dir}; returns the files written. */
    public static List<Path> write(SweepResult result, Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        SweepFile sweep = result.sweep();
        FigureStyle style = FigureStyle.paper(plain(sweep.legendTitle()));
        if (sweep.seeded()) {
            int kMin = authorsKMin(result.points().get(0).analysis().n());
            double alpha = LossDifferenceLayers.authors().alpha();
            written.addAll(write(SeedFigures.curves(result.points(), SeedFigures.CurveKind.SMOOTHED, alpha, kMin, style),
                    dir, "lossdiff"));
            written.addAll(write(SeedFigures.curves(result.points(), SeedFigures.CurveKind.EXACT, alpha, 1, style), dir,
                    "lossdiff-exact"));
            List<NetworkStatistics> networks = networks(result);
            String x = plain(sweep.legendTitle());
            written.addAll(write(SeedFigures.metric(networks, "lossDifferenceTail", x, false, style), dir, "seeds-tail"));
            written.addAll(write(SeedFigures.metric(networks, "lossStd", x, false, style), dir, "seeds-std"));
        } else {
            written.addAll(write(lossDifference(result, style), dir, "lossdiff"));
            written.addAll(write(exact(result, style), dir, "lossdiff-exact"));
        }
        JFreeChart bounds = bounds(result, style);
        if (bounds != null) {
            written.addAll(write(bounds, dir, "bounds"));
        }
        return written;
    }

    public static JFreeChart lossDifference(SweepResult result, FigureStyle style) {
        int n = result.points().get(0).analysis().n();
        LossDifferenceLayers layers = LossDifferenceLayers.authors().withKMin(authorsKMin(n));
        return LossDifferenceFigure.chart(curves(result), layers, style);
    }

    public static JFreeChart exact(SweepResult result, FigureStyle style) {
        LossDifferenceLayers layers = new LossDifferenceLayers(true, LossDifferenceLayers.Band.NONE, true,
                LossDifferenceLayers.SmoothedCurve.NONE, LossDifferenceLayers.authors().alpha(), false, 1);
        return LossDifferenceFigure.chart(curves(result), layers, style);
    }

    /** Per network its numbers over seeds, made as the summary makes them. */
    public static List<NetworkStatistics> networks(SweepResult result) {
        return SeedStatistics.networks(result.points().stream().map(p -> SweepRow.of(result.sweep(), p)).toList());
    }

    /**
     * The per-model bound hierarchy against the swept value; null when no point has bounds. With
     * several seeds, per network the mean over its seeds with the 95 % interval of its summary
     * ({@link #networks}) and each seed's own levels faint ({@link SeedBoundFigure}).
     */
    public static JFreeChart bounds(SweepResult result, FigureStyle style) {
        if (result.points().stream().allMatch(p -> p.analysis().bounds() == null)) {
            return null;
        }
        // A point without bounds has NaN levels, which are not drawn.
        List<SweepRow> rows = result.points().stream().map(p -> SweepRow.of(result.sweep(), p)).toList();
        return bounds(result.sweep().seeded() ? SeedStatistics.networks(rows) : null, rows,
                plain(result.sweep().legendTitle()), style);
    }

    /**
     * Chart 3 of a sweep from its summary's numbers: {@code networks} (the summary's, null for a sweep
     * of one seed) and its {@code rows}; what {@code figure bounds --sweep} draws from summary.json.
     */
    public static JFreeChart bounds(List<NetworkStatistics> networks, List<SweepRow> rows, String xLabel,
                                    FigureStyle style) {
        List<BoundLevels> levels = rows.stream().map(BoundLevels::of).toList();
        return networks == null ? BoundFigure.chart(levels, xLabel, true, style)
                : SeedBoundFigure.chart(networks, levels, xLabel, true, style);
    }

    /** The authors' legend titles are matplotlib mathtext ("$L$ (num of layers)"); charts show them plain. */
    public static String plain(String title) {
        return title == null ? null : title.replace("$", "");
    }

    /** The authors plot k from 10,000 of 60,000 samples; the same fraction for other sizes. */
    public static int authorsKMin(int n) {
        return Math.max(1, Math.min(n - 1, (int) Math.ceil(n / 6.0)));
    }


    private static List<LabelledLossDifference> curves(SweepResult result) {
        List<LabelledLossDifference> out = new ArrayList<>();
        for (PointResult p : result.points()) {
            out.add(new LabelledLossDifference(p.point().value(), p.analysis().lossDifference(), p.point().index()));
        }
        return out;
    }

    private static List<Path> write(JFreeChart chart, Path dir, String name) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String ext : FORMATS) {
            Path f = dir.resolve(name + "." + ext);
            if (ext.equals("csv")) {
                FigureExport.writeCsv(chart, f);
            } else {
                FigureExport.write(chart, f, WIDTH, HEIGHT, 2);
            }
            files.add(f);
        }
        return files;
    }
}
