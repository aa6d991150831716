package dlfs.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plain charts every chapter draws its own data with, and the one place the kit's XY charts are
 * made: {@link #xy} (an empty, styled chart whose axes fit any finite data), {@link #addLine} (a
 * line in the next colour of the cycle), and on top of them ch1's {@link #line} and {@link #lines}
 * (sin and cos), {@link #scatter} and {@link #bar}. Every other chart of the package starts from
 * {@link #xy} and draws its curves with {@link #addLine}. Notebooks reach these through
 * {@link Plots}.
 */
public final class BasicCharts {

    private BasicCharts() {
    }

    /**
     * An empty, styled XY chart of the default size: add lines with
     * {@link #addLine(XYChart, String, double[], double[])} (or XChart's own {@code chart.addSeries}).
     *
     * <p>The chart fits its axes when painted, to whatever data it holds then: an axis whose
     * values are all equal spans ±10% around them (±1 around zero) instead of collapsing, and
     * values beyond ±1e300 are drawn at a scale of 1e-20 with true tick labels,
     * so even data from -Double.MAX_VALUE to Double.MAX_VALUE is placed. Other axes are XChart's
     * own; ranges set with the styler are kept.
     */
    public static XYChart xy(String title, String xLabel, String yLabel) {
        return xy(title, xLabel, yLabel, Charts.WIDTH, Charts.HEIGHT);
    }

    /** An empty, styled XY chart of the given size in pixels. */
    public static XYChart xy(String title, String xLabel, String yLabel, int width, int height) {
        Charts.checkSize(width, height);
        XYChart chart = new FittedXYChart(new XYChartBuilder().width(width).height(height)
            .title(title == null ? "" : title).xAxisTitle(xLabel == null ? "" : xLabel)
            .yAxisTitle(yLabel == null ? "" : yLabel));
        Charts.style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(6);
        return chart;
    }

    /**
     * One curve y(x) (ch1's first {@code plt.plot(x, y)}); the legend is hidden. A single point is
     * drawn as a dot.
     */
    public static XYChart line(double[] x, double[] y, String title) {
        checkSeries("line", "x", "y", x, y);
        XYChart chart = xy(title, "x", "y");
        addLine(chart, "y", x, y);
        chart.getStyler().setLegendVisible(false);
        return chart;
    }

    /** Several curves over the same x, one legend entry each (ch1: "sin" and "cos"); no curves give an empty chart. */
    public static XYChart lines(double[] x, Map<String, double[]> ys, String title) {
        XYChart chart = xy(title, "x", "y");
        for (Map.Entry<String, double[]> e : ys.entrySet()) {
            checkSeries("lines", "x", "series " + Ranges.quote(e.getKey()), x, e.getValue());
            addLine(chart, e.getKey(), x, e.getValue());
        }
        return chart;
    }

    /** Points (x_i, y_i) without lines. */
    public static XYChart scatter(double[] x, double[] y, String title, String xLabel, String yLabel) {
        checkSeries("scatter", "x", "y", x, y);
        XYChart chart = xy(title, xLabel, yLabel);
        XYSeries s = chart.addSeries("points", x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        chart.getStyler().setLegendVisible(false);
        return chart;
    }

    /** A bar chart of named values (e.g. test accuracy per network). */
    public static CategoryChart bar(String[] labels, double[] values, String title, String yLabel) {
        if (labels.length != values.length) {
            throw new IllegalArgumentException("bar: " + labels.length + " labels but " + values.length + " values");
        }
        Ranges.checkNonEmpty("bar", values);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("bar: value " + i + " (" + Ranges.quote(labels[i]) + ") is " + values[i]);
            }
        }
        CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
            .title(title == null ? "" : title).yAxisTitle(yLabel == null ? "" : yLabel).build();
        Charts.style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setAvailableSpaceFill(0.6);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(new java.awt.Font(Charts.font(), java.awt.Font.PLAIN, 11));
        List<String> xs = Arrays.asList(labels);
        List<Double> ys = new ArrayList<>();
        for (double v : values) {
            ys.add(v);
        }
        chart.addSeries("values", xs, ys);
        return chart;
    }

    /**
     * Adds a line series to a chart from {@link #xy}: the next colour of the cycle, width 2, no
     * markers (a single point, or points that all coincide, get a dot: a line would not show), and readable
     * x ticks even for hundreds of equally spaced x values.
     *
     * @throws IllegalArgumentException when x and y differ in length, are empty, or hold NaN or
     *         infinite values (the message names the series)
     */
    public static XYSeries addLine(XYChart chart, String name, double[] x, double[] y) {
        checkSeries("addLine", "x of series " + Ranges.quote(name), "series " + Ranges.quote(name), x, y);
        int colour = (int) chart.getSeriesMap().values().stream()
            .filter(o -> o.isShowInLegend() && !o.getName().equals(TICK_FIX)).count();
        XYSeries s = chart.addSeries(name, x, y);
        s.setLineColor(Charts.color(colour));
        s.setMarkerColor(Charts.color(colour));
        tidyXTicks(chart, x);
        s.setMarker(isDot(x, y) ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        s.setLineWidth(2f);
        return s;
    }

    /** True when all points of a series coincide (up to rounding): a line through them would not show. */
    private static boolean isDot(double[] x, double[] y) {
        double[] xr = Ranges.finiteMinMax(x);
        double[] yr = Ranges.finiteMinMax(y);
        return Ranges.isFlat(xr[0], xr[1]) && Ranges.isFlat(yr[0], yr[1]);
    }

    /**
     * XChart 3.8.8 puts an x tick at every x value when all x values are equally spaced (as from
     * arange or linspace), which crowds the axis with overlapping labels once there are more than
     * a few. One invisible point off that spacing (NaN y: nothing is drawn) restores its normal
     * "nice number" ticks.
     */
    private static void tidyXTicks(XYChart chart, double[] x) {
        if (x.length <= 12 || chart.getSeriesMap().containsKey(TICK_FIX)) {
            return;
        }
        // a third of the way from x[0] to x[1], inside the data (and finite even for huge steps)
        double third = Ranges.lerp(Math.min(x[0], x[1]), Math.max(x[0], x[1]), 1.0 / 3);
        XYSeries s = chart.addSeries(TICK_FIX, new double[] {third}, new double[] {Double.NaN});
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    /** Name of the invisible tick-spacing series (not shown in the legend). */
    public static final String TICK_FIX = "_xticks";

    /** Same length, at least one value, all finite: what every series of a chart needs. */
    private static void checkSeries(String op, String xWhat, String yWhat, double[] x, double[] y) {
        Ranges.checkSameLength(op, yWhat, y, xWhat, x);
        Ranges.checkNonEmpty(op + ": " + yWhat, y);
        Ranges.checkFinite(op, xWhat, x);
        Ranges.checkFinite(op, yWhat, y);
    }
}
