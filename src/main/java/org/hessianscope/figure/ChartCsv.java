package org.hessianscope.figure;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data a chart draws as CSV: column 1 is x, then one column per series (interval series
 * add "centre", "low" and "high" columns), rows aligned on x and empty where a series has no point.
 * A series with several points at one x (a scatter) gets one row per point.
 * Values are the drawn ones, i.e. after reduction to display resolution.
 */
public final class ChartCsv {
    private ChartCsv() {
    }

    public static String of(JFreeChart chart) {
        List<String> header = new ArrayList<>();
        List<double[][]> columns = new ArrayList<>(); // per column: {x values, y values}
        for (XYPlot plot : xyPlots(chart.getPlot())) {
            for (int d = 0; d < plot.getDatasetCount(); d++) {
                XYDataset ds = plot.getDataset(d);
                if (ds == null) {
                    continue;
                }
                for (int s = 0; s < ds.getSeriesCount(); s++) {
                    String key = String.valueOf(ds.getSeriesKey(s));
                    // XYSeriesCollection is an IntervalXYDataset too (for bar widths); only
                    // y-interval series carry a band worth writing.
                    boolean band = ds instanceof YIntervalSeriesCollection;
                    header.add(band ? key + " centre" : key);
                    columns.add(column(ds, s, 0));
                    if (ds instanceof XYZDataset) {
                        // A heat map: its z beside its y, one row per grid point.
                        header.add(key + " z");
                        columns.add(column(ds, s, 3));
                    }
                    if (band) {
                        header.add(key + " low");
                        columns.add(column(ds, s, 1));
                        header.add(key + " high");
                        columns.add(column(ds, s, 2));
                    }
                }
            }
        }
        // x → rows at that x; each row has one cell per column.
        TreeMap<Double, List<Double[]>> rows = new TreeMap<>();
        for (int c = 0; c < columns.size(); c++) {
            double[][] col = columns.get(c);
            for (int i = 0; i < col[0].length; i++) {
                List<Double[]> at = rows.computeIfAbsent(col[0][i], x -> new ArrayList<>());
                Double[] row = null;
                for (Double[] r : at) {
                    if (r[c] == null) {
                        row = r;
                        break;
                    }
                }
                if (row == null) {
                    row = new Double[columns.size()];
                    at.add(row);
                }
                row[c] = col[1][i];
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(csvField(xLabel(chart)));
        for (String h : header) {
            sb.append(',').append(csvField(h));
        }
        sb.append('\n');
        for (Map.Entry<Double, List<Double[]>> e : rows.entrySet()) {
            for (Double[] row : e.getValue()) {
                sb.append(e.getKey());
                for (Double v : row) {
                    sb.append(',');
                    if (v != null && Double.isFinite(v)) {
                        sb.append(v);
                    }
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** {x, value} of one series; part 0 is y, 1 the interval's low end, 2 its high end, 3 z. */
    private static double[][] column(XYDataset ds, int series, int part) {
        int n = ds.getItemCount(series);
        double[][] xy = new double[2][n];
        for (int i = 0; i < n; i++) {
            xy[0][i] = ds.getXValue(series, i);
            xy[1][i] = switch (part) {
                case 0 -> ds.getYValue(series, i);
                case 1 -> ((IntervalXYDataset) ds).getStartYValue(series, i);
                case 3 -> ((XYZDataset) ds).getZValue(series, i);
                default -> ((IntervalXYDataset) ds).getEndYValue(series, i);
            };
        }
        return xy;
    }

    private static List<XYPlot> xyPlots(Plot plot) {
        if (plot instanceof CombinedDomainXYPlot combined) {
            List<XYPlot> out = new ArrayList<>();
            for (Object p : combined.getSubplots()) {
                out.add((XYPlot) p);
            }
            return out;
        }
        if (plot instanceof XYPlot xy) {
            return List.of(xy);
        }
        throw new IllegalArgumentException("CSV export needs an XY chart, got " + plot.getPlotType());
    }

    private static String xLabel(JFreeChart chart) {
        Plot p = chart.getPlot();
        String label = p instanceof XYPlot xy ? xy.getDomainAxis().getLabel() : null;
        return label == null || label.isBlank() ? "x" : label;
    }

    static String csvField(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
