package dlfs.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

import dlfs.nd.NDArray;

/**
 * The book's matplotlib figures, chapter by chapter, as XChart charts (or, for multi-panel
 * figures, {@link BufferedImage}s). Every method takes plain data ({@code double[]},
 * {@link NDArray}, functions) and returns a chart the Jupyter kernel shows inline and
 * {@link Charts#toPng} saves.
 *
 * <ul>
 *   <li>ch1: {@link #line}, {@link #lines} (sin and cos); ch2: {@link #decisionBoundary} of a perceptron;</li>
 *   <li>ch3: {@link #functions} (step, sigmoid, ReLU on one chart);</li>
 *   <li>ch4: {@link #tangent} (numerical derivative as a tangent line), {@link #gradientField}
 *       (arrows of −∇f for f = x0² + x1²), {@link #descentPath}, {@link #lossCurve},
 *       {@link #accuracyCurves};</li>
 *   <li>ch6: {@link #compare} (optimizers, weight init, batch norm), {@link #optimizerPaths}
 *       (four panels over f(x, y) = x²/20 + y²), {@link #activationHistograms},
 *       {@link #hyperparameterScatter};</li>
 *   <li>any chapter: {@link #xy}, {@link #scatter}, {@link #bar}, {@link #smooth}.</li>
 * </ul>
 * Charts are {@value Charts#WIDTH}x{@value Charts#HEIGHT} unless a size is given; the
 * {@code Charts.paint(chart, w, h, scale)} call paints any chart at another size.
 *
 * <p><b>Any finite data renders.</b> Constant data, a single value, all zeros, values near
 * ±{@link Double#MAX_VALUE} or down to subnormal magnitudes all give a readable figure, never an
 * exception: an axis over values that are all equal (or differ only by rounding noise) spans
 * a range around them, ±10% (±1 around zero); an interval with lo == hi is widened the same
 * way; histogram bin edges are computed so that they never run backwards, however the last bits
 * of lo and hi round on this CPU. See {@link #xy} for how axes are fitted. <b>NaN and ±Infinity
 * are refused</b> with an {@link IllegalArgumentException} that names the series or panel and
 * counts the bad values, e.g. {@code activationHistograms: layer "ReLU, Xavier" has 3 NaN values
 * (first at index 17)}, where a figure would otherwise silently leave a gap or fail inside
 * XChart. (Charts' own polylines use NaN internally to break a line; data given to a helper
 * must be finite. {@link #smooth} is not a figure and skips NaN.)
 */
public final class Plots {

    private static final int SAMPLES = 400;
    private static final Color CONTOUR = new Color(0x9ab3cf);
    private static final Color PATH = new Color(0xd62728);

    private Plots() {
    }

    // ------------------------------------------------------------------ basics (ch1)

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
        checkNonEmpty("bar", values);
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

    // ------------------------------------------------------------------ functions (ch3, ch4)

    /**
     * Several functions of one variable on [lo, hi] (ch3: step, sigmoid and ReLU), sampled at 400
     * points. A jump (the step function) is drawn as a vertical line, like matplotlib's. lo == hi
     * is widened (see the class comment); a function that is NaN or infinite at a sample point
     * (log at 0, say) is refused, naming the function and the first such x.
     */
    public static XYChart functions(double lo, double hi, Map<String, DoubleUnaryOperator> fns) {
        double[] r = Ranges.interval("functions", lo, hi);
        double[] x = linspace(r[0], r[1], SAMPLES);
        XYChart chart = xy("", "x", "y");
        for (Map.Entry<String, DoubleUnaryOperator> e : fns.entrySet()) {
            addLine(chart, e.getKey(), x, sample("functions", "function " + Ranges.quote(e.getKey()), e.getValue(), x));
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
        double[] x = linspace(r[0], r[1], SAMPLES);
        double[] fx = sample("tangent", "f", f, x);
        double fx0 = sample("tangent", "f", f, new double[] {x0})[0];
        // a straight line: two points, so the dash pattern runs along it unbroken
        double[] tx = {r[0], r[1]};
        double[] t = {lineAt(fx0, slope, x0, r[0]), lineAt(fx0, slope, x0, r[1])};
        XYChart chart = xy(dlfs.Course.text("tangent at x = " + number(x0) + ", slope " + number(slope),
            "x = " + number(x0) + " 处的切线，斜率 " + number(slope)), "x", "f(x)");
        addLine(chart, "f(x)", x, fx);
        XYSeries tl = addLine(chart, dlfs.Course.text("tangent", "切线"), tx, t);
        tl.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f));
        XYSeries p = chart.addSeries("x0", new double[] {x0}, new double[] {fx0});
        p.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        p.setMarker(SeriesMarkers.CIRCLE);
        p.setMarkerColor(Color.BLACK);
        p.setShowInLegend(false);
        chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
        return chart;
    }

    // ------------------------------------------------------------------ training curves (ch4-ch6)

    /** Loss per iteration (the ch4/ch5 training loss curve). */
    public static XYChart lossCurve(double[] lossPerIteration) {
        return lossCurve(lossPerIteration, 1);
    }

    /**
     * Loss per iteration with a moving average of {@code window} iterations drawn over the raw
     * (faint) curve, so the trend of a noisy mini-batch loss is visible. window 1 draws the raw curve only.
     */
    public static XYChart lossCurve(double[] lossPerIteration, int window) {
        checkNonEmpty("lossCurve", lossPerIteration);
        Ranges.checkFinite("lossCurve", "loss", lossPerIteration);
        double[] it = arange(lossPerIteration.length);
        XYChart chart = xy(dlfs.Course.text("training loss", "损失函数值的推移"), dlfs.Course.text("iteration", "迭代次数"), dlfs.Course.text("loss", "损失函数值"));
        if (window <= 1) {
            addLine(chart, dlfs.Course.text("loss", "损失函数值"), it, lossPerIteration).setLineWidth(1.5f);
            chart.getStyler().setLegendVisible(false);
        } else {
            XYSeries raw = addLine(chart, dlfs.Course.text("loss", "损失函数值"), it, lossPerIteration);
            raw.setLineColor(new Color(0x1f, 0x77, 0xb4, 80));
            raw.setLineWidth(1f);
            addLine(chart, dlfs.Course.text("moving average (", "移动平均（") + window + dlfs.Course.text(")", "）"), it, smooth(lossPerIteration, window))
                .setLineColor(new Color(0x1f77b4));
        }
        return chart;
    }

    /**
     * Train and test accuracy per epoch on [0, 1] (the book's ch4/ch5 figure: 'o' for train,
     * 's' for test, legend lower right). The two arrays must have the same length.
     */
    public static XYChart accuracyCurves(double[] train, double[] test) {
        checkSameLength("accuracyCurves", "train", train, "test", test);
        checkNonEmpty("accuracyCurves", train);
        Ranges.checkFinite("accuracyCurves", "train", train);
        Ranges.checkFinite("accuracyCurves", "test", test);
        double[] epochs = arange(train.length);
        XYChart chart = xy(dlfs.Course.text("accuracy per epoch", "各 epoch 的识别精度"), dlfs.Course.text("epochs", "epoch"), dlfs.Course.text("accuracy", "识别精度"));
        XYSeries a = addLine(chart, dlfs.Course.text("train acc", "训练数据"), epochs, train);
        a.setMarker(SeriesMarkers.CIRCLE);
        XYSeries b = addLine(chart, dlfs.Course.text("test acc", "测试数据"), epochs, test);
        b.setMarker(SeriesMarkers.SQUARE);
        b.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f));
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(LegendPosition.InsideSE);
        return chart;
    }

    /**
     * Several curves against their index (ch6: loss of SGD / Momentum / AdaGrad / Adam, or of
     * weight inits, or with and without batch norm), one colour each, in the map's order.
     */
    public static XYChart compare(Map<String, double[]> curves, String xLabel, String yLabel, String title) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("compare: no curves given");
        }
        XYChart chart = xy(title, xLabel, yLabel);
        for (Map.Entry<String, double[]> e : curves.entrySet()) {
            checkNonEmpty("compare: curve " + Ranges.quote(e.getKey()), e.getValue());
            Ranges.checkFinite("compare", "curve " + Ranges.quote(e.getKey()), e.getValue());
            addLine(chart, e.getKey(), arange(e.getValue().length), e.getValue()).setLineWidth(1.8f);
        }
        return chart;
    }

    /**
     * Centred moving average over {@code window} points (shrinking at the ends), the role of the
     * book's {@code smooth_curve} in its ch6 comparisons. NaN values are skipped (a window of
     * NaN only gives NaN); the average of finite values is finite even near Double.MAX_VALUE.
     */
    public static double[] smooth(double[] y, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("smooth: window must be >= 1, got " + window);
        }
        int half = window / 2;
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            int from = Math.max(0, i - half);
            int to = (int) Math.min(y.length, (long) i - half + window);
            out[i] = Ranges.mean(y, from, to);
        }
        return out;
    }

    // ------------------------------------------------------------------ gradients (ch4)

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
        checkSameLength("quiver", "x", x, "y", y);
        checkSameLength("quiver", "u", u, "v", v);
        checkSameLength("quiver", "x", x, "u", u);
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
        XYChart chart = xy("", "x", "y", 560, 540);
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
        XYChart chart = xy(title, "x", "y", w, h);
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

    // ------------------------------------------------------------------ activations (ch6)

    /**
     * The ch6 weight-initialisation experiment: a histogram of each layer's activations, one panel
     * per layer in a row (the map's order), with the same bins and the same count axis on every
     * panel so layers compare at a glance. The bins span [0, 1] when all values lie there
     * (sigmoid), else the values' overall range (tanh, ReLU); a range that is a single value
     * (every activation equal) is widened around it. The bin edges are one array shared by the
     * counts and the outline, exactly lo and hi at the ends and never decreasing, so the figure
     * does not depend on how lo + (hi − lo)·b/bins rounds on this CPU.
     *
     * @throws IllegalArgumentException for no layers, an empty layer, bins outside 1..1000, or a
     *         layer with NaN or infinite values (named: {@code layer "ReLU, Xavier" has 3 NaN values})
     */
    public static BufferedImage activationHistograms(Map<String, double[]> activationsPerLayer, int bins) {
        List<XYChart> panels = histogramPanels(activationsPerLayer, bins);
        return Charts.grid(panels, panels.size(), HIST_W, HIST_H);
    }

    private static final int HIST_W = 230;
    private static final int HIST_H = 250;

    /** The panels of {@link #activationHistograms}, one chart per layer (its outline the series named after the layer). */
    static List<XYChart> histogramPanels(Map<String, double[]> activationsPerLayer, int bins) {
        if (activationsPerLayer.isEmpty()) {
            throw new IllegalArgumentException("activationHistograms: no layers given");
        }
        if (bins < 1 || bins > 1000) {
            throw new IllegalArgumentException("activationHistograms: bins must be in 1..1000, got " + bins);
        }
        for (Map.Entry<String, double[]> e : activationsPerLayer.entrySet()) {
            String layer = "layer " + Ranges.quote(e.getKey());
            checkNonEmpty("activationHistograms: " + layer, e.getValue());
            Ranges.checkFinite("activationHistograms", layer, e.getValue());
        }
        double[] range = Ranges.finiteMinMax(activationsPerLayer.values().toArray(new double[0][]));
        if (range[0] >= 0 && range[1] <= 1) {
            range = new double[] {0, 1};
        }
        range = Ranges.widen(range[0], range[1]);
        double lo = range[0];
        double hi = range[1];
        double[] edges = Ranges.edges(lo, hi, bins);
        Map<String, double[]> counts = new LinkedHashMap<>();
        double top = 0;
        for (Map.Entry<String, double[]> e : activationsPerLayer.entrySet()) {
            double[] c = counts(e.getValue(), edges);
            for (double v : c) {
                top = Math.max(top, v);
            }
            counts.put(e.getKey(), c);
        }
        List<XYChart> panels = new ArrayList<>();
        int layer = 0;
        for (Map.Entry<String, double[]> e : counts.entrySet()) {
            XYChart c = xy(e.getKey(), dlfs.Course.text("activation", "激活值"), layer == 0 ? dlfs.Course.text("count", "频数") : "", HIST_W, HIST_H);
            double[][] step = stepOutline(e.getValue(), edges);
            XYSeries s = c.addSeries(e.getKey(), step[0], step[1]);
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Area);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Charts.color(0).darker());
            s.setFillColor(new Color(0x1f, 0x77, 0xb4, 170));
            s.setLineWidth(1f);
            c.getStyler().setLegendVisible(false);
            c.getStyler().setXAxisMin(lo);
            c.getStyler().setXAxisMax(hi);
            c.getStyler().setYAxisMin(0.0);
            c.getStyler().setYAxisMax(top * 1.05);
            c.getStyler().setChartTitleFont(new java.awt.Font(Charts.font(), java.awt.Font.BOLD, 13));
            c.getStyler().setPlotGridVerticalLinesVisible(false);
            c.getStyler().setYAxisDecimalPattern("#");
            panels.add(c);
            layer++;
        }
        return panels;
    }

    /**
     * Counts of values in {@code bins} equal bins over [lo, hi]: bin b holds edge_b ≤ v &lt; edge_b+1,
     * hi itself falls in the last bin, values outside [lo, hi] are not counted. lo == hi is
     * widened around the value (see the class comment), so every value equal to it is counted.
     *
     * @throws IllegalArgumentException for bins outside 1..1000000, lo > hi, a non-finite lo or
     *         hi, or NaN / infinite values
     */
    public static double[] histogram(double[] values, int bins, double lo, double hi) {
        if (bins < 1 || bins > 1_000_000) {
            throw new IllegalArgumentException("histogram: bins must be in 1..1000000, got " + bins);
        }
        double[] r = Ranges.interval("histogram", lo, hi);
        Ranges.checkFinite("histogram", "values", values);
        return counts(values, Ranges.edges(r[0], r[1], bins));
    }

    private static double[] counts(double[] values, double[] edges) {
        double[] c = new double[edges.length - 1];
        for (double a : values) {
            int b = Ranges.bin(edges, a);
            if (b >= 0) {
                c[b]++;
            }
        }
        return c;
    }

    /** The outline of a histogram as one x-ascending polyline: 0 at edges[0], each bin's flat top, 0 at the last edge. */
    private static double[][] stepOutline(double[] counts, double[] edges) {
        int bins = counts.length;
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
        x[0] = edges[0];
        y[0] = 0;
        for (int b = 0; b < bins; b++) {
            x[2 * b + 1] = edges[b];
            x[2 * b + 2] = edges[b + 1];
            y[2 * b + 1] = counts[b];
            y[2 * b + 2] = counts[b];
        }
        x[2 * bins + 1] = edges[bins];
        y[2 * bins + 1] = 0;
        return new double[][] {x, y};
    }

    // ------------------------------------------------------------------ perceptron (ch2)

    /**
     * A perceptron's (or any two-input classifier's) output over [-0.5, 1.5]²: the region where it
     * outputs 1 shaded blue, where it outputs 0 orange, the boundary drawn, and the four inputs
     * (0,0), (0,1), (1,0), (1,1) marked ● for output 1 and ▲ for output 0 (the book's ch2
     * figures of AND, OR, and why XOR needs a second layer).
     *
     * @param gate (x1, x2) -> output; values above 0.5 count as 1 (e.g. {@code Perceptron::fire})
     */
    public static XYChart decisionBoundary(DoubleBinaryOperator gate, String title) {
        double[] r = {-0.5, 1.5};
        int n = 160;
        double cell = (r[1] - r[0]) / n;
        XYChart chart = xy(title, "x1", "x2", 520, 500);
        double[][] z = new double[n + 1][n + 1];
        List<Double> ones = new ArrayList<>(), onesY = new ArrayList<>(), zeros = new ArrayList<>(), zerosY = new ArrayList<>();
        for (int j = 0; j <= n; j++) {
            for (int i = 0; i <= n; i++) {
                double x1 = r[0] + i * cell;
                double x2 = r[0] + j * cell;
                z[j][i] = gate.applyAsDouble(x1, x2) > 0.5 ? 1 : 0;
                if (z[j][i] > 0.5) {
                    ones.add(x1);
                    onesY.add(x2);
                } else {
                    zeros.add(x1);
                    zerosY.add(x2);
                }
            }
        }
        region(chart, dlfs.Course.text("output 0", "输出 0"), zeros, zerosY, new Color(0xfde0c5), cell);
        region(chart, dlfs.Course.text("output 1", "输出 1"), ones, onesY, new Color(0xc9dcf0), cell);
        Polylines boundary = new Polylines();
        for (double[][] pl : Contours.lines(z, r, r, 0.5)) {
            refineBoundary(gate, pl, r[0], cell);
            boundary.add(pl[0], pl[1]);
        }
        if (!boundary.isEmpty()) {
            XYSeries b = chart.addSeries("boundary", boundary.xs(), boundary.ys());
            b.setMarker(SeriesMarkers.NONE);
            b.setLineColor(new Color(0x333333));
            b.setLineWidth(2f);
            b.setShowInLegend(false);
        }
        List<Double> px1 = new ArrayList<>(), py1 = new ArrayList<>(), px0 = new ArrayList<>(), py0 = new ArrayList<>();
        for (int x1 = 0; x1 <= 1; x1++) {
            for (int x2 = 0; x2 <= 1; x2++) {
                boolean one = gate.applyAsDouble(x1, x2) > 0.5;
                (one ? px1 : px0).add((double) x1);
                (one ? py1 : py0).add((double) x2);
            }
        }
        if (!px1.isEmpty()) {
            XYSeries s = chart.addSeries("y = 1", px1, py1);
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(new Color(0x1f4e8c));
        }
        if (!px0.isEmpty()) {
            XYSeries s = chart.addSeries("y = 0", px0, py0);
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.TRIANGLE_UP);
            s.setMarkerColor(new Color(0xc0392b));
        }
        chart.getStyler().setMarkerSize(14);
        chart.getStyler().setXAxisMin(r[0]);
        chart.getStyler().setXAxisMax(r[1]);
        chart.getStyler().setYAxisMin(r[0]);
        chart.getStyler().setYAxisMax(r[1]);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        return chart;
    }

    /**
     * A contour of a 0/1 grid crosses each grid edge at its midpoint, which makes a staircase;
     * bisect the gate along that edge for the true crossing (to 1e-6 of a cell).
     */
    private static void refineBoundary(DoubleBinaryOperator gate, double[][] pl, double origin, double cell) {
        for (int k = 0; k < pl[0].length; k++) {
            double x = pl[0][k];
            double y = pl[1][k];
            double gy = (y - origin) / cell;
            boolean horizontalEdge = Math.abs(gy - Math.rint(gy)) < 1e-6;
            double centre = horizontalEdge ? x : y;
            // the grid saw a change across this edge; a boundary through a grid point may hide it
            // from the edge's own ends (rounding), so widen the bracket once before giving up
            double a = centre - cell / 2;
            double b = centre + cell / 2;
            if (side(gate, horizontalEdge, x, y, a) == side(gate, horizontalEdge, x, y, b)) {
                a = centre - cell;
                b = centre + cell;
                if (side(gate, horizontalEdge, x, y, a) == side(gate, horizontalEdge, x, y, b)) {
                    continue;
                }
            }
            boolean va = side(gate, horizontalEdge, x, y, a);
            for (int it = 0; it < 24; it++) {
                double m = (a + b) / 2;
                if (side(gate, horizontalEdge, x, y, m) == va) {
                    a = m;
                } else {
                    b = m;
                }
            }
            if (horizontalEdge) {
                pl[0][k] = (a + b) / 2;
            } else {
                pl[1][k] = (a + b) / 2;
            }
        }
    }

    private static boolean side(DoubleBinaryOperator gate, boolean alongX, double x, double y, double t) {
        return (alongX ? gate.applyAsDouble(t, y) : gate.applyAsDouble(x, t)) > 0.5;
    }

    private static void region(XYChart chart, String name, List<Double> x, List<Double> y, Color c, double cell) {
        if (x.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        // each grid point fills its cell; the cell's size in pixels is read from the chart's
        // current layout, so the regions tile at whatever size the chart is painted
        s.setMarker(new org.knowm.xchart.style.markers.Marker() {
            @Override
            public void paint(java.awt.Graphics2D g, double xOffset, double yOffset, int markerSize) {
                double w = Math.abs(chart.getScreenXFromChart(cell) - chart.getScreenXFromChart(0)) + 1;
                double h = Math.abs(chart.getScreenYFromChart(cell) - chart.getScreenYFromChart(0)) + 1;
                g.fill(new java.awt.geom.Rectangle2D.Double(xOffset - w / 2, yOffset - h / 2, w, h));
            }
        });
        s.setMarkerColor(c);
    }

    // ------------------------------------------------------------------ hyperparameters (ch6)

    /**
     * The ch6 random hyperparameter search: each trial a point at (learning rate, weight decay),
     * both on log axes, coloured by its validation accuracy in four bands, so the good region
     * stands out.
     */
    public static XYChart hyperparameterScatter(double[] lr, double[] weightDecay, double[] valAcc) {
        checkSameLength("hyperparameterScatter", "lr", lr, "weightDecay", weightDecay);
        checkSameLength("hyperparameterScatter", "lr", lr, "valAcc", valAcc);
        checkNonEmpty("hyperparameterScatter", lr);
        Ranges.checkFinite("hyperparameterScatter", "lr", lr);
        Ranges.checkFinite("hyperparameterScatter", "weightDecay", weightDecay);
        Ranges.checkFinite("hyperparameterScatter", "valAcc", valAcc);
        for (int k = 0; k < lr.length; k++) {
            if (!(lr[k] > 0) || !(weightDecay[k] > 0)) {
                throw new IllegalArgumentException("hyperparameterScatter: trial " + k + " has lr " + lr[k]
                    + ", weight decay " + weightDecay[k] + ": log axes need values > 0");
            }
        }
        double[] edges = {Double.NEGATIVE_INFINITY, 0.5, 0.7, 0.85, Double.POSITIVE_INFINITY};
        String[] names = {dlfs.Course.text("val acc < 0.5", "验证精度 < 0.5"), "0.5 – 0.7", "0.7 – 0.85", "≥ 0.85"};
        Color[] colors = {new Color(0xbbbbbb), new Color(0xf4a259), new Color(0x5b8e7d), new Color(0x1f4e8c)};
        XYChart chart = xy(dlfs.Course.text("random search: validation accuracy", "随机搜索：验证数据的识别精度"),
            dlfs.Course.text("learning rate", "学习率"), dlfs.Course.text("weight decay", "权值衰减"));
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisLogarithmicDecadeOnly(true);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(true);
        chart.getStyler().setMarkerSize(9);
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        for (int band = 0; band < names.length; band++) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int k = 0; k < lr.length; k++) {
                if (valAcc[k] >= edges[band] && valAcc[k] < edges[band + 1]) {
                    x.add(lr[k]);
                    y.add(weightDecay[k]);
                }
            }
            if (x.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(names[band], x, y);
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(colors[band]);
        }
        return chart;
    }

    // ------------------------------------------------------------------ helpers

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

    /** n evenly spaced points from lo to hi (lo ≤ hi), exactly lo and hi at the ends and never decreasing. */
    static double[] linspace(double lo, double hi, int n) {
        return Ranges.linspace(lo, hi, n);
    }

    private static double[] arange(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
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

    /** Same length, at least one value, all finite: what every series of a chart needs. */
    private static void checkSeries(String op, String xWhat, String yWhat, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(op + ": " + yWhat + " has " + y.length + " values but "
                + xWhat + " has " + x.length);
        }
        checkNonEmpty(op + ": " + yWhat, y);
        Ranges.checkFinite(op, xWhat, x);
        Ranges.checkFinite(op, yWhat, y);
    }

    private static void checkNonEmpty(String what, double[] a) {
        if (a == null || a.length == 0) {
            throw new IllegalArgumentException(what + ": no values");
        }
    }

    private static void checkSameLength(String op, String an, double[] a, String bn, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(op + ": " + an + " has " + a.length + " values but "
                + bn + " has " + b.length);
        }
    }

    /** Many polylines in one XChart series, separated by NaN breaks (one series, one legend entry). */
    private static final class Polylines {
        private final List<double[]> xs = new ArrayList<>();
        private final List<double[]> ys = new ArrayList<>();
        private int total;

        void add(double[] x, double[] y) {
            xs.add(x);
            ys.add(y);
            total += x.length + 1;
        }

        boolean isEmpty() {
            return xs.isEmpty();
        }

        double[] xs() {
            return flatten(xs, true);
        }

        double[] ys() {
            return flatten(ys, false);
        }

        private double[] flatten(List<double[]> parts, boolean isX) {
            double[] out = new double[total - 1];
            int k = 0;
            for (int p = 0; p < parts.size(); p++) {
                double[] a = parts.get(p);
                System.arraycopy(a, 0, out, k, a.length);
                k += a.length;
                if (p < parts.size() - 1) {
                    // break the line: x repeats the last x (axis ranges stay finite), y is NaN
                    out[k++] = isX ? a[a.length - 1] : Double.NaN;
                }
            }
            return out;
        }
    }
}
