package dlfs.nd;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Auto mode's per-shape-class choice: the classes, the decision following the timings, and the products it makes. */
class AutoBackendTest {
    /** Spins for about {@code micros} µs (a backend that is slow on purpose). */
    private static void spin(long micros) {
        long end = System.nanoTime() + micros * 1000;
        while (System.nanoTime() < end) Thread.onSpinWait();
    }

    @Test
    void aClassIsTheDtypeTheTransposesAndEachSideRoundedUpToAPowerOfTwo() {
        AutoBackend.ShapeClass c = AutoBackend.classOf(false, false, false, 100, 50, 784);
        assertSame(c, AutoBackend.classOf(false, false, false, 128, 64, 1024));
        assertSame(c, AutoBackend.classOf(false, false, false, 65, 33, 513));
        assertNotSame(c, AutoBackend.classOf(false, false, false, 129, 50, 784));
        assertNotSame(c, AutoBackend.classOf(true, false, false, 100, 50, 784));
        assertNotSame(c, AutoBackend.classOf(false, true, false, 100, 50, 784));
        assertNotSame(c, AutoBackend.classOf(false, false, true, 100, 50, 784));
        assertTrue(c.shape.startsWith("float64 (100x784)@(784x50), class up to 128x64x1024"), c.shape);
        assertEquals(0, AutoBackend.ceilLog2(1));
        assertEquals(10, AutoBackend.ceilLog2(1024));
        assertEquals(11, AutoBackend.ceilLog2(1025));
    }

    /** Runs a class through its measuring calls with a fake pair of backends; returns each call's choice. */
    private static List<Boolean> calls(AutoBackend.ShapeClass c, long vectorMicros, long nativeMicros, int calls) {
        List<Boolean> chose = new ArrayList<>();
        int[] runs = new int[2];
        for (int i = 0; i < calls; i++) {
            boolean vector = c.settled() ? c.vectorWon() : c.vector(3, 5000, 7, false, (vec, out) -> {
                assertEquals(5000 * 3, ((double[]) out).length, "the scratch output has the call's size");
                runs[vec ? 0 : 1]++;
                spin(vec ? vectorMicros : nativeMicros);
            });
            chose.add(vector);
        }
        assertTrue(runs[0] >= 6 && runs[0] == runs[1], "both measured alike, twice: " + runs[0] + " and " + runs[1]);
        return chose;
    }

    @Test
    void theFasterBackendTakesTheClassAfterItsFirstCalls() {
        List<Boolean> slowNative = calls(AutoBackend.classOf(false, true, true, 3, 5000, 7), 0, 300, AutoBackend.SECOND + 3);
        assertFalse(slowNative.contains(false), "vector measured faster: every call vector");

        AutoBackend.ShapeClass c = AutoBackend.classOf(false, true, false, 3, 5000, 7);
        List<Boolean> slowVector = calls(c, 300, 0, AutoBackend.SECOND + 3);
        for (int i = 0; i < AutoBackend.FIRST - 1; i++) assertTrue(slowVector.get(i), "call " + (i + 1) + " before measuring: vector");
        for (int i = AutoBackend.FIRST - 1; i < slowVector.size(); i++) assertFalse(slowVector.get(i), "call " + (i + 1) + ": native");
        assertTrue(c.settled());
        assertTrue(c.describe().contains(": native, ") && c.describe().contains(" µs against vector "), c.describe());
    }

    /** The real backends through {@link Gemm}: every call of a class, before, during and after its measurements, is the product. */
    @Test
    void autoGivesTheProductOnEveryCall() {
        Assumptions.assumeTrue(Gemm.nativeAvailable() && Gemm.vectorAvailable(), "auto mode needs both the native BLAS and the Vector API");
        Gemm.use("auto");
        Random r = new Random(3);
        int m = 20, n = 24, k = 60;
        double[] a = new double[m * k], b = new double[k * n], expect = new double[m * n];
        float[] af = new float[m * k], bf = new float[k * n];
        for (int i = 0; i < a.length; i++) af[i] = (float) (a[i] = r.nextGaussian());
        for (int i = 0; i < b.length; i++) bf[i] = (float) (b[i] = r.nextGaussian());
        Gemm.javaGemm(false, false, m, n, k, a, b, expect);
        for (int call = 1; call <= AutoBackend.SECOND + 2; call++) {
            double[] got = new double[m * n];
            float[] gotf = new float[m * n];
            Gemm.gemm(false, false, m, n, k, a, b, got);
            Gemm.sgemm(false, false, m, n, k, af, bf, gotf);
            for (int i = 0; i < m * n; i++) {
                assertEquals(expect[i], got[i], 1e-10, "float64, call " + call);
                assertEquals(expect[i], gotf[i], 1e-3, "float32, call " + call);
            }
        }
        String line = Gemm.autoChoices().stream().filter(s -> s.startsWith("float64 (20x60)@(60x24)")).findFirst().orElse("none");
        assertTrue(line.matches(".*: (vector|native), [0-9.]+ µs against (native|vector) [0-9.]+ µs"), line);
    }
}
