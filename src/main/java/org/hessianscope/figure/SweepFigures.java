package org.hessianscope.figure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hessianscope.experiment.PointResult;
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
 * {@link org.hessianscope.experiment.SweepReport#write} is handed.
 */
public final class SweepFigures {
    public static final List<String> NAMES = List.of("lossdiff", "lossdiff-exact", "bounds");
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
        written.addAll(write(lossDifference(result, style), dir, "lossdiff"));
        written.addAll(write(exact(result, style), dir, "lossdiff-exact"));
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

    /** The per-model bound hierarchy against the swept value; null when no point has bounds. */
    public static JFreeChart bounds(SweepResult result, FigureStyle style) {
        List<BoundLevels> levels = new ArrayList<>();
        for (PointResult p : result.points()) {
            if (p.analysis().bounds() != null) {
                levels.add(BoundLevels.of(SweepRow.x(p.point().value(), p.point().index()), p.analysis().bounds()));
            }
        }
        return levels.isEmpty() ? null : BoundFigure.chart(levels, plain(result.sweep().legendTitle()), style);
    }

    /** The authors' legend titles are matplotlib mathtext ("$L$ (num of layers)"); charts show them plain. */
    public static String plain(String title) {
        return title == null ? null : title.replace("$", "");
    }

    /** The authors plot k from 10,000 of 60,000 samples; the same fraction for other sizes. */
    static int authorsKMin(int n) {
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
