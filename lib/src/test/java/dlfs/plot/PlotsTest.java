package dlfs.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import dlfs.nd.NDArray;

class PlotsTest {

    private static final DoubleBinaryOperator BOWL = (x, y) -> x * x / 20 + y * y;

    @Test
    void sinAndCos() throws Exception {
        double[] x = Ranges.linspace(0, 6, 61);
        Map<String, double[]> ys = new LinkedHashMap<>();
        ys.put("sin", java.util.Arrays.stream(x).map(Math::sin).toArray());
        ys.put("cos", java.util.Arrays.stream(x).map(Math::cos).toArray());
        XYChart c = Plots.lines(x, ys, "sin & cos");
        assertEquals(java.util.Set.of("sin", "cos", BasicCharts.TICK_FIX), c.getSeriesMap().keySet());
        assertEquals(Math.sin(6), c.getSeriesMap().get("sin").getYData()[60], 1e-12);
        Png.save(c, "ch1_sin_cos", Charts.WIDTH, Charts.HEIGHT);
        Png.save(Plots.line(x, ys.get("sin"), "sin"), "ch1_line", Charts.WIDTH, Charts.HEIGHT);
        XYChart own = Plots.xy("by hand", "x", "y");
        Plots.addLine(own, "a", x, x);
        XYSeries b = Plots.addLine(own, "b", x, ys.get("cos"));
        assertEquals(Charts.color(1), b.getLineColor());
        Png.save(own, "xy_by_hand", Charts.WIDTH, Charts.HEIGHT);
    }

    @Test
    void activationFunctions() throws Exception {
        Map<String, DoubleUnaryOperator> fns = new LinkedHashMap<>();
        fns.put("step", v -> v > 0 ? 1 : 0);
        fns.put("sigmoid", v -> 1 / (1 + Math.exp(-v)));
        fns.put("ReLU", v -> Math.max(0, v));
        XYChart c = Plots.functions(-5, 5, fns);
        XYSeries sig = c.getSeriesMap().get("sigmoid");
        assertEquals(400, sig.getXData().length);
        assertEquals(1 / (1 + Math.exp(5)), sig.getYData()[0], 1e-12);
        assertEquals(5.0, c.getSeriesMap().get("ReLU").getYData()[399], 1e-12);
        c.getStyler().setYAxisMax(1.1);
        c.getStyler().setYAxisMin(-0.1);
        Png.save(c, "ch3_functions", Charts.WIDTH, Charts.HEIGHT);
        // lo == hi is widened around the value; a reversed interval is an error
        double[] widened = Plots.functions(1, 1, fns).getSeriesMap().get("ReLU").getXData();
        assertEquals(0.9, widened[0], 1e-12);
        assertEquals(1.1, widened[399], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Plots.functions(2, 1, fns));
    }

    @Test
    void tangentLineGoesThroughThePointWithTheSlope() throws Exception {
        DoubleUnaryOperator f = x -> 0.01 * x * x + 0.1 * x;   // the book's function_1
        double slope = 0.2;                                      // its derivative at x = 5 (numerical 0.1999999999990898)
        XYChart c = Plots.tangent(f, 5, slope, 0, 20);
        XYSeries t = c.getSeriesMap().get("tangent");
        double[] y = t.getYData();
        assertEquals(0.75 - 5 * 0.2, y[0], 1e-12);               // at x = 0: f(5) - 5 * slope
        assertEquals(0.75 + 15 * 0.2, y[1], 1e-12);              // at x = 20
        assertEquals("tangent at x = 5, slope 0.2", c.getTitle());
        assertEquals("0.199999", FunctionCharts.number(0.1999990));
        assertEquals("1.5e-05", FunctionCharts.number(1.5e-5));
        Png.save(c, "ch4_tangent", Charts.WIDTH, Charts.HEIGHT);
    }

    @Test
    void lossAndAccuracyCurves() throws Exception {
        java.util.Random r = new java.util.Random(1);
        double[] loss = new double[600];
        for (int i = 0; i < loss.length; i++) {
            loss[i] = 2.3 * Math.exp(-i / 120.0) + 0.1 + 0.15 * r.nextGaussian();
        }
        Png.save(Plots.lossCurve(loss), "ch4_loss", Charts.WIDTH, Charts.HEIGHT);
        XYChart smoothed = Plots.lossCurve(loss, 25);
        assertEquals(java.util.Set.of("loss", "moving average (25)", BasicCharts.TICK_FIX), smoothed.getSeriesMap().keySet());
        Png.save(smoothed, "ch4_loss_smoothed", Charts.WIDTH, Charts.HEIGHT);

        double[] train = {0.10, 0.78, 0.88, 0.90, 0.91, 0.92, 0.93, 0.935, 0.94, 0.945};
        double[] test = {0.10, 0.79, 0.88, 0.90, 0.91, 0.92, 0.925, 0.93, 0.935, 0.94};
        XYChart acc = Plots.accuracyCurves(train, test);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, acc.getSeriesMap().get("train acc").getXData());
        Png.save(acc, "ch4_accuracy", Charts.WIDTH, Charts.HEIGHT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Plots.accuracyCurves(train, new double[3]));
        assertTrue(e.getMessage().contains("10") && e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void smoothIsACentredMovingAverage() {
        assertArrayEquals(new double[] {1.5, 2, 3, 4, 4.5}, Plots.smooth(new double[] {1, 2, 3, 4, 5}, 3), 1e-12);
        assertArrayEquals(new double[] {1, 2, 3}, Plots.smooth(new double[] {1, 2, 3}, 1), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Plots.smooth(new double[] {1}, 0));
    }

    @Test
    void compareOptimizers() throws Exception {
        Map<String, double[]> curves = new LinkedHashMap<>();
        String[] names = {"SGD", "Momentum", "AdaGrad", "Adam"};
        double[] rate = {400, 120, 60, 80};
        java.util.Random r = new java.util.Random(2);
        for (int k = 0; k < names.length; k++) {
            double[] y = new double[500];
            for (int i = 0; i < y.length; i++) {
                y[i] = 2.3 * Math.exp(-i / rate[k]) + 0.05 + 0.05 * r.nextGaussian();
            }
            curves.put(names[k], Plots.smooth(y, 11));
        }
        XYChart c = Plots.compare(curves, "iterations", "loss", "optimizers on MNIST");
        java.util.List<String> shown = new java.util.ArrayList<>(c.getSeriesMap().keySet());
        shown.remove(BasicCharts.TICK_FIX);
        assertEquals(java.util.List.of(names), shown);
        Png.save(c, "ch6_compare", Charts.WIDTH, Charts.HEIGHT);
    }

    @Test
    void gradientFieldPointsDownhill() throws Exception {
        // -grad of x0^2 + x1^2 is (-2 x0, -2 x1): every arrow points to the origin
        XYChart c = Plots.gradientField(x -> x.mul(2.0), -2, 2, 0.25);
        XYSeries arrows = c.getSeriesMap().get("arrows");
        double[] xs = arrows.getXData();
        double[] ys = arrows.getYData();
        // first arrow starts at (-2, -2) and points along (+1, +1), its length is 0.9 * step (the longest)
        assertEquals(-2, xs[0], 1e-12);
        assertEquals(-2, ys[0], 1e-12);
        assertEquals(xs[1] - xs[0], ys[1] - ys[0], 1e-12);
        assertEquals(0.9 * 0.25, Math.hypot(xs[1] - xs[0], ys[1] - ys[0]), 1e-12);
        // 17 x 17 grid, the origin has a zero gradient and no arrow: 288 arrows of 3 strokes
        int strokes = 0;
        for (double y : ys) {
            if (Double.isNaN(y)) {
                strokes++;
            }
        }
        assertEquals(288 * 3, strokes + 1);
        Png.save(c, "ch4_gradient_field", 560, 540);
        assertThrows(IllegalArgumentException.class, () -> Plots.gradientField(x -> NDArray.of(1.0), -2, 2, 0.5));
    }

    @Test
    void quiverScalesTheLongestArrowToMaxLength() {
        // (3, 4) is the longest vector (length 5): drawn 2 long; (0, 1) keeps its proportion, 0.4 long
        XYChart c = Plots.quiver(new double[] {0, 1}, new double[] {0, 0}, new double[] {3, 0}, new double[] {4, 1}, 2);
        double[] xs = c.getSeriesMap().get("arrows").getXData();
        double[] ys = c.getSeriesMap().get("arrows").getYData();
        // each arrow is a shaft and two head strokes, two points each, separated by a NaN break
        assertEquals(3 * 2 * 3 - 1, ys.length);
        assertArrayEquals(new double[] {0, 1.2}, new double[] {xs[0], xs[1]}, 1e-12);
        assertArrayEquals(new double[] {0, 1.6}, new double[] {ys[0], ys[1]}, 1e-12);
        assertTrue(Double.isNaN(ys[2]));
        assertArrayEquals(new double[] {1, 1}, new double[] {xs[9], xs[10]}, 1e-12);
        assertArrayEquals(new double[] {0, 0.4}, new double[] {ys[9], ys[10]}, 1e-12);
        // a head stroke starts at the tip and is 0.35 of the shaft long, pointing back
        assertEquals(1.2, xs[3], 1e-12);
        assertEquals(1.6, ys[3], 1e-12);
        assertEquals(0.35 * 2, Math.hypot(xs[4] - xs[3], ys[4] - ys[3]), 1e-12);
        assertTrue(ys[4] < ys[3]);
    }

    @Test
    void descentPathOverContours() throws Exception {
        // gradient descent on x0^2 + x1^2 from (-3, 4), lr 0.1: x <- 0.8 x
        double[][] path = new double[20][];
        double[] p = {-3, 4};
        for (int k = 0; k < path.length; k++) {
            path[k] = p.clone();
            p[0] *= 0.8;
            p[1] *= 0.8;
        }
        XYChart c = Plots.descentPath(path, (x, y) -> x * x + y * y, new double[] {-4.5, 4.5}, new double[] {-4.5, 4.5});
        assertEquals(-3, c.getSeriesMap().get("path").getXData()[0], 0);
        assertTrue(c.getSeriesMap().containsKey("contours of f"));
        Png.save(c, "ch4_descent_path", Charts.WIDTH, Charts.HEIGHT);
        XYChart fromList = Plots.descentPath(java.util.List.of(path), (x, y) -> x * x + y * y,
            new double[] {-4.5, 4.5}, new double[] {-4.5, 4.5});
        assertArrayEquals(c.getSeriesMap().get("path").getYData(), fromList.getSeriesMap().get("path").getYData(), 0);
        // a path of shape (steps, 2) gives the same points (as stored in NDArray's precision)
        XYChart fromArray = Plots.descentPath(NDArray.of(path), (x, y) -> x * x + y * y,
            new double[] {-4.5, 4.5}, new double[] {-4.5, 4.5});
        assertArrayEquals(c.getSeriesMap().get("path").getXData(), fromArray.getSeriesMap().get("path").getXData(), 1e-6);
        assertArrayEquals(c.getSeriesMap().get("path").getYData(), fromArray.getSeriesMap().get("path").getYData(), 1e-6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Plots.descentPath(NDArray.zeros(5, 3), BOWL, new double[] {-1, 1}, new double[] {-1, 1}));
        assertTrue(e.getMessage().contains("(5, 3)"), e.getMessage());
    }

    @Test
    void fourOptimizerPanels() throws Exception {
        Map<String, double[][]> paths = new LinkedHashMap<>();
        for (String name : new String[] {"SGD", "Momentum", "AdaGrad", "Adam"}) {
            double[][] path = new double[30][];
            double x = -7, y = 2;
            for (int k = 0; k < path.length; k++) {
                path[k] = new double[] {x, y};
                x -= 0.95 * x / 10;      // plain gradient steps with lr 0.95 on x^2/20 + y^2
                y -= 0.95 * 2 * y;
            }
            paths.put(name, path);
        }
        BufferedImage img = Plots.optimizerPaths(paths, BOWL, new double[] {-10, 10}, new double[] {-10, 10});
        Png.save(img, "ch6_optimizer_paths", 2 * 460, 2 * 340);
        // the path's red is there in each of the four panels
        for (int panel = 0; panel < 4; panel++) {
            BufferedImage cell = img.getSubimage((panel % 2) * 460, (panel / 2) * 340, 460, 340);
            assertTrue(Png.count(cell, 0xd62728, 20) > 50, "no red path in panel " + panel);
        }
    }

    @Test
    void activationHistogramsShareBins() throws Exception {
        java.util.Random r = new java.util.Random(3);
        Map<String, double[]> acts = new LinkedHashMap<>();
        for (int layer = 1; layer <= 5; layer++) {
            double[] a = new double[1000];
            for (int i = 0; i < a.length; i++) {
                double z = r.nextGaussian() * (layer == 1 ? 3 : 0.5);
                a[i] = 1 / (1 + Math.exp(-z));
            }
            acts.put(layer + "-layer", a);
        }
        BufferedImage img = Plots.activationHistograms(acts, 30);
        Png.save(img, "ch6_activation_histograms", 5 * 230, 250);
        double[] counts = Plots.histogram(new double[] {0, 0.1, 0.5, 0.99, 1.0, 1.5}, 2, 0, 1);
        assertArrayEquals(new double[] {2, 3}, counts, 0);
        assertThrows(IllegalArgumentException.class,
            () -> Plots.activationHistograms(Map.of("bad", new double[] {Double.NaN}), 10));
    }

    @Test
    void perceptronRegions() throws Exception {
        DoubleBinaryOperator and = (x1, x2) -> 0.5 * x1 + 0.5 * x2 - 0.7 > 0 ? 1 : 0;
        XYChart c = Plots.decisionBoundary(and, "AND");
        assertEquals(1, c.getSeriesMap().get("y = 1").getXData().length);
        assertEquals(3, c.getSeriesMap().get("y = 0").getXData().length);
        // the boundary is the line x1 + x2 = 1.4 (crossings refined by bisection)
        XYSeries b = c.getSeriesMap().get("boundary");
        for (int i = 0; i < b.getXData().length; i++) {
            if (!Double.isNaN(b.getYData()[i])) {
                assertEquals(1.4, b.getXData()[i] + b.getYData()[i], 1e-6);
            }
        }
        Png.save(c, "ch2_and", 520, 500);
        DoubleBinaryOperator xor = (x1, x2) -> {
            int s1 = 0.5 * x1 + 0.5 * x2 - 0.2 > 0 ? 1 : 0;     // OR
            int s2 = -0.5 * x1 - 0.5 * x2 + 0.7 > 0 ? 1 : 0;    // NAND
            return 0.5 * s1 + 0.5 * s2 - 0.7 > 0 ? 1 : 0;       // AND
        };
        XYChart x = Plots.decisionBoundary(xor, "XOR = AND(NAND, OR)");
        assertEquals(2, x.getSeriesMap().get("y = 1").getXData().length);
        BufferedImage img = Png.save(x, "ch2_xor", 520, 500);
        assertTrue(Png.count(img, 0xc9dcf0, 3) > 5000, "XOR's 1-region not shaded");
        assertTrue(Png.count(img, 0xfde0c5, 3) > 5000, "XOR's 0-region not shaded");
        // painted larger, the shaded cells grow with the plot: no white seams between them
        BufferedImage big = Charts.paint(x, 1000, 960, 1.0);
        Png.save(big, "ch2_xor_large", 1000, 960);
        assertTrue(Png.count(big, 0xc9dcf0, 3) + Png.count(big, 0xfde0c5, 3) > 0.6 * 1000 * 960,
            "regions do not tile the plot area");
    }

    @Test
    void hyperparameterSearchAndBars() throws Exception {
        java.util.Random r = new java.util.Random(4);
        int n = 60;
        double[] lr = new double[n], wd = new double[n], acc = new double[n];
        for (int i = 0; i < n; i++) {
            lr[i] = Math.pow(10, -6 + 4 * r.nextDouble());     // the book's 10^uniform(-6, -2)
            wd[i] = Math.pow(10, -8 + 4 * r.nextDouble());     // and 10^uniform(-8, -4)
            acc[i] = Math.max(0.05, Math.min(0.95, 0.95 - 0.3 * Math.abs(Math.log10(lr[i]) + 2.2)));
        }
        XYChart c = Plots.hyperparameterScatter(lr, wd, acc);
        int total = c.getSeriesMap().values().stream().mapToInt(s -> s.getXData().length).sum();
        assertEquals(n, total);
        Png.save(c, "ch6_hyperparameters", Charts.WIDTH, Charts.HEIGHT);
        assertThrows(IllegalArgumentException.class,
            () -> Plots.hyperparameterScatter(new double[] {0}, new double[] {1}, new double[] {0.5}));

        CategoryChart bar = Plots.bar(new String[] {"SGD", "Adam"}, new double[] {0.91, 0.97}, "test accuracy", "accuracy");
        Png.save(bar, "bar", Charts.WIDTH, Charts.HEIGHT);
        Png.save(Plots.scatter(new double[] {1, 2, 3}, new double[] {3, 1, 2}, "points", "x", "y"),
            "scatter", Charts.WIDTH, Charts.HEIGHT);
    }
}
