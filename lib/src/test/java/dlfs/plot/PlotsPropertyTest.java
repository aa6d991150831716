package dlfs.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import dlfs.nd.NDArray;

/**
 * Every public helper of {@link Plots} on the degenerate arrays of {@link Gen} and on seeded
 * random data of every magnitude: each figure renders to a PNG with its data visible, and NaN or
 * ±Infinity is refused with a message naming the series.
 */
class PlotsPropertyTest {

    private static final int W = 280;
    private static final int H = 210;
    private static final int BLUE = Charts.color(0).getRGB() & 0xffffff;
    private static final DoubleUnaryOperator IDENTITY = v -> v;

    /** Runs one case; a failure or exception reports the case's input. */
    private static void check(String input, Executable body) {
        try {
            body.execute();
        } catch (Throwable t) {
            throw new AssertionError(input + ": " + t, t);
        }
    }

    /** Renders the chart through PNG and checks pixels of the first series' colour are there. */
    private static BufferedImage drawsBlue(Object chart, String input) throws Exception {
        BufferedImage img = Png.render(chart, W, H);
        int blue = Png.count(img, BLUE, 40);
        assertTrue(blue >= 5, input + ": the series is not drawn (" + blue + " pixels)");
        return img;
    }

    @Test
    void lineLinesAndAddLineDrawAnyFiniteData() {
        Gen gen = new Gen(1);
        List<double[]> arrays = gen.arrays(10, 60);
        for (int k = 0; k < arrays.size(); k++) {
            double[] y = arrays.get(k);
            boolean even = k % 2 == 0;
            check("y = " + Gen.show(y), () -> {
                drawsBlue(Plots.line(Gen.arange(y.length), y, "line"), "line");
                if (even) {
                    drawsBlue(Plots.line(y, y, "x = y"), "line x = y");      // x as degenerate as y
                } else {
                    Map<String, double[]> ys = new LinkedHashMap<>();
                    ys.put("a", y);
                    ys.put("b", gen.values(y.length));
                    drawsBlue(Plots.lines(gen.values(y.length), ys, "lines"), "lines");
                }
            });
        }
        XYChart own = Plots.xy("by hand", "x", "y");
        Plots.addLine(own, "a", gen.values(5), gen.values(5));
        Plots.addLine(own, "b", gen.values(40), gen.values(40));
        check("addLine", () -> drawsBlue(own, "addLine"));
        // a chart's data may also come from XChart's own addSeries, after the helper
        XYChart later = Plots.line(new double[] {0, 1}, new double[] {7, 7}, "constant");
        later.addSeries("more", new double[] {0, 1}, new double[] {Gen.MAX, -Gen.MAX});
        check("addSeries of ±MAX after a constant", () -> drawsBlue(later, "later"));
        assertEquals(Gen.MAX, later.getSeriesMap().get("more").getYData()[0], 0, "painting changed the data");
        assertEquals(null, later.getStyler().getYAxisMax(), "painting left an axis range behind");
    }

    @Test
    void scatterAndBarDrawAnyFiniteData() {
        Gen gen = new Gen(2);
        for (double[] v : gen.arrays(8, 40)) {
            check("values = " + Gen.show(v), () -> {
                drawsBlue(Plots.scatter(gen.values(v.length), v, "scatter", "x", "y"), "scatter");
                String[] labels = new String[v.length];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = "bar " + i;
                }
                BufferedImage bar = Png.render(Plots.bar(labels, v, "bar", "value"), W, H);
                double[] mm = Ranges.finiteMinMax(v);
                // bars show when some value is non-zero and the values' span is a double
                // (a bar chart from -MAX to MAX renders, but XChart cannot place its bars)
                if ((mm[0] != 0 || mm[1] != 0) && Double.isFinite(mm[1] - mm[0])) {
                    assertTrue(Png.count(bar, BLUE, 40) >= 5, "no bars drawn");
                }
            });
        }
    }

    @Test
    void trainingCurvesDrawAnyFiniteData() {
        Gen gen = new Gen(3);
        List<double[]> arrays = gen.arrays(8, 300);
        for (int k = 0; k < arrays.size(); k++) {
            double[] loss = arrays.get(k);
            int which = k % 3;
            check("loss = " + Gen.show(loss), () -> {
                drawsBlue(Plots.lossCurve(loss, 1 + gen.random().nextInt(40)), "lossCurve smoothed");
                if (which == 0) {
                    drawsBlue(Plots.lossCurve(loss), "lossCurve");
                } else if (which == 1) {
                    drawsBlue(Plots.accuracyCurves(gen.unit(loss.length), gen.unit(loss.length)), "accuracyCurves");
                } else {
                    Map<String, double[]> curves = new LinkedHashMap<>();
                    curves.put("SGD", loss);
                    curves.put("Adam", gen.values(gen.length(50)));
                    drawsBlue(Plots.compare(curves, "iterations", "loss", "compare"), "compare");
                }
            });
        }
    }

    @Test
    void smoothStaysFiniteAndWithinTheData() {
        Gen gen = new Gen(4);
        for (double[] y : gen.arrays(60, 100)) {
            int window = 1 + gen.random().nextInt(30);
            double[] s = Plots.smooth(y, window);
            double[] mm = Ranges.finiteMinMax(y);
            for (double v : s) {
                assertTrue(v >= mm[0] && v <= mm[1], "smooth(" + Gen.show(y) + ", " + window + ") gave " + v);
            }
        }
    }

    @Test
    void functionsAndTangentOnAnyInterval() {
        Gen gen = new Gen(5);
        for (int k = 0; k < 10; k++) {
            double[] r = gen.interval();
            double scale = gen.magnitude();
            check("interval " + Gen.show(r) + ", scale " + scale, () -> {
                Map<String, DoubleUnaryOperator> fns = new LinkedHashMap<>();
                fns.put("identity", IDENTITY);
                fns.put("scaled sin", v -> scale * Math.sin(v));
                fns.put("half", v -> v / 2 + 1);
                XYChart c = Plots.functions(r[0], r[1], fns);
                double[] x = c.getSeriesMap().get("identity").getXData();
                assertEquals(400, x.length);
                for (int i = 1; i < x.length; i++) {
                    assertTrue(x[i] >= x[i - 1], "sample points run backwards at " + i);
                }
                drawsBlue(c, "functions");
                double x0 = Ranges.lerp(r[0], r[1], gen.random().nextDouble());
                double slope = (gen.random().nextBoolean() ? 1 : -1) * gen.magnitude();
                drawsBlue(Plots.tangent(IDENTITY, x0, slope, r[0], r[1]), "tangent, slope " + slope);
            });
        }
    }

    @Test
    void gradientFieldAndQuiverDrawArrows() {
        Gen gen = new Gen(6);
        int grey = 0x555555;
        for (int k = 0; k < 12; k++) {
            double[] r = gen.interval();
            int points = 1 + gen.random().nextInt(12);
            double span = r[1] / 2 - r[0] / 2;        // half the span: finite for any interval
            double step = span > 0 ? span / points * 2 : 1;
            double c = (gen.random().nextBoolean() ? 1 : -1) * gen.random().nextDouble();
            check("range " + Gen.show(r) + ", step " + step, () -> {
                XYChart g = Plots.gradientField(x -> x.mul(c), r[0], r[1], step);
                BufferedImage img = Png.render(g, W, H);
                boolean arrows = g.getSeriesMap().containsKey("arrows");
                assertTrue(!arrows || Png.count(img, grey, 30) >= 5, "arrows not drawn");
            });
            int n = gen.length(40);
            double[] x = gen.values(n);
            double[] y = gen.values(n);
            double[] u = gen.values(n);
            double[] v = gen.values(n);
            double len = gen.magnitude();
            check("quiver u = " + Gen.show(u) + ", maxLength " + len, () -> {
                XYChart q = Plots.quiver(x, y, u, v, len);
                BufferedImage img = Png.render(q, W, H);
                if (q.getSeriesMap().containsKey("arrows")) {
                    assertTrue(Png.count(img, grey, 30) >= 3, "arrows not drawn");
                }
            });
        }
        // empty but meaningful: no curves, no values to bin or smooth
        check("lines without curves", () -> Png.render(Plots.lines(new double[] {1, 2}, Map.of(), "no curves"), W, H));
        assertEquals(5, Plots.histogram(new double[0], 5, 0, 1).length);
        assertEquals(0, java.util.Arrays.stream(Plots.histogram(new double[0], 5, 0, 1)).sum(), 0);
        assertEquals(0, Plots.smooth(new double[0], 3).length);
        // no points at all, and only zero vectors: an empty chart, no error
        check("quiver of nothing", () -> Png.render(Plots.quiver(new double[0], new double[0], new double[0], new double[0], 1), W, H));
        check("zero vectors", () -> Png.render(Plots.quiver(new double[] {1}, new double[] {2}, new double[] {0}, new double[] {0}, 1), W, H));
    }

    @Test
    void descentPathAndOptimizerPathsOverAnyRange() {
        Gen gen = new Gen(7);
        int red = 0xd62728;
        for (int k = 0; k < 4; k++) {
            boolean alsoFour = k % 2 == 0;
            double[] xr = gen.interval();
            double[] yr = gen.interval();
            double[][] path = new double[1 + gen.random().nextInt(20)][];
            for (int i = 0; i < path.length; i++) {
                path[i] = new double[] {Ranges.lerp(xr[0], xr[1], gen.random().nextDouble()),
                    Ranges.lerp(yr[0], yr[1], gen.random().nextDouble())};
            }
            check("xRange " + Gen.show(xr) + ", yRange " + Gen.show(yr), () -> {
                BufferedImage img = Png.render(Plots.descentPath(path, (x, y) -> x * x + y * y, xr, yr), W, H);
                assertTrue(Png.count(img, red, 40) >= 5, "path not drawn");
                if (alsoFour) {
                    Map<String, double[][]> paths = new LinkedHashMap<>();
                    paths.put("SGD", path);
                    paths.put("Adam", new double[][] {path[0]});
                    BufferedImage four = Plots.optimizerPaths(paths, (x, y) -> x / 20 * x + y * y, xr, yr);
                    Png.render(four, four.getWidth(), four.getHeight());
                    assertTrue(Png.count(four, red, 40) >= 10, "paths not drawn");
                }
            });
        }
    }

    @Test
    void activationHistogramsOfAnyFiniteData() {
        Gen gen = new Gen(8);
        int fill = Png.overWhite(BLUE, 170);
        List<double[]> arrays = gen.arrays(10, 500);
        for (int k = 0; k < arrays.size(); k++) {
            Map<String, double[]> layers = new LinkedHashMap<>();
            layers.put("layer 1", arrays.get(k));
            if (k % 2 == 0) {
                layers.put("layer 2", gen.values(gen.length(300)));
            }
            int bins = k < Gen.DEGENERATE.length ? 30 : 1 + gen.random().nextInt(60);
            double[] first = arrays.get(k);
            check("layers " + Gen.show(first) + ", bins " + bins, () -> {
                List<XYChart> panels = Histograms.histogramPanels(layers, bins);
                int p = 0;
                for (Map.Entry<String, double[]> e : layers.entrySet()) {
                    XYChart panel = panels.get(p++);
                    XYSeries outline = panel.getSeriesMap().get(e.getKey());
                    double[] x = outline.getXData();
                    double[] y = outline.getYData();
                    for (int i = 1; i < x.length; i++) {
                        assertTrue(x[i] >= x[i - 1], "outline x runs backwards at " + i + ": " + x[i - 1] + " > " + x[i]);
                    }
                    assertEquals(panel.getStyler().getXAxisMin(), x[0], 0, "first edge is not the axis minimum");
                    assertEquals(panel.getStyler().getXAxisMax(), x[x.length - 1], 0, "last edge is not the axis maximum");
                    double total = 0;
                    double tallest = 0;
                    for (int i = 1; i < y.length - 1; i += 2) {
                        total += y[i];
                        tallest = Math.max(tallest, y[i]);
                    }
                    assertEquals(e.getValue().length, total, 0, "not every activation counted");
                    BufferedImage img = Png.render(panel, 230, 250);
                    // panels share the count axis: a layer with a tenth of the tallest bar or more shows
                    if (tallest * 10 >= panel.getStyler().getYAxisMax()) {
                        assertTrue(Png.count(img, fill, 12) >= 5, "histogram " + e.getKey() + " not filled");
                    }
                }
                BufferedImage row = Plots.activationHistograms(layers, bins);
                assertEquals(230 * layers.size(), row.getWidth());
            });
        }
    }

    /**
     * The failure reported from another CPU: bins = 30 over ReLU activations in [0, hi] with hi =
     * 4.868254857514394, where the old last edge lo + (hi − lo)·30/30 came out as
     * 4.868254857514395, above hi, and XChart refused the outline ("X-Data must be in ascending
     * order for Area Charts"). Then many more such intervals, found by search.
     */
    @Test
    void histogramWhoseNaiveLastEdgeRoundsAboveHi() throws Exception {
        double hi = 4.868254857514394;
        assertTrue(0 + (hi - 0) * 30 / 30 > hi, "this interval no longer shows the rounding");
        double[] relu = new double[100];
        for (int i = 0; i < relu.length; i++) {
            relu[i] = hi * i / 99;
        }
        relu[99] = hi;
        BufferedImage img = Plots.activationHistograms(Map.of("ReLU, Xavier", relu), 30);
        Png.save(img, "ch6_histogram_last_edge_above_hi", 230, 250);
        assertTrue(Png.count(img, Png.overWhite(BLUE, 170), 12) > 1000, "histogram not filled");
        double[] counts = Plots.histogram(relu, 30, 0, hi);
        assertEquals(100, java.util.Arrays.stream(counts).sum(), 0);
        assertTrue(counts[29] >= 1, "hi is not in the last bin");

        Random r = new Random(11);
        int found = 0;
        for (int tries = 0; found < 25 && tries < 100_000; tries++) {
            double top = r.nextDouble() * Math.pow(10, r.nextInt(12) - 4);
            double bottom = r.nextBoolean() ? 0 : -r.nextDouble() * top;
            if (!(bottom + (top - bottom) * 30 / 30 > top)) {
                continue;
            }
            found++;
            double[] v = new double[2 + r.nextInt(2000)];
            for (int i = 0; i < v.length; i++) {
                v[i] = bottom + (top - bottom) * r.nextDouble();
            }
            v[0] = bottom;
            v[1] = top;
            double b = bottom;
            check("[" + bottom + ", " + top + "], " + v.length + " values", () -> {
                BufferedImage h = Plots.activationHistograms(Map.of("layer", v), 30);
                assertTrue(Png.count(h, Png.overWhite(BLUE, 170), 12) > 100, "histogram not filled");
                double[] c = Plots.histogram(v, 30, b, top);
                assertEquals(v.length, java.util.Arrays.stream(c).sum(), 0, "values lost");
            });
        }
        assertEquals(25, found, "too few intervals with the rounding found");
    }

    @Test
    void histogramCountsEveryValueInRangeOnce() {
        Gen gen = new Gen(9);
        for (int k = 0; k < 200; k++) {
            double[] r = gen.interval();
            double[] v = gen.values(gen.length(200));
            int bins = 1 + gen.random().nextInt(100);
            double[] c = Plots.histogram(v, bins, r[0], r[1]);
            double[] w = Ranges.widen(r[0], r[1]);
            long inRange = java.util.Arrays.stream(v).filter(a -> a >= w[0] && a <= w[1]).count();
            assertEquals(inRange, java.util.Arrays.stream(c).sum(), 0,
                "histogram(" + Gen.show(v) + ", " + bins + ", " + r[0] + ", " + r[1] + ")");
        }
        // lo == hi: the value itself is counted, in the middle of a widened range
        assertEquals(3, java.util.Arrays.stream(Plots.histogram(new double[] {2, 2, 2}, 5, 2, 2)).sum(), 0);
        assertEquals(3, Plots.histogram(new double[] {2, 2, 2}, 5, 2, 2)[2], 0);
        assertThrows(IllegalArgumentException.class, () -> Plots.histogram(new double[] {1}, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Plots.histogram(new double[] {1}, 5, 1, 0));
    }

    @Test
    void decisionBoundaryOfAnyLinearGate() {
        Gen gen = new Gen(10);
        for (int k = 0; k < 3; k++) {
            double w1 = gen.values(1)[0];
            double w2 = gen.values(1)[0];
            double b = gen.values(1)[0];
            check("gate " + w1 + " x1 + " + w2 + " x2 + " + b, () -> {
                XYChart c = Plots.decisionBoundary((x1, x2) -> w1 * x1 + w2 * x2 + b > 0 ? 1 : 0, "gate");
                BufferedImage img = Png.render(c, 520, 500);
                assertTrue(Png.count(img, 0xc9dcf0, 3) + Png.count(img, 0xfde0c5, 3) > 0.3 * 520 * 500, "regions not shaded");
            });
        }
    }

    @Test
    void hyperparameterScatterOfAnyPositiveValues() {
        Gen gen = new Gen(11);
        int[] colours = {0xbbbbbb, 0xf4a259, 0x5b8e7d, 0x1f4e8c};
        for (int k = 0; k < 5; k++) {
            int n = gen.length(40);
            double[] lr = positive(gen.values(n));
            double[] wd = positive(gen.values(n));
            double[] acc = k % 2 == 0 ? gen.unit(n) : gen.values(n);
            check("lr " + Gen.show(lr) + ", wd " + Gen.show(wd), () -> {
                XYChart c = Plots.hyperparameterScatter(lr, wd, acc);
                assertEquals(n, c.getSeriesMap().values().stream().mapToInt(s -> s.getXData().length).sum());
                BufferedImage img = Png.render(c, 480, 320);
                int dots = 0;
                for (int colour : colours) {
                    dots += Png.count(img, colour, 6);
                }
                assertTrue(dots >= 10, "no trial drawn");
            });
        }
    }

    private static double[] positive(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.abs(v[i]) > 0 ? Math.abs(v[i]) : Double.MIN_VALUE;
        }
        return v;
    }

    @Test
    void nanAndInfinityAreRefusedByName() {
        double[] bad = {1, Double.NaN, 2, Double.NaN, Double.NaN};
        double[] inf = {1, Double.POSITIVE_INFINITY, 2};
        double[] ok = {1, 2, 3, 4, 5};
        Map<String, double[]> layers = new LinkedHashMap<>();
        layers.put("ReLU, He", ok);
        layers.put("ReLU, Xavier", bad);
        refused("activationHistograms: layer \"ReLU, Xavier\" has 3 NaN values", () -> Plots.activationHistograms(layers, 30));
        refused("lines: series \"cos\" has 1 infinite value", () -> Plots.lines(new double[] {0, 1, 2}, Map.of("cos", inf), ""));
        refused("line: y has 3 NaN values", () -> Plots.line(ok, bad, ""));
        refused("line: x has 3 NaN values", () -> Plots.line(bad, ok, ""));
        refused("scatter: y has 1 infinite value", () -> Plots.scatter(new double[] {1, 2, 3}, inf, "", "", ""));
        refused("addLine: series \"b\" has 3 NaN values", () -> Plots.addLine(Plots.xy("", "", ""), "b", ok, bad));
        refused("bar: value 1 (\"Adam\") is NaN", () -> Plots.bar(new String[] {"SGD", "Adam"}, new double[] {1, Double.NaN}, "", ""));
        refused("lossCurve: loss has 3 NaN values", () -> Plots.lossCurve(bad, 5));
        refused("accuracyCurves: test has 3 NaN values", () -> Plots.accuracyCurves(ok, bad));
        refused("compare: curve \"Adam\" has 1 infinite value", () -> Plots.compare(Map.of("Adam", inf), "", "", ""));
        refused("functions: function \"log\" has 1 infinite value (first at x = 0", () ->
            Plots.functions(0, 1, Map.of("log", Math::log)));
        refused("tangent: f has", () -> Plots.tangent(v -> 1 / v - 1 / v, 0.5, 1, 0, 1));
        refused("gradientField: the gradient at", () -> Plots.gradientField(x -> x.div(0.0), -1, 1, 0.5));
        refused("quiver: u has 3 NaN values", () -> Plots.quiver(ok, ok, bad, ok, 1));
        refused("descentPath: path: point 1 is (NaN", () ->
            Plots.descentPath(new double[][] {{0, 0}, {Double.NaN, 1}}, (x, y) -> x, new double[] {-1, 1}, new double[] {-1, 1}));
        refused("optimizerPaths: path \"Adam\": point 0", () ->
            Plots.optimizerPaths(Map.of("Adam", new double[][] {{Double.NEGATIVE_INFINITY, 0}}), (x, y) -> x,
                new double[] {-1, 1}, new double[] {-1, 1}));
        refused("histogram: values has 3 NaN values", () -> Plots.histogram(bad, 10, 0, 1));
        refused("hyperparameterScatter: valAcc has 3 NaN values", () -> Plots.hyperparameterScatter(ok, ok, bad));
        // invalid arguments keep their own clear messages
        refused("activationHistograms: bins must be in 1..1000, got -1", () -> Plots.activationHistograms(layers, -1));
        refused("scatter: y has 2 values but x has 3", () -> Plots.scatter(new double[] {1, 2, 3}, new double[] {1, 2}, "", "", ""));
        refused("functions: need finite lo <= hi, got [2.0, 1.0]", () -> Plots.functions(2, 1, Map.of("x", IDENTITY)));
        refused("line: y: no values", () -> Plots.line(new double[0], new double[0], ""));
        // the shared length and emptiness checks name the operation and both arrays
        refused("accuracyCurves: train has 5 values but test has 2", () -> Plots.accuracyCurves(ok, new double[2]));
        refused("hyperparameterScatter: lr has 5 values but valAcc has 1", () ->
            Plots.hyperparameterScatter(ok, ok, new double[] {0.5}));
        refused("quiver: x has 5 values but u has 1", () -> Plots.quiver(ok, ok, new double[1], new double[1], 1));
        refused("lossCurve: no values", () -> Plots.lossCurve(new double[0]));
        refused("bar: no values", () -> Plots.bar(new String[0], new double[0], "", ""));
        refused("compare: curve \"SGD\": no values", () -> Plots.compare(Map.of("SGD", new double[0]), "", "", ""));
        refused("activationHistograms: layer \"tanh\": no values", () ->
            Plots.activationHistograms(Map.of("tanh", new double[0]), 10));
    }

    private static void refused(String message, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, message);
        assertTrue(e.getMessage().startsWith(message), "expected \"" + message + "...\", got \"" + e.getMessage() + "\"");
    }

    @Test
    void aTinyScaleStillGivesAPicture() throws Exception {
        XYChart c = Plots.line(new double[] {0, 1}, new double[] {0, 1}, "small");
        assertEquals(1, Charts.toImage(c, 0.001).getWidth());
        assertEquals(1, Charts.toImage(new BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB), 0.01).getHeight());
        NDArray eye = NDArray.eye(4);
        assertEquals(1, Charts.toImage(Images.image(eye, 1), 0.1).getWidth());
    }
}
