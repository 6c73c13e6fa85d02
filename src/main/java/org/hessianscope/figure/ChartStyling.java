package org.hessianscope.figure;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.BlockContainer;
import org.jfree.chart.block.ColumnArrangement;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.CompositeTitle;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.Color;
import org.jfree.chart.LegendItem;
import java.util.Optional;

/** Applies a {@link FigureStyle} to a finished chart: background, grid, fonts and the (titled) legend. */
final class ChartStyling {
    private ChartStyling() {
    }

    /** A chart around {@code plot}, titled unless paper style, with a legend of {@code legend} when non-null. */
    static JFreeChart chart(String title, Plot plot, LegendItemCollection legend, FigureStyle style) {
        JFreeChart chart = new JFreeChart(style.paper() ? null : Subscripts.render(title), style.titleFont(), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 6, 6));
        if (chart.getTitle() != null) {
            // "‖H_O‖": no Unicode subscript O, so the title lowers it itself (issue 17, defect 16);
            // always, since chart 2's live view retitles itself with an operator's name.
            chart.setTitle(new SubscriptTitle(chart.getTitle().getText(), style.titleFont()));
        }
        if (chart.getTitle() != null) {
            // The top tick label sits half a line above the plot: keep the title clear of it.
            chart.getTitle().setPadding(new RectangleInsets(1, 1, 1 + style.tickFont().getSize2D(), 1));
        }
        if (plot instanceof XYPlot xy) {
            xyPlot(xy, style);
            if (legend != null) {
                xy.setFixedLegendItems(style.legendBelow() ? headed(legend, style) : legend);
            }
        }
        if (legend != null && legend.getItemCount() > 0) {
            chart.addSubtitle(legend(plot, style));
        }
        return chart;
    }

    static void xyPlot(XYPlot plot, FigureStyle style) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.BLACK);
        plot.setDomainGridlinePaint(style.gridColour());
        plot.setRangeGridlinePaint(style.gridColour());
        plot.setDomainGridlinesVisible(true);
        plot.setRangeGridlinesVisible(true);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    static Title legend(Plot plot, FigureStyle style) {
        boolean right = !style.legendBelow()
                && (style.paper() || style.legendTitle() != null && !style.legendTitle().isBlank());
        // A legend beside the plot lists its entries in a column; one below it flows in rows.
        LegendTitle legend = right
                ? new LegendTitle(plot, new ColumnArrangement(), new ColumnArrangement())
                : new LegendTitle(plot);
        legend.setItemFont(style.legendFont());
        legend.setBackgroundPaint(Color.WHITE);
        legend.setFrame(BlockBorder.NONE);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        if (style.legendTitle() == null || style.legendTitle().isBlank() || style.legendBelow()) {
            legend.setPosition(right ? RectangleEdge.RIGHT : RectangleEdge.BOTTOM);
            return legend;
        }
        // JFreeChart's legend has no title of its own: stack a text title above it.
        BlockContainer column = new BlockContainer(new ColumnArrangement(HorizontalAlignment.LEFT,
                org.jfree.chart.ui.VerticalAlignment.TOP, 0, 2));
        TextTitle heading = new TextTitle(style.legendTitle(), FigureFonts.of(java.awt.Font.BOLD, style.legendFont().getSize2D()));
        heading.setHorizontalAlignment(HorizontalAlignment.LEFT);
        column.add(heading);
        column.add(legend);
        CompositeTitle titled = new CompositeTitle(column);
        titled.setPosition(right ? RectangleEdge.RIGHT : RectangleEdge.BOTTOM);
        titled.setBackgroundPaint(Color.WHITE);
        return titled;
    }

    /**
     * A legend in rows starts with its title as an entry without a swatch: JFreeChart lays a title
     * stacked above a flowing legend out in one clipped line.
     */
    private static LegendItemCollection headed(LegendItemCollection items, FigureStyle style) {
        if (style.legendTitle() == null || style.legendTitle().isBlank()) {
            return items;
        }
        LegendItem heading = new LegendItem(style.legendTitle() + ":", Color.WHITE);
        heading.setShapeVisible(false);
        heading.setLabelFont(FigureFonts.of(java.awt.Font.BOLD, style.legendFont().getSize2D()));
        LegendItemCollection out = new LegendItemCollection();
        out.add(heading);
        out.addAll(items);
        return out;
    }

    /** The legend's title text, when the chart has a titled legend. */
    static Optional<String> legendTitle(JFreeChart chart) {
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof CompositeTitle ct) {
                for (Object b : ct.getContainer().getBlocks()) {
                    if (b instanceof TextTitle t) {
                        return Optional.of(t.getText());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
