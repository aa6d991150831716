package dlfs.nd;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The automatic backend choice of {@link Gemm}: for each class of shapes, the Vector API kernel or
 * the native BLAS, whichever measured faster on this machine. Which one wins the book's small
 * products depends on the CPU and on its BLAS, not on the shape alone: (100×784)·(784×50), the
 * first Affine of ch5, took 101 µs on the Vector kernel against 124 µs native on a 2-core AVX-512
 * Xeon, and 317 µs against 155 µs on a 2-core AMD EPYC (AVX2, OpenBLAS's Zen kernels). So the kit
 * measures instead of guessing.
 * <p>A class is the dtype, whether A and B are transposed, and m, n and k each rounded up to a
 * power of two. A class's first {@value #FIRST} calls run the Vector kernel (the default before
 * any measurement, which also lets the JIT compile it); then both backends are timed on that
 * call's own operands into a scratch output, alternating, best of a few rounds, and the faster
 * one takes the class. That measurement is made twice, at the {@value #FIRST}th call and again at
 * the {@value #SECOND}th, when the JIT has long finished compiling the kernels, and the second
 * decides for the rest of the run. The results of the two backends agree to rounding, not to the
 * bit: which one a class ends on may differ between runs and machines.
 * <p>{@link Gemm#autoChoices()} lists the classes measured so far with both timings (the benchmark
 * prints them); {@code -Ddlfs.blas=vector} or {@code native} forces one backend.
 */
final class AutoBackend {
    /** The calls of a class that run before its first measurement, and the call of its final one. */
    static final int FIRST = 8, SECOND = 200;

    /** Runs one backend's product into {@code out} (a scratch array of the call's dtype and size). */
    interface Kernel {
        void run(boolean vector, Object out);
    }

    /** A class of shapes and what was measured for it. */
    static final class ShapeClass {
        final String shape;
        private final AtomicInteger calls = new AtomicInteger();
        private volatile boolean settled, vector = true;
        private volatile double vectorMicros = Double.NaN, nativeMicros = Double.NaN;

        ShapeClass(String shape) {
            this.shape = shape;
        }

        /** True once the final measurement is made. */
        boolean settled() {
            return settled;
        }

        /** The backend the class measured faster (the Vector kernel before any measurement). */
        boolean vectorWon() {
            return vector;
        }

        /** True when this call should take the Vector kernel; measures both at the class's measuring calls. */
        boolean vector(int m, int n, int k, boolean f32, Kernel kernel) {
            if (settled) return vector;
            int call = calls.incrementAndGet();
            if (call == FIRST || call == SECOND) {
                measure(m, n, k, f32, kernel);
                if (call == SECOND) settled = true;
            }
            return vector;
        }

        private void measure(int m, int n, int k, boolean f32, Kernel kernel) {
            Object out = f32 ? new float[m * n] : new double[m * n];
            long work = (long) m * n * k;
            // a few milliseconds of measuring for the book's shapes: more rounds for the tiny ones
            int rounds = (int) Math.max(3, Math.min(30, 1 + 30_000_000L / Math.max(1, work)));
            long bestVector = Long.MAX_VALUE, bestNative = Long.MAX_VALUE;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                kernel.run(true, out);
                long t1 = System.nanoTime();
                kernel.run(false, out);
                long t2 = System.nanoTime();
                bestVector = Math.min(bestVector, t1 - t0);
                bestNative = Math.min(bestNative, t2 - t1);
            }
            vectorMicros = bestVector / 1e3;
            nativeMicros = bestNative / 1e3;
            vector = bestVector <= bestNative;
        }

        /**
         * E.g. "float64 (100x784)@(784x50), class up to 128x64x1024: native, 155.2 µs against vector 317.0 µs",
         * with " (first measurement)" until the final one.
         */
        String describe() {
            if (Double.isNaN(vectorMicros)) return shape + ": vector, not measured yet (" + calls.get() + " calls)";
            String won = vector ? "vector" : "native", lost = vector ? "native" : "vector";
            double w = vector ? vectorMicros : nativeMicros, l = vector ? nativeMicros : vectorMicros;
            return String.format(Locale.ROOT, "%s: %s, %.1f µs against %s %.1f µs%s", shape, won, w, lost, l,
                    settled ? "" : " (first measurement)");
        }
    }

    private static final ConcurrentHashMap<Long, ShapeClass> CLASSES = new ConcurrentHashMap<>();

    private AutoBackend() {
    }

    /** The class of a product; the first shape seen in a class names it. */
    static ShapeClass classOf(boolean f32, boolean transA, boolean transB, int m, int n, int k) {
        long key = (long) ceilLog2(m) << 20 | (long) ceilLog2(n) << 12 | (long) ceilLog2(k) << 4
                | (f32 ? 4 : 0) | (transA ? 2 : 0) | (transB ? 1 : 0);
        ShapeClass c = CLASSES.get(key);
        if (c != null) return c;
        return CLASSES.computeIfAbsent(key, x -> new ShapeClass(String.format(Locale.ROOT,
                "%s %s(%dx%d)@%s(%dx%d), class up to %dx%dx%d", f32 ? "float32" : "float64",
                transA ? "T" : "", m, k, transB ? "T" : "", k, n, pow2(m), pow2(n), pow2(k))));
    }

    /** What each class measured so far, one line a class, sorted. */
    static List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (ShapeClass c : CLASSES.values()) lines.add(c.describe());
        lines.sort(null);
        return lines;
    }

    static int ceilLog2(int x) {
        return x <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(x - 1);
    }

    private static long pow2(int x) {
        return 1L << ceilLog2(x);
    }
}
