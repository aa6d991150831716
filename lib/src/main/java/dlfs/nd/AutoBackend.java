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
 * power of two. Until it is measured a class runs native: the native call needs no warming up,
 * while the Vector kernel runs as slow objects until the JIT has compiled it. The first class to
 * reach its {@value #FIRST}th call starts the kernel's warm-up on a thread of its own
 * ({@link PackedGemm#warmedUp}), and every class keeps running native until that has ended
 * (about 0.2 s), instead of warming the kernel up on the caller's time. At the class's
 * {@value #FIRST}th call, or its first call after the warm-up, both backends are timed on that call's own operands into a scratch
 * output, best of a few rounds, in runs of one backend (a call right after the other backend's
 * pays for that one's threads, which keep spinning for a while), and each backend keeps its best
 * time over all of the class's measurements and of its own calls until it settles (whatever else
 * the cores were doing only adds time);
 * the Vector kernel takes the class only when it is at
 * least {@value #MARGIN_PERCENT}% faster (the native BLAS is the incumbent: a measurement's noise
 * must not hand a class to a kernel that is no faster). The measurement is made again at the
 * {@value #SECOND}th call, and that one decides for the rest of the run, unless the JIT compiler
 * finished a compilation during it or since the class's last measurement (it then competes with
 * both backends for the cores, which falsifies the comparison on a 2-core machine) or the Vector
 * kernel measured over 4x slower than native (most likely not compiled yet): such a measurement is retaken at twice the call count, up to the
 * {@value #LAST}th call, whose measurement decides whatever the JIT did. The results of the two
 * backends agree to rounding, not to the bit: which one a class ends on may differ between runs
 * and machines.
 * <p>{@link Gemm#autoChoices()} lists the classes measured so far with both timings (the benchmark
 * prints them); {@code -Ddlfs.blas=vector} or {@code native} forces one backend.
 */
final class AutoBackend {
    /** The call of a class's first measurement, and of its first one that may decide. */
    static final int FIRST = 8, SECOND = 200;
    /** The call whose measurement decides even when the JIT was busy during it (SECOND·2⁴). */
    static final int LAST = SECOND << 4;
    /** How much faster than native the Vector kernel must measure to take a class. */
    static final int MARGIN_PERCENT = 10;

    /** Milliseconds the JIT compilers have spent so far (-1 when the JVM does not tell). */
    interface JitClock {
        long millis();
    }

    private static final JitClock JIT = jitClock();

    private static JitClock jitClock() {
        try {
            java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
            if (jit != null && jit.isCompilationTimeMonitoringSupported()) return jit::getTotalCompilationTime;
        } catch (Throwable noManagement) {
            // without java.management every measurement counts as undisturbed
        }
        return () -> -1;
    }

    /** Runs one backend's product into {@code out} (a scratch array of the call's dtype and size). */
    interface Kernel {
        void run(boolean vector, Object out);

        /**
         * Whether the Vector kernel is ready to be measured (warmed up by the JIT); false starts
         * its warm-up, and the measurement waits for a later call, native meanwhile.
         */
        default boolean ready() {
            return true;
        }
    }

    /** A class of shapes and what was measured for it. */
    static final class ShapeClass {
        final String shape;
        private final JitClock jit;
        private final AtomicInteger calls = new AtomicInteger();
        private volatile boolean settled, vector, disturbed;
        private volatile int nextMeasurement = FIRST, measurements;
        private volatile double vectorMicros = Double.NaN, nativeMicros = Double.NaN;
        private long vectorNanos = Long.MAX_VALUE, nativeNanos = Long.MAX_VALUE;

        /** The JIT clock at the end of the last measurement (at the class's creation before any). */
        private long jitSeen;

        ShapeClass(String shape, JitClock jit) {
            this.shape = shape;
            this.jit = jit;
            this.jitSeen = jit.millis();
        }

        /** True once the deciding measurement is made. */
        boolean settled() {
            return settled;
        }

        /** The backend the class measured faster (native before any measurement). */
        boolean vectorWon() {
            return vector;
        }

        /** True when this call should take the Vector kernel; measures both at the class's measuring calls. */
        boolean vector(int m, int n, int k, boolean f32, Kernel kernel) {
            if (settled) return vector;
            int call = calls.incrementAndGet();
            if (call >= nextMeasurement) measureAt(call, m, n, k, f32, kernel);
            return vector;
        }

        /**
         * The measurement due at this call, unless another thread's call is making it or made it
         * (a layer's products may run on several cores at once: the call counts pass the due one
         * in any order).
         */
        private synchronized void measureAt(int call, int m, int n, int k, boolean f32, Kernel kernel) {
            if (settled || call < nextMeasurement) return;
            if (!kernel.ready()) { // warming up on a thread of its own: asked again at the next call
                nextMeasurement = call + 1;
                return;
            }
            boolean quiet = measure(m, n, k, f32, kernel);
            // a Vector kernel 4x slower than native has most likely not been compiled yet: measured again later
            boolean plausible = vectorNanos <= 4 * nativeNanos;
            if (call >= SECOND && (quiet && plausible || call >= LAST)) settled = true;
            else nextMeasurement = call < SECOND ? SECOND : 2 * call;
        }

        /**
         * The time of one of the class's own calls before it settles, on the backend it took: the
         * best of those counts with the measurements' (hundreds of free samples of the incumbent).
         */
        synchronized void record(boolean vec, long nanos) {
            if (vec) vectorNanos = Math.min(vectorNanos, nanos);
            else nativeNanos = Math.min(nativeNanos, nanos);
        }

        /** Times both backends; true when the JIT compiled nothing meanwhile, nor since the last measurement. */
        private synchronized boolean measure(int m, int n, int k, boolean f32, Kernel kernel) {
            Object out = f32 ? new float[m * n] : new double[m * n];
            long work = (long) m * n * k;
            // a few milliseconds of measuring for the book's shapes: more rounds for the tiny ones
            int rounds = (int) Math.max(3, Math.min(30, 1 + 30_000_000L / Math.max(1, work)));
            long bestVector = Long.MAX_VALUE, bestNative = Long.MAX_VALUE;
            long jitBefore = jit.millis();
            // in runs of one backend, twice each: the call right after the other backend pays for its threads
            // (OpenBLAS's keep spinning for a while after a call, and so do the Vector kernel's fork-join workers)
            // native first: a Vector run 4x slower than it (the kernel not compiled yet) ends the Vector runs of that half
            for (int half = 0; half < 2; half++) {
                for (int backend = 0; backend < 2; backend++) {
                    boolean vec = backend == 1;
                    for (int r = 0; r < (rounds + 1) / 2; r++) {
                        long t0 = System.nanoTime();
                        kernel.run(vec, out);
                        long t = System.nanoTime() - t0;
                        if (!vec) bestNative = Math.min(bestNative, t);
                        else {
                            bestVector = Math.min(bestVector, t);
                            if (t > 4 * bestNative) break;
                        }
                    }
                }
            }
            long jitAfter = jit.millis();
            // quiet: nothing compiled during this measurement nor since the last one (a long compile ends unseen otherwise)
            boolean quiet = jitAfter == jitBefore && jitBefore == jitSeen;
            jitSeen = jitAfter;
            // the best of all measurements so far: the cores' other work (the JIT, the other backend's threads) only adds time
            bestVector = Math.min(bestVector, vectorNanos);
            bestNative = Math.min(bestNative, nativeNanos);
            vectorNanos = bestVector;
            nativeNanos = bestNative;
            vectorMicros = bestVector / 1e3;
            nativeMicros = bestNative / 1e3;
            vector = bestVector * 100 <= bestNative * (100 - MARGIN_PERCENT);
            disturbed = !quiet;
            measurements++;
            return quiet;
        }

        /** "float64 (100x784)@(784x50), class up to 128x64x1024: native, 103.1 µs against vector 205.8 µs", and how final. */
        String describe() {
            if (Double.isNaN(vectorMicros)) return shape + ": native, not measured yet (" + calls.get() + " calls)";
            String won = vector ? "vector" : "native", lost = vector ? "native" : "vector";
            double w = vector ? vectorMicros : nativeMicros, l = vector ? nativeMicros : vectorMicros;
            String how = !settled ? " (measured " + measurements + "x, not final yet)"
                    : disturbed ? " (final at call " + LAST + ", the JIT still compiling)" : "";
            return String.format(Locale.ROOT, "%s: %s, %.1f µs against %s %.1f µs%s", shape, won, w, lost, l, how);
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
                transA ? "T" : "", m, k, transB ? "T" : "", k, n, pow2(m), pow2(n), pow2(k)), JIT));
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
