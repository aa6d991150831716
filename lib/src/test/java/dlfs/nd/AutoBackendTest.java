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

    /** A JIT that compiles nothing. */
    private static final AutoBackend.JitClock QUIET = () -> 0;

    private static AutoBackend.ShapeClass shape(AutoBackend.JitClock jit) {
        return new AutoBackend.ShapeClass("float64 (3x7)@(7x5000), a test class", jit);
    }

    /** Runs a class through {@code calls} calls with a fake pair of backends; returns each call's choice. */
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
        // the Vector runs of a half end early after one 4x slower than native (a slow start, or a pause of this machine)
        assertTrue(runs[1] >= 4 && runs[0] >= 2, "both measured, in two runs each: " + runs[0] + " and " + runs[1]);
        return chose;
    }

    @Test
    void nativeUntilMeasuredThenTheVectorKernelWhereItIsClearlyFaster() {
        AutoBackend.ShapeClass c = shape(QUIET);
        List<Boolean> slowNative = calls(c, 0, 300, AutoBackend.SECOND + 3);
        for (int i = 0; i < AutoBackend.FIRST - 1; i++) assertFalse(slowNative.get(i), "call " + (i + 1) + " before measuring: native");
        for (int i = AutoBackend.FIRST - 1; i < slowNative.size(); i++) assertTrue(slowNative.get(i), "call " + (i + 1) + ": vector");
        assertTrue(c.settled(), "decided at call " + AutoBackend.SECOND + " with the JIT quiet");
        assertTrue(c.describe().contains(": vector, ") && c.describe().contains(" µs against native "), c.describe());
    }

    @Test
    void aSlowerOrBarelyFasterVectorKernelLeavesTheClassNative() {
        AutoBackend.ShapeClass slower = shape(QUIET);
        assertFalse(calls(slower, 300, 200, AutoBackend.SECOND + 3).contains(true), "vector measured slower: every call native");
        assertTrue(slower.settled());
        assertTrue(slower.describe().contains(": native, ") && slower.describe().contains(" µs against vector "), slower.describe());
        // over 4x slower looks like a kernel the JIT has not compiled yet: measured again, up to the last measuring call
        AutoBackend.ShapeClass hopeless = shape(QUIET);
        assertFalse(calls(hopeless, 300, 0, AutoBackend.SECOND + 3).contains(true));
        assertFalse(hopeless.settled(), hopeless.describe());
        assertFalse(calls(hopeless, 300, 0, AutoBackend.LAST).contains(true));
        assertTrue(hopeless.settled(), hopeless.describe());
        // 3% faster is inside the margin (10%): noise must not hand the class over
        AutoBackend.ShapeClass barely = shape(QUIET);
        assertFalse(calls(barely, 970, 1000, AutoBackend.SECOND + 3).contains(true), barely.describe());
    }

    /**
     * While the Vector kernel warms up on its thread ({@link AutoBackend.Kernel#ready} false) the
     * class runs native and nothing is timed; the measurement comes at the first call after, and
     * the decision still follows the timings.
     */
    @Test
    void aClassWaitsNativeForItsVectorKernelToWarmUp() {
        AutoBackend.ShapeClass c = shape(QUIET);
        boolean[] warm = {false};
        int[] runs = new int[2], asked = {0};
        AutoBackend.Kernel kernel = new AutoBackend.Kernel() {
            @Override
            public void run(boolean vec, Object out) {
                runs[vec ? 0 : 1]++;
                spin(vec ? 0 : 300);
            }

            @Override
            public boolean ready() {
                asked[0]++;
                return warm[0];
            }
        };
        int warmAt = AutoBackend.FIRST + 30;
        for (int call = 1; call < warmAt; call++)
            assertFalse(c.vector(3, 5000, 7, false, kernel), "call " + call + ": native while the kernel warms up");
        assertEquals(0, runs[0] + runs[1], "nothing measured before the kernel is warm");
        assertEquals(warmAt - AutoBackend.FIRST, asked[0], "asked at every call from the first measuring one");
        assertTrue(c.describe().contains("not measured yet"), c.describe());
        warm[0] = true;
        assertTrue(c.vector(3, 5000, 7, false, kernel), "measured at the first call with the kernel warm: vector, 300 µs faster");
        assertTrue(runs[0] >= 2 && runs[1] >= 2, "both timed: " + runs[0] + " and " + runs[1]);
        assertFalse(c.settled(), "a first measurement before call " + AutoBackend.SECOND + " does not decide");
        for (int call = warmAt + 1; call <= AutoBackend.SECOND; call++) c.vector(3, 5000, 7, false, kernel);
        assertTrue(c.settled() && c.vectorWon(), c.describe());
    }

    /** The real kernels' warm-up threads end, and then say so, for both dtypes and both kinds of product. */
    @Test
    void theVectorKernelsWarmUpOnThreadsOfTheirOwn() throws InterruptedException {
        Assumptions.assumeTrue(Gemm.vectorAvailable(), "the Vector API module is not in this JVM");
        for (boolean dots : new boolean[]{false, true}) {
            // the warm-up gives up waiting for the JIT after about 2 s of probes: a minute means it never ends
            assertTrue(VectorGemm.awaitReady(dots, 60) && VectorSGemm.awaitReady(dots, 60), "the warm-ups end, dots " + dots);
            assertTrue(VectorGemm.ready(dots) && VectorSGemm.ready(dots), "warm after the warm-up, dots " + dots);
        }
    }

    /**
     * Calls of one class from two threads at once (a layer's blocks on both cores): the due
     * measurement is made once by one of them, even while the kernel's warm-up makes it due at
     * every call, and none is skipped because another thread's call passed its number.
     */
    @Test
    void callsFromSeveralThreadsStillMeasureTheClass() throws InterruptedException {
        AutoBackend.ShapeClass c = shape(QUIET);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger measuring = new java.util.concurrent.atomic.AtomicInteger(), overlaps = new java.util.concurrent.atomic.AtomicInteger();
        AutoBackend.Kernel kernel = new AutoBackend.Kernel() {
            @Override
            public void run(boolean vec, Object out) {
                if (measuring.incrementAndGet() > 1) overlaps.incrementAndGet();
                spin(vec ? 0 : 20);
                measuring.decrementAndGet();
            }

            @Override
            public boolean ready() {
                return asked.incrementAndGet() > 2000;
            }
        };
        Thread[] threads = new Thread[2];
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(threads.length);
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int i = 0; i < 100_000 && !c.settled(); i++) c.vector(3, 5000, 7, false, kernel);
            });
            threads[t].start();
        }
        for (Thread t : threads) t.join();
        assertFalse(c.describe().contains("not measured yet"), c.describe());
        assertEquals(0, overlaps.get(), "one measurement at a time");
    }

    @Test
    void theClassesOwnCallsCountTowardsTheBestTimes() {
        // native measured slow (its threads busy elsewhere, say), but its own calls took 10 µs: it stays native
        AutoBackend.ShapeClass c = shape(QUIET);
        for (int i = 0; i < 5; i++) c.record(false, 10_000);
        assertFalse(calls(c, 50, 300, AutoBackend.SECOND + 3).contains(true), c.describe());
        assertTrue(c.describe().contains(": native, 10.0 µs against vector "), c.describe());
    }

    @Test
    void aMeasurementDuringJitCompilationIsRetakenLater() {
        // the JIT compiles during every measurement: retaken at 400, 800, 1600, then final at LAST
        long[] busy = {0};
        AutoBackend.ShapeClass alwaysBusy = shape(() -> busy[0]++);
        calls(alwaysBusy, 0, 50, AutoBackend.LAST - 1);
        assertFalse(alwaysBusy.settled(), alwaysBusy.describe());
        assertTrue(alwaysBusy.describe().contains("not final yet"), alwaysBusy.describe());
        calls(alwaysBusy, 0, 50, 1);
        assertTrue(alwaysBusy.settled(), "the call-" + AutoBackend.LAST + " measurement decides");
        assertTrue(alwaysBusy.describe().contains("the JIT still compiling"), alwaysBusy.describe());

        // busy during the measurements at calls 8 and 200 only: the one at call 400 decides
        long[] clock = {0};
        int[] reads = {0};
        AutoBackend.ShapeClass busyEarly = shape(() -> ++reads[0] <= 4 ? clock[0]++ : clock[0]);
        calls(busyEarly, 0, 50, 2 * AutoBackend.SECOND - 1);
        assertFalse(busyEarly.settled(), busyEarly.describe());
        calls(busyEarly, 0, 50, 1);
        assertTrue(busyEarly.settled(), busyEarly.describe());
        assertFalse(busyEarly.describe().contains("JIT"), busyEarly.describe());
    }

    @Test
    void realClassesAreRegisteredWithTheJvmsJitClock() {
        AutoBackend.ShapeClass c = AutoBackend.classOf(false, true, true, 3, 5000, 7);
        assertSame(c, AutoBackend.classOf(false, true, true, 4, 8000, 8));
        assertTrue(c.describe().contains("not measured yet"), c.describe());
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
        for (int call = 1; call <= AutoBackend.LAST + 2; call++) {
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
        assertTrue(line.matches(".*: (vector|native), [0-9.]+ µs against (native|vector) [0-9.]+ µs( \\(final at call "
                + AutoBackend.LAST + ", the JIT still compiling\\))?"), line);
    }
}
