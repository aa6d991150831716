package dlfs.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Curves of functions of one variable, sampled on an interval: ch3's activation functions (step,
 * sigmoid, ReLU on one chart, {@link #functions}) and ch4's numerical derivative drawn as a tangent
 * line ({@link #tangent}). A function that is NaN or infinite at a sample point is refused, naming
 * the function and the x. Notebooks reach these through {@link Plots}.
 */
public final class FunctionCharts {

    private static final int SAMPLES = 400;

    private FunctionCharts() {
    }

    /**
     * Several functions of one variable on [lo, hi] (ch3: step, sigmoid and ReLU), sampled at 400
     * points. A jump (the step function) is drawn as a vertical line, like matplotlib's. lo == hi
     * is widened (see {@link Plots}); a function that is NaN or infinite at a sample point
     * (log at 0, say) is refused, naming the function and the first such x.
     */
    public static XYChart functions(double lo, double hi, Map<String, DoubleUnaryOperator> fns) {
        double[] r = Ranges.interval("functions", lo, hi);
        double[] x = Ranges.linspace(r[0], r[1], SAMPLES);
        XYChart chart = BasicCharts.xy("", "x", "y");
        for (Map.Entry<String, DoubleUnaryOperator> e : fns.entrySet()) {
            BasicCharts.addLine(chart, e.getKey(), x, sample("functions", "function " + Ranges.quote(e.getKey()), e.getValue(), x));
        }
        chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
        return chart;
    }

    /**
     * The ch4 picture of a numerical derivative: f on [lo, hi] and its tangent line at x0,
     * y = f(x0) + slope (x − x0). The slope is the caller's (e.g. {@code numericalDiff(f, x0)}),
     * so the figure shows what was computed.
     */
    public static XYChart tangent(DoubleUnaryOperator f, double x0, double slope, double lo, double hi) {
        double[] r = Ranges.interval("tangent", lo, hi);
        if (!Double.isFinite(x0) || !Double.isFinite(slope)) {
            throw new IllegalArgumentException("tangent: x0 and slope must be finite, got x0 = " + x0 + ", slope = " + slope);
        }
        double[] x = Ranges.linspace(r[0], r[1], SAMPLES);
        double[] fx = sample("tangent", "f", f, x);
        double fx0 = sample("tangent", "f", f, new double[] {x0})[0];
        // a straight line: two points, so the dash pattern runs along it unbroken
        double[] tx = {r[0], r[1]};
        double[] t = {lineAt(fx0, slope, x0, r[0]), lineAt(fx0, slope, x0, r[1])};
        XYChart chart = BasicCharts.xy(dlfs.Course.text("tangent at x = " + number(x0) + ", slope " + number(slope),
            "x = " + number(x0) + " 处的切线，斜率 " + number(slope)), "x", "f(x)");
        BasicCharts.addLine(chart, "f(x)", x, fx);
        XYSeries tl = BasicCharts.addLine(chart, dlfs.Course.text("tangent", "切线"), tx, t);
        tl.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f));
        XYSeries p = chart.addSeries("x0", new double[] {x0}, new double[] {fx0});
        p.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        p.setMarker(SeriesMarkers.CIRCLE);
        p.setMarkerColor(Color.BLACK);
        p.setShowInLegend(false);
        chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
        return chart;
    }

    /** f at each x; NaN or infinite values are refused, naming the function and the first such x. */
    private static double[] sample(String op, String what, DoubleUnaryOperator f, double[] x) {
        double[] y = new double[x.length];
        int nan = 0;
        int inf = 0;
        int first = -1;
        for (int i = 0; i < x.length; i++) {
            y[i] = f.applyAsDouble(x[i]);
            if (Double.isNaN(y[i])) {
                nan++;
            } else if (Double.isInfinite(y[i])) {
                inf++;
            }
            if (first < 0 && !Double.isFinite(y[i])) {
                first = i;
            }
        }
        if (first >= 0) {
            throw new IllegalArgumentException(op + ": " + what + " has " + Ranges.nonFinite(nan, inf)
                + " (first at x = " + x[first] + ": " + y[first] + ")");
        }
        return y;
    }

    /**
     * The straight line through (x0, y0) with this slope, at x: finite for any finite inputs (a
     * value beyond ±Double.MAX_VALUE is clamped to it).
     */
    private static double lineAt(double y0, double slope, double x0, double x) {
        double d = x - x0;
        double y = Double.isFinite(d) ? y0 + slope * d : y0 + slope * (x / 2 - x0 / 2) * 2;
        return Ranges.clamp(y);
    }

    /** A number for a title: at most 6 significant digits, no trailing zeros (5, 0.2, 1.23457e-05). */
    static String number(double v) {
        return number(v, 6);
    }

    /** A number with at most {@code digits} (1..17) significant digits, no trailing zeros. */
    static String number(double v, int digits) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(java.util.Locale.ROOT, "%." + digits + "g", v);
        if (s.contains("e")) {
            return s.replaceAll("\\.?0+e", "e");
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
