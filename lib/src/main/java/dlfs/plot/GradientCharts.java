package dlfs.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

import dlfs.nd.NDArray;

/**
 * Gradients and the paths that follow them: ch4's arrows of −∇f ({@link #gradientField}, drawn
 * with {@link #quiver}) and gradient descent over f's contour lines ({@link #descentPath}), and
 * ch6's four optimizers on f(x, y) = x²/20 + y² ({@link #optimizerPaths}). Contour lines come from
 * {@link Contours}. Notebooks reach these through {@link Plots}.
 */
public final class GradientCharts {

    private static final Color CONTOUR = new Color(0x9ab3cf);
    private static final Color PATH = new Color(0xd62728);

    private GradientCharts() {
    }

    /**
     * The ch4 arrow picture: at each point of a grid over [lo, hi]² (spacing {@code step}) an
     * arrow along −∇f, the direction gradient descent moves (for f = x0² + x1² every arrow points
     * to the origin and is longer further out). Arrows are scaled so the longest is
     * 0.9·step long. lo == hi gives a single point; a gradient that is NaN or infinite somewhere
     * is refused, naming the point.
     *
     * @param gradient the gradient at a point: a shape (2) array in, a shape (2) array out (e.g.
     *                 {@code x -> numericalGradient(f, x)})
     */
    public static XYChart gradientField(Function<NDArray, NDArray> gradient, double lo, double hi, double step) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi) {
            throw new IllegalArgumentException("gradientField: need finite lo <= hi, got [" + lo + ", " + hi + "]");
        }
        double span = hi - lo;
        double steps = Double.isFinite(span) ? span / step : (hi / 2 - lo / 2) / step * 2;
        if (!(step > 0) || !Double.isFinite(step) || !(steps <= 200)) {
            throw new IllegalArgumentException("gradientField: step must be > 0 and give at most 200 points per axis, got " + step);
        }
        int n = (int) Math.floor(steps + 1e-9) + 1;
        int m = n * n;
        double[] x = new double[m];
        double[] y = new double[m];
        double[] u = new double[m];
        double[] v = new double[m];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                int k = j * n + i;
                x[k] = gridPoint(lo, hi, step, i);
                y[k] = gridPoint(lo, hi, step, j);
                NDArray g = gradient.apply(NDArray.of(x[k], y[k]));
                if (g.size() != 2) {
                    throw new IllegalArgumentException("gradientField: gradient must return shape (2), got "
                        + g.shapeString() + " at (" + x[k] + ", " + y[k] + ")");
                }
                u[k] = -g.data()[0];
                v[k] = -g.data()[1];
                if (!Double.isFinite(u[k]) || !Double.isFinite(v[k])) {
                    throw new IllegalArgumentException("gradientField: the gradient at (" + x[k] + ", " + y[k]
                        + ") is (" + g.data()[0] + ", " + g.data()[1] + ")");
                }
            }
        }
        XYChart chart = quiver(x, y, u, v, 0.9 * step);
        chart.setTitle(dlfs.Course.text("−∇f (the direction of steepest descent)", "−∇f（函数值减小最多的方向）"));
        chart.setXAxisTitle("x0");
        chart.setYAxisTitle("x1");
        double pad = step * 0.6;
        chart.getStyler().setXAxisMin(Ranges.clamp(lo - pad));
        chart.getStyler().setXAxisMax(Ranges.clamp(hi + pad));
        chart.getStyler().setYAxisMin(Ranges.clamp(lo - pad));
        chart.getStyler().setYAxisMax(Ranges.clamp(hi + pad));
        return chart;
    }

    /** lo + i·step, computed on halves where it would overflow, and never past hi. */
    private static double gridPoint(double lo, double hi, double step, int i) {
        double v = lo + i * step;
        if (!Double.isFinite(v)) {
            v = 2 * (lo / 2 + i * (step / 2));
        }
        return Math.min(hi, v);
    }

    /**
     * Arrows from (x_i, y_i) along (u_i, v_i), scaled so the longest arrow is {@code maxLength}
     * long in data units (matplotlib's {@code plt.quiver}); a square chart, so arrow angles are
     * true. Zero vectors (and vectors under a billionth of the longest) are drawn as nothing; no
     * points at all give an empty chart.
     */
    public static XYChart quiver(double[] x, double[] y, double[] u, double[] v, double maxLength) {
        Ranges.checkSameLength("quiver", "x", x, "y", y);
        Ranges.checkSameLength("quiver", "u", u, "v", v);
        Ranges.checkSameLength("quiver", "x", x, "u", u);
        Ranges.checkFinite("quiver", "x", x);
        Ranges.checkFinite("quiver", "y", y);
        Ranges.checkFinite("quiver", "u", u);
        Ranges.checkFinite("quiver", "v", v);
        if (!(maxLength > 0) || !Double.isFinite(maxLength)) {
            throw new IllegalArgumentException("quiver: maxLength must be finite and > 0, got " + maxLength);
        }
        // lengths relative to the largest component, so hypot cannot overflow for huge vectors
        double big = 0;
        for (int k = 0; k < x.length; k++) {
            big = Math.max(big, Math.max(Math.abs(u[k]), Math.abs(v[k])));
        }
        double longest = 0;
        for (int k = 0; k < x.length && big > 0; k++) {
            longest = Math.max(longest, Math.hypot(u[k] / big, v[k] / big));
        }
        double scale = longest > 0 ? maxLength / longest : 0;
        Polylines arrows = new Polylines();
        for (int k = 0; k < x.length; k++) {
            double dx = big > 0 ? u[k] / big * scale : 0;
            double dy = big > 0 ? v[k] / big * scale : 0;
            double len = Math.hypot(dx, dy);
            if (!(len > maxLength * 1e-9)) {
                continue;
            }
            double ex = Ranges.clamp(x[k] + dx);
            double ey = Ranges.clamp(y[k] + dy);
            arrows.add(new double[] {x[k], ex}, new double[] {y[k], ey});
            double head = Math.min(0.35 * len, 0.35 * maxLength);
            double ang = Math.atan2(dy, dx);
            for (double side : new double[] {-1, 1}) {
                double a = ang + Math.PI - side * Math.toRadians(24);
                arrows.add(new double[] {ex, Ranges.clamp(ex + head * Math.cos(a))},
                    new double[] {ey, Ranges.clamp(ey + head * Math.sin(a))});
            }
        }
        XYChart chart = BasicCharts.xy("", "x", "y", 560, 540);
        if (!arrows.isEmpty()) {
            XYSeries s = chart.addSeries("arrows", arrows.xs(), arrows.ys());
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(new Color(0x555555));
            s.setLineWidth(1.3f);
        }
        chart.getStyler().setLegendVisible(false);
        return chart;
    }

    /**
     * Gradient descent on f over its contour lines (ch4): the path's points {x, y} in order,
     * joined and marked, starting point labelled, over 10 contour levels of f.
     *
     * @param path   path[k] = {x_k, y_k}, e.g. the history of {@code gradient_descent}; finite
     * @param f      the function descended, f(x, y); where it is NaN or infinite no contour is drawn
     * @param xRange {lo, hi} of the x axis (lo == hi is widened), yRange likewise
     */
    public static XYChart descentPath(double[][] path, DoubleBinaryOperator f, double[] xRange, double[] yRange) {
        double[][] points = pathPoints("descentPath", "path", path);
        XYChart chart = contourChart(f, xRange, yRange, 12, dlfs.Course.text("gradient descent", "梯度下降法"), Charts.WIDTH, Charts.HEIGHT);
        addPath(chart, dlfs.Course.text("path", "路径"), points, PATH, true);
        return chart;
    }

    /** {@link #descentPath(double[][], DoubleBinaryOperator, double[], double[])} for a path as a list of {x, y} points. */
    public static XYChart descentPath(List<double[]> path, DoubleBinaryOperator f, double[] xRange, double[] yRange) {
        return descentPath(path.toArray(new double[0][]), f, xRange, yRange);
    }

    /** {@link #descentPath(double[][], DoubleBinaryOperator, double[], double[])} for a path of shape (steps, 2). */
    public static XYChart descentPath(NDArray path, DoubleBinaryOperator f, double[] xRange, double[] yRange) {
        if (path.ndim() != 2 || path.shape(1) != 2) {
            throw new IllegalArgumentException("descentPath: path must have shape (steps, 2), got " + path.shapeString());
        }
        return descentPath(path.toArray2D(), f, xRange, yRange);
    }

    /**
     * The ch6 figure comparing optimizers on f(x, y) = x²/20 + y²: one panel per optimizer
     * (in the map's order, two per row), its path in red over f's contours, the minimum marked +.
     */
    public static BufferedImage optimizerPaths(Map<String, double[][]> paths, DoubleBinaryOperator f,
                                               double[] xRange, double[] yRange) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("optimizerPaths: no paths given");
        }
        int cellW = 460;
        int cellH = 340;
        List<XYChart> panels = new ArrayList<>();
        for (Map.Entry<String, double[][]> e : paths.entrySet()) {
            double[][] points = pathPoints("optimizerPaths", "path " + Ranges.quote(e.getKey()), e.getValue());
            XYChart c = contourChart(f, xRange, yRange, 12, e.getKey(), cellW, cellH);
            addPath(c, e.getKey(), points, PATH, false);
            XYSeries min = c.addSeries("minimum", new double[] {0}, new double[] {0});
            min.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            min.setMarker(SeriesMarkers.PLUS);
            min.setMarkerColor(Color.BLACK);
            min.setShowInLegend(false);
            c.getStyler().setLegendVisible(false);
            panels.add(c);
        }
        int cols = paths.size() == 4 ? 2 : Math.min(3, paths.size());
        return Charts.grid(panels, cols, cellW, cellH);
    }

    private static XYChart contourChart(DoubleBinaryOperator f, double[] xRangeGiven, double[] yRangeGiven, int levels,
                                        String title, int w, int h) {
        double[] xRange = Contours.range("xRange", xRangeGiven);
        double[] yRange = Contours.range("yRange", yRangeGiven);
        XYChart chart = BasicCharts.xy(title, "x", "y", w, h);
        double[][] z = Contours.sample(f, xRange, yRange, 301, 301);
        Polylines lines = new Polylines();
        for (double level : Contours.autoLevels(z, levels)) {
            for (double[][] pl : Contours.lines(z, xRange, yRange, level)) {
                lines.add(pl[0], pl[1]);
            }
        }
        if (!lines.isEmpty()) {
            XYSeries s = chart.addSeries("contours of f", lines.xs(), lines.ys());
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(CONTOUR);
            s.setLineWidth(1.2f);
            s.setShowInLegend(false);
        }
        chart.getStyler().setXAxisMin(xRange[0]);
        chart.getStyler().setXAxisMax(xRange[1]);
        chart.getStyler().setYAxisMin(yRange[0]);
        chart.getStyler().setYAxisMax(yRange[1]);
        chart.getStyler().setPlotGridLinesVisible(false);
        return chart;
    }

    /** The path's points as {xs, ys}, checked: at least one point, two finite coordinates each. */
    private static double[][] pathPoints(String op, String what, double[][] path) {
        if (path == null || path.length == 0) {
            throw new IllegalArgumentException(op + ": " + what + " is empty");
        }
        double[] px = new double[path.length];
        double[] py = new double[path.length];
        for (int k = 0; k < path.length; k++) {
            if (path[k] == null || path[k].length != 2) {
                throw new IllegalArgumentException(op + ": " + what + ": point " + k + " has "
                    + (path[k] == null ? 0 : path[k].length) + " coordinates, expected 2 (x, y)");
            }
            if (!Double.isFinite(path[k][0]) || !Double.isFinite(path[k][1])) {
                throw new IllegalArgumentException(op + ": " + what + ": point " + k + " is ("
                    + path[k][0] + ", " + path[k][1] + ")");
            }
            px[k] = path[k][0];
            py[k] = path[k][1];
        }
        return new double[][] {px, py};
    }

    private static void addPath(XYChart chart, String name, double[][] points, Color color, boolean markStart) {
        double[] px = points[0];
        double[] py = points[1];
        XYSeries s = chart.addSeries(name, px, py);
        s.setLineColor(color);
        s.setMarkerColor(color);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineWidth(1.5f);
        chart.getStyler().setMarkerSize(5);
        if (markStart) {
            XYSeries st = chart.addSeries(dlfs.Course.text("start", "起点"), new double[] {px[0]}, new double[] {py[0]});
            st.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            st.setMarker(SeriesMarkers.DIAMOND);
            st.setMarkerColor(Color.BLACK);
        }
    }
}
