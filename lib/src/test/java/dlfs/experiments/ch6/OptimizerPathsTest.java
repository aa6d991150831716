package dlfs.experiments.ch6;

import dlfs.optim.*;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Reference numbers from the book's optimizer classes run in numpy on f = x²/20 + y² from (−7, 2), 30 steps. */
class OptimizerPathsTest {
    private static void assertPath(double[][] p, double x1, double y1, double xEnd, double yEnd) {
        assertEquals(31, p.length);
        assertArrayEquals(new double[]{-7.0, 2.0}, p[0]);
        assertEquals(x1, p[1][0], 1e-9);
        assertEquals(y1, p[1][1], 1e-9);
        assertEquals(xEnd, p[30][0], 1e-9);
        assertEquals(yEnd, p[30][1], 1e-9);
    }

    @Test
    void bookComparisonMatchesNumpy() {
        Map<String, double[][]> paths = OptimizerPaths.bookComparison();
        assertEquals(java.util.List.of("SGD", "Momentum", "AdaGrad", "Adam"), java.util.List.copyOf(paths.keySet()));
        assertPath(paths.get("SGD"), -6.335, -1.8, -0.3503929957523197, 0.0847823165504322);
        assertPath(paths.get("Momentum"), -6.93, 1.6, 0.896413858493733, 0.08808560171506971);
        assertPath(paths.get("AdaGrad"), -5.500000214285683, 0.5000000374999991, -0.12016232231416045, 2.486389893984459e-17);
        assertPath(paths.get("Adam"), -6.700001355255732, 1.700000237170637, 0.13600685239498186, 0.31824537553721943);
    }

    @Test
    void nesterovAndRmsPropMatchNumpy() {
        assertPath(OptimizerPaths.path(new Nesterov(0.1)), -6.8103, 0.916, 0.5263905077412623, 0.0002258201570808063);
        assertPath(OptimizerPaths.path(new RMSProp(0.1)), -6.000001428569388, 1.000000249999938, -0.6974203096807907, 1.4834621508315574e-08);
    }

    @Test
    void everyOptimizerGetsCloserToTheMinimum() {
        for (Optimizer o : new Optimizer[]{new SGD(0.95), new Momentum(0.1), new Nesterov(0.1), new AdaGrad(1.5), new RMSProp(0.1), new Adam(0.3)}) {
            double[][] p = OptimizerPaths.path(o);
            assertTrue(OptimizerPaths.f(p[30][0], p[30][1]) < 0.5, o + " ends at f=" + OptimizerPaths.f(p[30][0], p[30][1]));
        }
    }

    @Test
    void rejectsBadHyperparameters() {
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.0));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.1, 1.0, 0.999));
        assertThrows(IllegalArgumentException.class, () -> new RMSProp(0.1, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new AdaGrad(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Nesterov(0.1, 1.5));
    }
}
