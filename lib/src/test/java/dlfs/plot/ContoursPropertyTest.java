package dlfs.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleBinaryOperator;

import org.junit.jupiter.api.Test;

/**
 * {@link Contours} over random ranges of every magnitude (lo == hi now and then) and functions
 * whose values reach ±Double.MAX_VALUE: levels stay within the grid's values and increase, every
 * contour point is finite and inside the (widened) ranges, and a plane's contours lie on its level.
 */
class ContoursPropertyTest {

    @Test
    void levelsAndLinesStayInsideTheirRanges() {
        Gen gen = new Gen(31);
        for (int k = 0; k < 40; k++) {
            double[] xr = gen.interval();
            double[] yr = gen.interval();
            double a = gen.values(1)[0];
            double b = gen.values(1)[0];
            DoubleBinaryOperator[] fs = {
                (x, y) -> a * Math.signum(x) + b * Math.signum(y),
                (x, y) -> Gen.finite(a * (x / (Math.abs(x) + 1)) + b * (y / (Math.abs(y) + 1))),
                (x, y) -> Gen.finite(x / 2 + y / 2),
                (x, y) -> a,
            };
            for (int f = 0; f < fs.length; f++) {
                String input = "f" + f + ", a " + a + ", b " + b + ", x " + Gen.show(xr) + ", y " + Gen.show(yr);
                double[][] z = Contours.sample(fs[f], xr, yr, 21, 17);
                double[] levels = Contours.autoLevels(z, 6);
                double[] zr = Ranges.finiteMinMax(z);
                for (int i = 0; i < levels.length; i++) {
                    assertTrue(Double.isFinite(levels[i]) && levels[i] >= zr[0] && levels[i] <= zr[1],
                        input + ": level " + levels[i] + " outside the grid's values");
                    assertTrue(i == 0 || levels[i] >= levels[i - 1], input + ": levels decrease");
                }
                double[] wx = Ranges.widen(xr[0], xr[1]);
                double[] wy = Ranges.widen(yr[0], yr[1]);
                for (double level : levels) {
                    for (double[][] line : Contours.lines(z, xr, yr, level)) {
                        for (int i = 0; i < line[0].length; i++) {
                            double x = line[0][i];
                            double y = line[1][i];
                            assertTrue(x >= wx[0] && x <= wx[1] && y >= wy[0] && y <= wy[1],
                                input + ": contour point (" + x + ", " + y + ") outside the ranges");
                        }
                    }
                }
            }
        }
    }

    @Test
    void aPlanesContoursLieOnTheirLevel() {
        Gen gen = new Gen(32);
        for (int k = 0; k < 30; k++) {
            double scale = gen.magnitude();
            double ax = gen.random().nextGaussian();
            double ay = gen.random().nextGaussian();
            DoubleBinaryOperator plane = (x, y) -> ax * x + ay * y;
            double[] r = {-scale, scale};
            double[][] z = Contours.sample(plane, r, r, 15, 15);
            double[] zr = Ranges.finiteMinMax(z);
            for (double level : Contours.autoLevels(z, 4)) {
                for (double[][] line : Contours.lines(z, r, r, level)) {
                    for (int i = 0; i < line[0].length; i++) {
                        double off = plane.applyAsDouble(line[0][i], line[1][i]) - level;
                        assertEquals(0, off / (zr[1] / 2 - zr[0] / 2), 1e-6, "scale " + scale + ", level " + level);
                    }
                }
            }
        }
    }

    @Test
    void gridPointsWhereFIsNotFiniteAreLeftOut() {
        // log is -Infinity at 0 and NaN below: those cells draw nothing, the rest is contoured
        List<double[][]> lines = Contours.lines((x, y) -> Math.log(x) + y, new double[] {-1, 2}, new double[] {-1, 1}, 31, 21, 0.0);
        assertTrue(!lines.isEmpty());
        for (double[][] line : lines) {
            for (double x : line[0]) {
                assertTrue(x > 0, "contour at x = " + x + " where log is not finite");
            }
        }
        assertEquals(0, Contours.autoLevels(new double[][] {{Double.NaN, 1}, {1, 1}}, 5).length, "a constant has no levels");
    }

    @Test
    void degenerateAndInvalidGrids() {
        // lo == hi is widened; reversed ranges, ragged or empty grids and NaN levels are errors
        double[][] z = Contours.sample((x, y) -> x + y, new double[] {3, 3}, new double[] {0, 1}, 5, 5);
        assertEquals(2.7, z[0][0], 1e-12);
        assertEquals(3.3 + 1, z[4][4], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Contours.sample((x, y) -> x, new double[] {1, 0}, new double[] {0, 1}, 5, 5));
        assertThrows(IllegalArgumentException.class, () -> Contours.lines(new double[][] {{1, 2}, {3}}, new double[] {0, 1}, new double[] {0, 1}, 1));
        assertThrows(IllegalArgumentException.class, () -> Contours.lines(new double[0][], new double[] {0, 1}, new double[] {0, 1}, 1));
        assertThrows(IllegalArgumentException.class, () -> Contours.lines(new double[][] {{1, 2}, {3, 4}}, new double[] {0, 1}, new double[] {0, 1}, Double.NaN));
        assertEquals(0, Contours.lines(new double[][] {{1, 2, 3}}, new double[] {0, 1}, new double[] {0, 1}, 1.5).size(), "one row has no cells");
    }
}
