package org.hessianscope.figure;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import org.hessianscope.curvature.CurvatureOperator;
import org.hessianscope.curvature.LanczosStep;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Chart 2's live view while an analysis runs: the top Ritz values of the operator being
 * iterated against the Lanczos step. One chart for the whole analysis, whose dataset grows in
 * place ({@link #append}) and is redrawn once per batch; a new operator empties it and retitles it.
 */
public final class LanczosConvergence {
    private final FigureStyle style;
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    private final JFreeChart chart;
    private final List<LanczosStep> steps = new ArrayList<>();
    private CurvatureOperator operator;

    public LanczosConvergence(FigureStyle style) {
        this.style = style;
        XYPlot plot = new XYPlot(data, Axes.integer("Lanczos step", style), Axes.of("Ritz value", false, style),
                renderer);
        chart = ChartStyling.chart(title(null), plot, null, style);
        // Not a fixed legend: the Ritz values appear one by one and the legend follows the dataset.
        chart.addSubtitle(ChartStyling.legend(plot, style));
    }

    /** The same steps drawn in another style (the paper-style toggle while an analysis runs). */
    public LanczosConvergence restyled(FigureStyle other) {
        LanczosConvergence c = new LanczosConvergence(other);
        c.append(operator, steps);
        return c;
    }

    /** Adds steps of {@code op}, starting afresh when the operator changes; one redraw for the batch. */
    public void append(CurvatureOperator op, List<LanczosStep> batch) {
        if (op != operator) {
            operator = op;
            steps.clear();
            data.removeAllSeries();
            if (chart.getTitle() != null) {
                chart.getTitle().setText(title(op));
            }
        }
        for (LanczosStep step : batch) {
            steps.add(step);
            for (int i = 0; i < step.top().length; i++) {
                while (data.getSeriesCount() <= i) {
                    int s = data.getSeriesCount();
                    renderer.setSeriesPaint(s, Palette.colour(s));
                    renderer.setSeriesStroke(s, new BasicStroke(style.lineWidth()));
                    data.addSeries(new XYSeries(SpectrumFigure.ritzKey(s + 1), false, true));
                }
                data.getSeries(i).add(step.step(), step.top()[i], false);
            }
        }
        for (int i = 0; i < data.getSeriesCount(); i++) {
            data.getSeries(i).fireSeriesChanged();
        }
    }

    private static String title(CurvatureOperator op) {
        return op == null ? "Lanczos convergence" : "Lanczos convergence: " + SpectrumFigure.title(op);
    }

    public CurvatureOperator operator() {
        return operator;
    }

    public JFreeChart chart() {
        return chart;
    }
}
