package dlfs.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ContoursTest {

    @Test
    void circleIsOneClosedLoopOnTheLevel() {
        List<double[][]> lines = Contours.lines((x, y) -> x * x + y * y, new double[] {-2, 2}, new double[] {-2, 2},
            81, 81, 1.0);
        assertEquals(1, lines.size());
        double[] x = lines.get(0)[0];
        double[] y = lines.get(0)[1];
        assertTrue(x.length > 60, "too few points: " + x.length);
        assertEquals(x[0], x[x.length - 1], 1e-12);      // closed
        assertEquals(y[0], y[y.length - 1], 1e-12);
        for (int i = 0; i < x.length; i++) {
            assertEquals(1.0, Math.hypot(x[i], y[i]), 0.01);
        }
    }

    @Test
    void lineAcrossTheGridIsOneOpenChain() {
        List<double[][]> lines = Contours.lines((x, y) -> x + y, new double[] {0, 1}, new double[] {0, 1}, 11, 11, 1.0);
        assertEquals(1, lines.size());
        double[] x = lines.get(0)[0];
        double[] y = lines.get(0)[1];
        for (int i = 0; i < x.length; i++) {
            assertEquals(1.0, x[i] + y[i], 1e-12);
        }
        assertEquals(1.0, Math.abs(x[0] - x[x.length - 1]), 1e-12);   // from one edge of the square to the other
    }

    @Test
    void twoHillsGiveTwoLoops() {
        List<double[][]> lines = Contours.lines(
            (x, y) -> Math.exp(-((x - 1) * (x - 1) + y * y) * 4) + Math.exp(-((x + 1) * (x + 1) + y * y) * 4),
            new double[] {-2, 2}, new double[] {-1, 1}, 101, 51, 0.5);
        assertEquals(2, lines.size());
    }

    @Test
    void autoLevelsStayClosedInsideTheFrame() {
        // x^2 + y^2 on [-3, 3]^2: minimum 0, smallest border value 9 (at (3, 0)); 3 levels up to 0.98^2 * 9
        double[][] z = Contours.sample((x, y) -> x * x + y * y, new double[] {-3, 3}, new double[] {-3, 3}, 61, 61);
        double[] lv = Contours.autoLevels(z, 3);
        for (int k = 1; k <= 3; k++) {
            assertEquals(9 * Math.pow(0.98 * k / 3, 2), lv[k - 1], 1e-9);
        }
        // a plane has its minimum on the border: the levels span the whole range
        double[][] plane = Contours.sample((x, y) -> x, new double[] {0, 9}, new double[] {0, 1}, 10, 2);
        assertEquals(9 * 0.98 * 0.98, Contours.autoLevels(plane, 2)[1], 1e-9);
    }

    @Test
    void badRangeIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Contours.lines((x, y) -> x, new double[] {1, 0}, new double[] {0, 1}, 5, 5, 0));
        assertTrue(e.getMessage().contains("xRange"), e.getMessage());
    }
}
