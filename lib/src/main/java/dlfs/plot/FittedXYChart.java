package dlfs.plot;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;

/**
 * The XY chart that {@link BasicCharts#xy} (and so every XY helper) returns: an ordinary
 * {@link XYChart} whose axes are fitted, just before each paint, to the data then in the chart
 * (series added later with XChart's own {@code addSeries} included). An axis is left to XChart
 * unless XChart would draw it wrongly or not at all:
 * <ul>
 *   <li>all values equal, or spread by rounding noise only ({@link Ranges#isFlat}): the axis
 *       spans a range around them, ±10% (±1 around zero), so a constant curve is a flat line
 *       in the middle instead of a blank plot or a tick label thousands of digits long;</li>
 *   <li>values beyond ±1e300 (up to {@link Double#MAX_VALUE}, where even the span can
 *       overflow): the axis is drawn from the values times 1e-20 (order is kept, and the error
 *       is far below a pixel) and the tick labels show the true values, round numbers
 *       included;</li>
 *   <li>a logarithmic axis whose values are all equal: a decade either side;</li>
 *   <li>x values that are equally spaced (and y values too, when the y axis has a label
 *       formatter): XChart 3.8.8 then puts a tick at each value and drops labels until they fit
 *       and differ, a loop that never ends when even two labels do not (long numbers, equal
 *       labels). Unless the values are a few small integers such as epochs, an invisible point
 *       between the first two breaks the spacing and XChart picks its usual "nice" ticks.</li>
 * </ul>
 * A range set with the styler ({@code setXAxisMin}/{@code setXAxisMax}) is kept, and is only
 * widened when it is empty. Everything is undone after the paint: a caller reading the series
 * or the styler back sees what it put in.
 */
final class FittedXYChart extends XYChart {

    /** Axis values beyond this in magnitude are scaled down for drawing. */
    static final double HUGE = 1e300;
    /** The scale applied to such an axis: a power of ten (so round ticks stay round), room for any span. */
    static final double SHRINK = 1e-20;
    private static final int SHRINK_EXPONENT = -20;

    FittedXYChart(XYChartBuilder builder) {
        super(builder);
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        List<Runnable> undo = new ArrayList<>();
        try {
            fit(true, undo);
            boolean oneYAxis = getSeriesMap().values().stream().allMatch(s -> s.getYAxisGroup() == 0);
            if (oneYAxis) {
                fit(false, undo);
            }
            avoidEquallySpacedTicks(true, undo);
            if (getStyler().getyAxisTickLabelsFormattingFunction() != null) {
                avoidEquallySpacedTicks(false, undo);
            }
            super.paint(g, width, height);
        } finally {
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
        }
    }

    private void fit(boolean x, List<Runnable> undo) {
        XYStyler s = getStyler();
        boolean log = x ? s.isXAxisLogarithmic() : s.isYAxisLogarithmic();
        Double setMin = x ? s.getXAxisMin() : s.getYAxisMin();
        Double setMax = x ? s.getXAxisMax() : s.getYAxisMax();
        double[] data = dataRange(x, log);
        double lo = setMin != null ? setMin : data[0];
        double hi = setMax != null ? setMax : data[1];
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return;                      // no finite data (or an infinite bound someone set): XChart's business
        }
        boolean reversed = hi < lo;      // a min set above the max
        if (reversed) {
            double t = lo;
            lo = hi;
            hi = t;
        }
        if (log) {
            if (lo > 0 && !(hi > lo * (1 + 1e-9))) {
                setRange(x, Math.max(Double.MIN_VALUE, lo / 10), Math.min(Double.MAX_VALUE, hi * 10), undo);
            }
            return;
        }
        double[] r = Ranges.widen(lo, hi);          // in true units, so it stays within ±MAX_VALUE
        boolean widened = r[0] != lo || r[1] != hi;
        boolean shrink = Math.max(Math.abs(r[0]), Math.abs(r[1])) > HUGE;
        double f = shrink ? SHRINK : 1;
        if (shrink) {
            scaleData(x, undo);
            relabel(x, r[0] * f, r[1] * f, undo);
        }
        if (widened || reversed || (shrink && (setMin != null || setMax != null))) {
            setRange(x, r[0] * f, r[1] * f, undo);
        }
    }

    /** Names of the invisible points that {@link #avoidEquallySpacedTicks} adds for one paint. */
    private static final String X_SPACING_BREAK = "_xspacing";
    private static final String Y_SPACING_BREAK = "_yspacing";

    private void avoidEquallySpacedTicks(boolean x, List<Runnable> undo) {
        XYStyler s = getStyler();
        String name = x ? X_SPACING_BREAK : Y_SPACING_BREAK;
        if ((x ? s.isXAxisLogarithmic() : s.isYAxisLogarithmic()) || getSeriesMap().containsKey(name)) {
            return;
        }
        double[] data = dataRange(x, false);
        Double setMin = x ? s.getXAxisMin() : s.getYAxisMin();
        Double setMax = x ? s.getXAxisMax() : s.getYAxisMax();
        double min = setMin != null ? setMin : data[0];
        double max = setMax != null ? setMax : data[1];
        // the values XChart looks at: axis min, every series' values in order, axis max, each once
        java.util.Set<Double> seen = new java.util.LinkedHashSet<>();
        seen.add(min);
        for (XYSeries series : getSeriesMap().values()) {
            for (double v : x ? series.getXData() : series.getYData()) {
                seen.add(v);
            }
        }
        seen.add(max);
        double[] v = seen.stream().mapToDouble(Double::doubleValue).toArray();
        if (!Double.isFinite(min) || !Double.isFinite(max) || !equallySpaced(v, min, max) || fewSmallIntegers(v)) {
            return;
        }
        double between = Ranges.lerp(Math.min(v[0], v[1]), Math.max(v[0], v[1]), 1.0 / 3);
        double[] other = dataRange(!x, false);    // the point sits at a value the other axis has anyway
        double at = Double.isFinite(other[0]) ? other[0] : 0;
        XYSeries dot = x ? addSeries(name, new double[] {between}, new double[] {Double.NaN})
                         : addSeries(name, new double[] {at}, new double[] {between});
        dot.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        dot.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.NONE);
        dot.setShowInLegend(false);
        undo.add(() -> removeSeries(name));
    }

    /** XChart 3.8.8's test (AxisTickCalculator_.areValuesEquallySpaced), with its absolute tolerance 1e-4. */
    private static boolean equallySpaced(double[] v, double min, double max) {
        if (v.length < 2 || !(Math.abs(max - min) >= 1e-4)) {
            return false;
        }
        double space = v[1] - v[0];
        for (int i = 1; i < v.length; i++) {
            if (!(Math.abs(v[i] - v[i - 1] - space) < 1e-4)) {
                return false;
            }
        }
        return true;
    }

    /** At most 12 values, all integers below 10000 in magnitude: short, distinct labels that always fit. */
    private static boolean fewSmallIntegers(double[] v) {
        if (v.length > 12) {
            return false;
        }
        for (double x : v) {
            if (x != Math.rint(x) || Math.abs(x) >= 10_000) {
                return false;
            }
        }
        return true;
    }

    /** min and max of the finite values on one axis over the enabled series (only values > 0 on a log axis). */
    private double[] dataRange(boolean x, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (XYSeries series : getSeriesMap().values()) {
            if (!series.isEnabled()) {
                continue;
            }
            for (double v : x ? series.getXData() : series.getYData()) {
                if (Double.isFinite(v) && (!log || v > 0)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return new double[] {lo, hi};
    }

    private void setRange(boolean x, double lo, double hi, List<Runnable> undo) {
        XYStyler s = getStyler();
        Double oldMin = x ? s.getXAxisMin() : s.getYAxisMin();
        Double oldMax = x ? s.getXAxisMax() : s.getYAxisMax();
        if (x) {
            s.setXAxisMin(lo);
            s.setXAxisMax(hi);
            undo.add(() -> {
                s.setXAxisMin(oldMin);
                s.setXAxisMax(oldMax);
            });
        } else {
            s.setYAxisMin(lo);
            s.setYAxisMax(hi);
            undo.add(() -> {
                s.setYAxisMin(oldMin);
                s.setYAxisMax(oldMax);
            });
        }
    }

    /** Every series' values on one axis (and, for y, its error bars) times {@link #SHRINK}. */
    private void scaleData(boolean x, List<Runnable> undo) {
        for (XYSeries series : getSeriesMap().values()) {
            double[] xs = series.getXData();
            double[] ys = series.getYData();
            double[] extra = series.getExtraValues();
            if (x) {
                series.replaceData(times(xs), ys, extra);
            } else {
                series.replaceData(xs, times(ys), extra == null ? null : times(extra));
            }
            undo.add(() -> series.replaceData(xs, ys, extra));
        }
    }

    /** v·10^shift in the style of {@link FunctionCharts#number} ("1.5e+308"), by shifting v's decimal exponent. */
    static String shifted(double v, int shift, int digits) {
        if (v == 0) {
            return "0";
        }
        String s = String.format(java.util.Locale.ROOT, "%." + (digits - 1) + "e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        int exponent = Integer.parseInt(s.substring(e + 1)) + shift;
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }

    private static double[] times(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * SHRINK;
        }
        return out;
    }

    /**
     * Tick labels of an axis drawn at {@link #SHRINK} over [lo, hi] (scaled units) show the true
     * values, through the caller's own formatter if there is one, else with as many digits as the
     * span needs. The true value is written by shifting the decimal exponent of the scaled one,
     * so a tick XChart puts just past the axis end (it labels those too, and needs every label
     * to differ) reads right even beyond Double.MAX_VALUE.
     */
    private void relabel(boolean x, double lo, double hi, List<Runnable> undo) {
        XYStyler s = getStyler();
        Function<Double, String> old = x ? s.getxAxisTickLabelsFormattingFunction() : s.getyAxisTickLabelsFormattingFunction();
        double size = Math.max(Math.abs(lo), Math.abs(hi));
        int digits = (int) Math.max(3, Math.min(17, 3 + Math.ceil(Math.log10(size / (hi - lo)))));
        Function<Double, String> label = v -> {
            double trueValue = v / SHRINK;
            return old != null && Double.isFinite(trueValue) ? old.apply(trueValue) : shifted(v, -SHRINK_EXPONENT, digits);
        };
        if (x) {
            s.setxAxisTickLabelsFormattingFunction(label);
            undo.add(() -> s.setxAxisTickLabelsFormattingFunction(old));
        } else {
            s.setyAxisTickLabelsFormattingFunction(label);
            undo.add(() -> s.setyAxisTickLabelsFormattingFunction(old));
        }
    }
}
