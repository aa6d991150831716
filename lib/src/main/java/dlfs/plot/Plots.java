package dlfs.plot;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import dlfs.nd.NDArray;

/**
 * The book's matplotlib figures, chapter by chapter, in one place for notebooks: every method here
 * hands its arguments to the class whose job the figure is, where its full description lives.
 * Every method takes plain data ({@code double[]}, {@link NDArray}, functions) and returns an
 * XChart chart (or, for multi-panel figures, a {@link BufferedImage}) that the Jupyter kernel shows
 * inline and {@link Charts#toPng} saves.
 *
 * <ul>
 *   <li>any chapter, ch1's sin and cos: {@link #xy}, {@link #addLine}, {@link #line}, {@link #lines},
 *       {@link #scatter}, {@link #bar}: {@link BasicCharts};</li>
 *   <li>ch2's perceptron regions: {@link #decisionBoundary}: {@link DecisionBoundaries};</li>
 *   <li>ch3's step, sigmoid and ReLU, ch4's tangent line: {@link #functions}, {@link #tangent}:
 *       {@link FunctionCharts};</li>
 *   <li>ch4's −∇f arrows and descent path, ch6's optimizer paths on x²/20 + y²:
 *       {@link #gradientField}, {@link #quiver}, {@link #descentPath}, {@link #optimizerPaths}:
 *       {@link GradientCharts};</li>
 *   <li>ch4–ch6's loss and accuracy curves, comparisons and hyperparameter search:
 *       {@link #lossCurve}, {@link #accuracyCurves}, {@link #compare}, {@link #smooth},
 *       {@link #hyperparameterScatter}: {@link TrainingCharts};</li>
 *   <li>ch6's activation histograms: {@link #activationHistograms}, {@link #histogram}:
 *       {@link Histograms}.</li>
 * </ul>
 * Images (digits, filters, feature maps) are {@link Images}'; tables are {@link Tables}'. Charts are
 * {@value Charts#WIDTH}x{@value Charts#HEIGHT} unless a size is given; the
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

    private Plots() {
    }

    // ------------------------------------------------------------------ any chapter (ch1)

    /** An empty, styled XY chart that fits its axes to any finite data: {@link BasicCharts#xy(String, String, String)}. */
    public static XYChart xy(String title, String xLabel, String yLabel) {
        return BasicCharts.xy(title, xLabel, yLabel);
    }

    /** An empty, styled XY chart of the given size in pixels: {@link BasicCharts#xy(String, String, String, int, int)}. */
    public static XYChart xy(String title, String xLabel, String yLabel, int width, int height) {
        return BasicCharts.xy(title, xLabel, yLabel, width, height);
    }

    /** Adds a line in the next colour of the cycle to a chart from {@link #xy}: {@link BasicCharts#addLine}. */
    public static XYSeries addLine(XYChart chart, String name, double[] x, double[] y) {
        return BasicCharts.addLine(chart, name, x, y);
    }

    /** One curve y(x), ch1's first {@code plt.plot(x, y)}: {@link BasicCharts#line}. */
    public static XYChart line(double[] x, double[] y, String title) {
        return BasicCharts.line(x, y, title);
    }

    /** Several curves over the same x, one legend entry each (ch1: "sin" and "cos"): {@link BasicCharts#lines}. */
    public static XYChart lines(double[] x, Map<String, double[]> ys, String title) {
        return BasicCharts.lines(x, ys, title);
    }

    /** Points (x_i, y_i) without lines: {@link BasicCharts#scatter}. */
    public static XYChart scatter(double[] x, double[] y, String title, String xLabel, String yLabel) {
        return BasicCharts.scatter(x, y, title, xLabel, yLabel);
    }

    /** A bar chart of named values (e.g. test accuracy per network): {@link BasicCharts#bar}. */
    public static CategoryChart bar(String[] labels, double[] values, String title, String yLabel) {
        return BasicCharts.bar(labels, values, title, yLabel);
    }

    // ------------------------------------------------------------------ perceptron (ch2)

    /** A two-input classifier's regions, boundary and truth table over [-0.5, 1.5]² (ch2): {@link DecisionBoundaries#decisionBoundary}. */
    public static XYChart decisionBoundary(DoubleBinaryOperator gate, String title) {
        return DecisionBoundaries.decisionBoundary(gate, title);
    }

    // ------------------------------------------------------------------ functions (ch3, ch4)

    /** Several functions of one variable on [lo, hi] (ch3: step, sigmoid and ReLU): {@link FunctionCharts#functions}. */
    public static XYChart functions(double lo, double hi, Map<String, DoubleUnaryOperator> fns) {
        return FunctionCharts.functions(lo, hi, fns);
    }

    /** f on [lo, hi] and its tangent line at x0 with the given slope (ch4): {@link FunctionCharts#tangent}. */
    public static XYChart tangent(DoubleUnaryOperator f, double x0, double slope, double lo, double hi) {
        return FunctionCharts.tangent(f, x0, slope, lo, hi);
    }

    // ------------------------------------------------------------------ gradients (ch4, ch6)

    /** Arrows of −∇f on a grid over [lo, hi]² (ch4): {@link GradientCharts#gradientField}. */
    public static XYChart gradientField(Function<NDArray, NDArray> gradient, double lo, double hi, double step) {
        return GradientCharts.gradientField(gradient, lo, hi, step);
    }

    /** Arrows from (x_i, y_i) along (u_i, v_i), matplotlib's {@code plt.quiver}: {@link GradientCharts#quiver}. */
    public static XYChart quiver(double[] x, double[] y, double[] u, double[] v, double maxLength) {
        return GradientCharts.quiver(x, y, u, v, maxLength);
    }

    /** Gradient descent's path over f's contour lines (ch4): {@link GradientCharts#descentPath(double[][], DoubleBinaryOperator, double[], double[])}. */
    public static XYChart descentPath(double[][] path, DoubleBinaryOperator f, double[] xRange, double[] yRange) {
        return GradientCharts.descentPath(path, f, xRange, yRange);
    }

    /** A descent path as a list of {x, y} points: {@link GradientCharts#descentPath(List, DoubleBinaryOperator, double[], double[])}. */
    public static XYChart descentPath(List<double[]> path, DoubleBinaryOperator f, double[] xRange, double[] yRange) {
        return GradientCharts.descentPath(path, f, xRange, yRange);
    }

    /** A descent path of shape (steps, 2): {@link GradientCharts#descentPath(NDArray, DoubleBinaryOperator, double[], double[])}. */
    public static XYChart descentPath(NDArray path, DoubleBinaryOperator f, double[] xRange, double[] yRange) {
        return GradientCharts.descentPath(path, f, xRange, yRange);
    }

    /** One panel per optimizer, its path over f's contours (ch6, f = x²/20 + y²): {@link GradientCharts#optimizerPaths}. */
    public static BufferedImage optimizerPaths(Map<String, double[][]> paths, DoubleBinaryOperator f,
                                               double[] xRange, double[] yRange) {
        return GradientCharts.optimizerPaths(paths, f, xRange, yRange);
    }

    // ------------------------------------------------------------------ training (ch4-ch6)

    /** Loss per iteration (the ch4/ch5 training loss curve): {@link TrainingCharts#lossCurve(double[])}. */
    public static XYChart lossCurve(double[] lossPerIteration) {
        return TrainingCharts.lossCurve(lossPerIteration);
    }

    /** Loss per iteration with a moving average of {@code window} iterations over it: {@link TrainingCharts#lossCurve(double[], int)}. */
    public static XYChart lossCurve(double[] lossPerIteration, int window) {
        return TrainingCharts.lossCurve(lossPerIteration, window);
    }

    /** Train and test accuracy per epoch on [0, 1] (ch4/ch5): {@link TrainingCharts#accuracyCurves}. */
    public static XYChart accuracyCurves(double[] train, double[] test) {
        return TrainingCharts.accuracyCurves(train, test);
    }

    /** Several curves against their index, one colour each (ch6's comparisons): {@link TrainingCharts#compare}. */
    public static XYChart compare(Map<String, double[]> curves, String xLabel, String yLabel, String title) {
        return TrainingCharts.compare(curves, xLabel, yLabel, title);
    }

    /** Centred moving average over {@code window} points, the book's {@code smooth_curve}: {@link TrainingCharts#smooth}. */
    public static double[] smooth(double[] y, int window) {
        return TrainingCharts.smooth(y, window);
    }

    /** Trials at (learning rate, weight decay) on log axes, coloured by validation accuracy (ch6): {@link TrainingCharts#hyperparameterScatter}. */
    public static XYChart hyperparameterScatter(double[] lr, double[] weightDecay, double[] valAcc) {
        return TrainingCharts.hyperparameterScatter(lr, weightDecay, valAcc);
    }

    // ------------------------------------------------------------------ activations (ch6)

    /** A histogram of each layer's activations on shared bins, one panel per layer (ch6): {@link Histograms#activationHistograms}. */
    public static BufferedImage activationHistograms(Map<String, double[]> activationsPerLayer, int bins) {
        return Histograms.activationHistograms(activationsPerLayer, bins);
    }

    /** Counts of values in {@code bins} equal bins over [lo, hi]: {@link Histograms#histogram}. */
    public static double[] histogram(double[] values, int bins, double lo, double hi) {
        return Histograms.histogram(values, bins, lo, hi);
    }
}
