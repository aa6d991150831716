package dlfs.nd;

import java.util.stream.IntStream;

/**
 * General matrix multiply for row-major float64 matrices (and float32: {@link #sgemm}): {@code C = op(A) · op(B)}, where op is
 * the identity or the transpose. This is where training spends its time (ch5 Affine forward and
 * backward are three matmuls), so it has three backends:
 * <ul>
 *   <li>{@code native}: the machine's BLAS ({@code libblas.so.3}, e.g. OpenBLAS) through
 *       dev.ludovic.netlib's JNI bridge, used when it loads (not netlib's slow reference BLAS,
 *       unless asked for by name);</li>
 *   <li>{@code vector}: the kit's packed, register-tiled kernel on the Vector API
 *       ({@link VectorGemm}, {@link VectorSGemm}), when the JVM has {@code jdk.incubator.vector};</li>
 *   <li>{@code java}: the scalar cache-blocked kernel, parallel over row blocks, when neither is there.</li>
 * </ul>
 * With both of the first two, the default is {@code auto}: the Vector kernel or the native BLAS per
 * class of shapes, whichever measures faster on this machine ({@link AutoBackend}); larger products native.
 * Choose with the system property {@code dlfs.blas=native|vector|java|auto} or {@link #use}.
 * {@code dlfs.bench.Benchmark} measures them.
 */
public final class Gemm {
    /** Below this many multiply-adds the java kernel stays on one thread. */
    private static final long PARALLEL_THRESHOLD = 1L << 18;
    private static final int KB = 256, JB = 512;

    private static final dev.ludovic.netlib.blas.BLAS NATIVE = loadNative();
    /** The file the native BLAS was loaded from, as the OS mapped it ("" when unknown). */
    private static final String NATIVE_FILE = NATIVE == null ? "" : mappedBlasFile();
    /**
     * Netlib's reference BLAS (Debian installs it as {@code libblas.so.3} with numpy when OpenBLAS is
     * absent) is many times slower than the kit's own kernel: it is used only when asked for by name.
     */
    private static final boolean NATIVE_IS_REFERENCE = NATIVE_FILE.contains("/blas/libblas");
    private static final String ASKED = System.getProperty("dlfs.blas", "").strip().toLowerCase(java.util.Locale.ROOT);
    private static final boolean NATIVE_USABLE = NATIVE != null && (!NATIVE_IS_REFERENCE || ASKED.equals("native"));
    /**
     * The Vector API kernel ({@link VectorGemm}) is there when the JVM has the incubator module
     * ({@code --add-modules jdk.incubator.vector}, which every JVM the kit starts has) and an
     * optimizing JIT (without C2, as under {@code -XX:TieredStopAtLevel=1}, vectors are objects).
     * Null when usable, else why not.
     */
    private static final String VECTOR_ABSENT = vectorAbsent();
    /**
     * Up to this many multiply-adds (m·n·k) the automatic choice measures the Vector API kernel
     * against the native BLAS for each class of shapes ({@link AutoBackend}: where the JNI call,
     * its array copies and OpenBLAS's threading cost more than they save depends on the machine;
     * the book's layer shapes, 100×784·784×50, are 3.9M); above it the native BLAS, and so for
     * outputs narrower than one micro-tile, 2 vectors ((100×50)·(50×10): the padded tiles waste
     * most lanes). Override with {@code -Ddlfs.blas.vectorMax=N}.
     */
    static final long VECTOR_MAX = Long.getLong("dlfs.blas.vectorMax", 1L << 24);

    /**
     * True when OpenBLAS runs on one thread: {@code OPENBLAS_NUM_THREADS}, else {@code GOTO_NUM_THREADS},
     * else {@code OMP_NUM_THREADS} is 1 (OpenBLAS's own order), as lib/blas-env.sh starts the kit's
     * JVMs. OpenBLAS's threads cost more than they save on the book's shapes: (30×25)·(25×4032), a
     * convolution block, took 285 µs on two threads and 105 µs on one (2-core AMD EPYC, Zen 4), and
     * its idle workers spin on the core the JVM needs. The kit then splits products of at least
     * {@link #NATIVE_SPLIT} multiply-adds over the cores itself (1024³: 180 GFLOPS split, 155 on
     * OpenBLAS's two threads, same machine).
     */
    static final boolean NATIVE_ONE_THREAD = "1".equals(openBlasThreads());
    /** From this many multiply-adds a native product is split over the cores when OpenBLAS is single-threaded (100×784·784×128 is 10M). */
    static final long NATIVE_SPLIT = 1L << 23;

    /** OpenBLAS's thread count as its environment sets it (the first of its three variables that is set), or null. */
    private static String openBlasThreads() {
        for (String v : new String[]{"OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"}) {
            String s = System.getenv(v);
            if (s != null && !s.isBlank()) return s.strip();
        }
        return null;
    }

    private static final String AUTO = "auto", NATIVE_MODE = "native", VECTOR = "vector", JAVA = "java";
    private static volatile String mode = initialMode();

    static {
        if (NATIVE_USABLE && !mode.equals(JAVA) && !mode.equals(VECTOR)) BlasCore.warnIfGeneric(NATIVE_FILE);
    }

    private static String initialMode() {
        switch (ASKED) {
            case "java": return JAVA;
            case "vector": return VECTOR_ABSENT == null ? VECTOR : JAVA;
            case "native": return NATIVE != null ? NATIVE_MODE : VECTOR_ABSENT == null ? VECTOR : JAVA;
            default: return defaultMode();
        }
    }

    private static String vectorAbsent() {
        if (ASKED.equals("java")) return "not asked for";
        if (!ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent())
            return "no jdk.incubator.vector module (start Java with --add-modules jdk.incubator.vector)";
        if (System.getProperty("java.vm.info", "").contains("interpreted")) return "interpreter only (-Xint)";
        try {
            for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (arg.startsWith("-XX:TieredStopAtLevel=") && !arg.endsWith("=4")) return "no optimizing JIT (" + arg + ")";
            }
        } catch (Throwable noManagement) {
            return "JIT unknown (no java.management)";
        }
        try {
            if (!VectorGemm.worthwhile()) return "vectors of one double on this CPU";
        } catch (Throwable unusable) {
            return "Vector API unusable (" + unusable + ")";
        }
        return null;
    }

    private Gemm() {
    }

    /** The native BLAS library file mapped into this process, "" when none or unknown. */
    static String nativeFile() {
        return NATIVE_FILE;
    }

    /** Kept strongly reachable so its level sticks: netlib logs a warning when its Vector API path is absent. */
    private static final java.util.logging.Logger NETLIB_LOG = quietNetlib();

    private static java.util.logging.Logger quietNetlib() {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger("dev.ludovic.netlib.blas.InstanceBuilder");
        l.setLevel(java.util.logging.Level.SEVERE);
        return l;
    }

    private static dev.ludovic.netlib.blas.BLAS loadNative() {
        quietNetlib();
        if ("java".equalsIgnoreCase(System.getProperty("dlfs.blas", ""))) return null;
        try {
            return dev.ludovic.netlib.blas.NativeBLAS.getInstance();
        } catch (Throwable notAvailable) {
            return null;
        }
    }

    /**
     * The backend in use: "native (..., the library file, the OpenBLAS core)", "vector (...)",
     * "java", or "auto: vector up to N multiply-adds, native (...) above", with the reason when a
     * backend was passed over.
     */
    public static String backend() {
        String m = mode;
        String vec = "vector (jdk.incubator.vector, " + vectorBits() + "-bit)";
        String nat = nativeDescription();
        String why = "";
        if (NATIVE_IS_REFERENCE && !NATIVE_USABLE)
            why = "; " + (NATIVE_FILE.isEmpty() ? "libblas.so.3" : NATIVE_FILE) + " is the slow reference BLAS, not used "
                    + "(install OpenBLAS, e.g. apt-get install libopenblas0)";
        if (!m.equals(VECTOR) && !m.equals(AUTO) && VECTOR_ABSENT != null && !ASKED.equals("java"))
            why += "; no Vector API kernel: " + VECTOR_ABSENT;
        switch (m) {
            case AUTO: return "auto: " + vec + " or " + nat + ", whichever measures faster for the shape, up to " + VECTOR_MAX
                    + " multiply-adds; native above" + why;
            case NATIVE_MODE: return nat + why;
            case VECTOR: return vec + why;
            default: return "java" + why;
        }
    }

    private static String nativeDescription() {
        if (NATIVE == null) return "native (none)";
        String file = NATIVE_FILE.isEmpty() ? "libblas.so.3" : NATIVE_FILE;
        String core = BlasCore.describe();
        int cores = Runtime.getRuntime().availableProcessors();
        String threads = !NATIVE_ONE_THREAD ? "" : cores > 1 ? ", one OpenBLAS thread, products from " + NATIVE_SPLIT
                + " multiply-adds split over " + cores + " cores" : ", one OpenBLAS thread";
        return "native (" + NATIVE.getClass().getSimpleName() + ", " + file + (core.isEmpty() ? "" : ", " + core) + threads + ")";
    }

    private static int vectorBits() {
        return VECTOR_ABSENT == null ? VectorGemm.L * 64 : 0;
    }

    /** True when the Vector API kernel can run in this JVM. */
    public static boolean vectorAvailable() {
        return VECTOR_ABSENT == null;
    }

    /**
     * Chooses the backend at run time (benchmarks, tests): "native", "vector", "java" (the scalar
     * kernel) or "auto" (vector for small products, native above); one that is absent is an error.
     */
    public static void use(String backend) {
        String b = backend.strip().toLowerCase(java.util.Locale.ROOT);
        switch (b) {
            case NATIVE_MODE:
                if (NATIVE == null) throw new IllegalStateException("native BLAS (libblas.so.3) is not available");
                break;
            case VECTOR:
                if (VECTOR_ABSENT != null) throw new IllegalStateException("the Vector API kernel is not available: " + VECTOR_ABSENT);
                break;
            case AUTO:
                b = defaultMode();
                break;
            case JAVA:
                break;
            default:
                throw new IllegalArgumentException("backend '" + backend + "': native, vector, java or auto");
        }
        mode = b;
    }

    private static String defaultMode() {
        if (NATIVE_USABLE) return VECTOR_ABSENT == null ? AUTO : NATIVE_MODE;
        return VECTOR_ABSENT == null ? VECTOR : JAVA;
    }

    /** The BLAS library file mapped into this process (Linux), or "". */
    private static String mappedBlasFile() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash < 0) continue;
                String file = line.substring(slash);
                String name = file.substring(file.lastIndexOf('/') + 1);
                if (name.startsWith("libblas") || name.startsWith("libopenblas") || name.startsWith("libmkl_rt")) return file;
            }
        } catch (java.io.IOException | RuntimeException notLinux) {
            // no /proc: the library's file stays unknown
        }
        return "";
    }

    /** True when the machine's BLAS loaded. */
    public static boolean nativeAvailable() {
        return NATIVE != null;
    }

    /** Native BLAS on, or the scalar Java kernel ({@link #use} chooses among all); native when absent is an error. */
    public static void useNative(boolean on) {
        use(on ? NATIVE_MODE : JAVA);
    }

    /**
     * C[m×n] = op(A)·op(B) with op(A) m×k and op(B) k×n, all row-major and contiguous. With
     * {@code transA} A is stored k×m; with {@code transB} B is stored n×k.
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            double[] a, double[] b, double[] c) {
        multiply(transA, transB, m, n, k, a, b, c);
    }

    /**
     * float32 (BLAS {@code sgemm}): C[m×n] = op(A)·op(B), as {@link #gemm} on {@code float[]}. The
     * same backends: the Vector API kernel ({@link VectorSGemm}, twice the lanes of float64) for
     * the book's small shapes, the native BLAS's sgemm above, and without either the scalar
     * float64 kernel on widened copies (exact products, rounded once to float32).
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k,
                             float[] a, float[] b, float[] c) {
        multiply(transA, transB, m, n, k, a, b, c);
    }

    /**
     * As {@link #gemm} on the storage of three arrays of one dtype: {@link #gemm} for float64,
     * {@link #sgemm} for float32 (what a layer with its own product buffer calls).
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, NDArray a, NDArray b, NDArray c) {
        if (a.dtype() != c.dtype() || b.dtype() != c.dtype())
            throw new IllegalArgumentException("gemm: operands " + a.dtype() + " and " + b.dtype() + " into " + c.dtype()
                    + ": all three must have one dtype");
        if (a.size() < m * k || b.size() < k * n || c.size() < m * n)
            throw new ShapeException("gemm: " + m + "x" + k + " times " + k + "x" + n + " needs " + (m * k) + ", " + (k * n)
                    + " and " + (m * n) + " values, got " + a.shapeString() + ", " + b.shapeString() + " and " + c.shapeString());
        multiply(transA, transB, m, n, k, a.storage(), b.storage(), c.storage());
    }

    /** The backend dispatch of {@link #gemm} and {@link #sgemm}: a, b, c are all double[] or all float[]. */
    private static void multiply(boolean transA, boolean transB, int m, int n, int k, Object a, Object b, Object c) {
        if (m == 0 || n == 0) return;
        boolean f32 = c instanceof float[];
        if (k == 0) {
            if (f32) java.util.Arrays.fill((float[]) c, 0, m * n, 0f);
            else java.util.Arrays.fill((double[]) c, 0, m * n, 0.0);
            return;
        }
        String mo = mode;
        // narrower than one micro-tile (e.g. the 10 classes of the last layer), the padded tiles waste most lanes
        // (but for dot products, PackedGemm.dotShaped, which have no tiles);
        // NR is read here only, in auto mode: without the Vector API module neither kernel class is loaded
        if (mo.equals(AUTO)) {
            boolean dots = PackedGemm.dotShaped(transA, transB, m, n, k);
            if ((long) m * n * k > VECTOR_MAX || n < (f32 ? VectorSGemm.NR : VectorGemm.NR) && !dots) mo = NATIVE_MODE;
            else {
                AutoBackend.ShapeClass shape = AutoBackend.classOf(f32, transA, transB, m, n, k);
                if (!shape.settled()) { // this call timed too, for the class's best times
                    boolean vector = shape.vector(m, n, k, f32, new AutoBackend.Kernel() {
                        @Override
                        public void run(boolean vec, Object out) {
                            Gemm.run(vec ? VECTOR : NATIVE_MODE, transA, transB, m, n, k, a, b, out);
                        }

                        @Override
                        public boolean ready() { // the Vector kernel warmed up (on a thread of its own) before it is measured
                            return f32 ? VectorSGemm.ready(dots) : VectorGemm.ready(dots);
                        }
                    });
                    long t0 = System.nanoTime();
                    run(vector ? VECTOR : NATIVE_MODE, transA, transB, m, n, k, a, b, c);
                    shape.record(vector, System.nanoTime() - t0);
                    return;
                }
                mo = shape.vectorWon() ? VECTOR : NATIVE_MODE;
            }
        }
        run(mo, transA, transB, m, n, k, a, b, c);
    }

    /** C = op(A)·op(B) on one backend ("vector", "native" or "java"). */
    private static void run(String mo, boolean transA, boolean transB, int m, int n, int k, Object a, Object b, Object c) {
        boolean f32 = c instanceof float[];
        if (mo.equals(VECTOR)) {
            if (f32) VectorSGemm.gemm(transA, transB, m, n, k, (float[]) a, (float[]) b, (float[]) c);
            else VectorGemm.gemm(transA, transB, m, n, k, (double[]) a, (double[]) b, (double[]) c);
        } else if (mo.equals(NATIVE_MODE)) {
            int parts = nativeParts(m, n, k);
            if (parts == 1) nativeBlock(transA, transB, m, n, k, 0, m, 0, n, a, b, c);
            else nativeSplit(transA, transB, m, n, k, parts, a, b, c);
        } else if (f32) {
            double[] cd = new double[m * n];
            javaGemm(transA, transB, m, n, k, widen((float[]) a), widen((float[]) b), cd);
            float[] cf = (float[]) c;
            for (int i = 0; i < cd.length; i++) cf[i] = (float) cd[i];
        } else {
            javaGemm(transA, transB, m, n, k, (double[]) a, (double[]) b, (double[]) c);
        }
    }

    /**
     * How many blocks the native call of an m×k·k×n product is split into, one per core at once:
     * 1 unless OpenBLAS runs single-threaded ({@link #NATIVE_ONE_THREAD}), the product has at least
     * {@link #NATIVE_SPLIT} multiply-adds and there is more than one core (or a test forced it).
     */
    static int nativeParts(int m, int n, int k) {
        Boolean forced = splitNative;
        int cores = Runtime.getRuntime().availableProcessors();
        boolean split = forced != null ? forced : NATIVE_ONE_THREAD && cores > 1 && (long) m * n * k >= NATIVE_SPLIT;
        return split ? Math.max(cores, 2) : 1;
    }

    /** Tests: {@code true} splits every native product, {@code false} none, {@code null} back to {@link #nativeParts}'s rule. */
    static void splitNative(Boolean on) {
        splitNative = on;
    }

    private static volatile Boolean splitNative;

    /**
     * The native product in {@code parts} calls at once ({@link Parallel#forParts}), each a block
     * of rows of C, or of columns for Aᵀ·Bᵀ with more columns than rows. The JNI bridge
     * checks each operand as if its last column ran a whole leading dimension, which a block of
     * rows of Aᵀ does not: for Aᵀ·B (a layer's ∂L/∂W = xᵀ·dout) each block after the first takes
     * its columns of A copied into a contiguous k×rows buffer first (a k-th of the block's work).
     */
    private static void nativeSplit(boolean transA, boolean transB, int m, int n, int k, int parts, Object a, Object b, Object c) {
        boolean byColumns = transA && transB && n > m; // Aᵀ·Bᵀ wider than tall: blocks of Bᵀ's columns need no copy
        int len = byColumns ? n : m;
        Parallel.forParts(Math.min(parts, len), len, (p, from, to) -> {
            if (byColumns) nativeBlock(transA, transB, m, n, k, 0, m, from, to - from, a, b, c);
            else if (!transA || from == 0) nativeBlock(transA, transB, m, n, k, from, to - from, 0, n, a, b, c);
            else {
                int mi = to - from;
                Object block = a instanceof float[] ? new float[k * mi] : new double[k * mi];
                for (int r = 0; r < k; r++) System.arraycopy(a, r * m + from, block, r * mi, mi);
                nativeCall(transB ? "T" : "N", "T", n, mi, k, b, 0, transB ? k : n, block, 0, mi, c, from * n, n);
            }
        });
    }

    /**
     * One native call: rows i0 .. i0+mi−1 and columns j0 .. j0+nj−1 of the row-major m×n product
     * C = op(A)·op(B). Row-major C is column-major Cᵀ = op(B)ᵀ·op(A)ᵀ, so the operands swap; each
     * block of A, B and C is found by its offset, with the leading dimensions of the whole matrices.
     */
    private static void nativeBlock(boolean transA, boolean transB, int m, int n, int k, int i0, int mi, int j0, int nj,
                                    Object a, Object b, Object c) {
        nativeCall(transB ? "T" : "N", transA ? "T" : "N", nj, mi, k, b, transB ? j0 * k : j0, transB ? k : n,
                a, transA ? i0 : i0 * k, transA ? m : k, c, i0 * n + j0, n);
    }

    /** The column-major BLAS call C[rows×cols] = op(X)·op(Y), in float or double as the arrays are. */
    private static void nativeCall(String opX, String opY, int rows, int cols, int k, Object x, int offX, int ldx,
                                   Object y, int offY, int ldy, Object c, int offC, int ldc) {
        if (c instanceof float[])
            NATIVE.sgemm(opX, opY, rows, cols, k, 1f, (float[]) x, offX, ldx, (float[]) y, offY, ldy, 0f, (float[]) c, offC, ldc);
        else
            NATIVE.dgemm(opX, opY, rows, cols, k, 1.0, (double[]) x, offX, ldx, (double[]) y, offY, ldy, 0.0, (double[]) c, offC, ldc);
    }

    /**
     * Auto mode's measurements so far, one line per shape class ({@link AutoBackend}): the backend
     * that won and both timings; empty until auto mode has measured a class.
     */
    public static java.util.List<String> autoChoices() {
        return AutoBackend.describe();
    }

    private static double[] widen(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) d[i] = x[i];
        return d;
    }

    /** Row-major r×c matrix ({@code double[]} or {@code float[]}) to its c×r transpose, in 32×32 tiles. */
    @SuppressWarnings("unchecked")
    static <T> T transpose(T x, int rows, int cols) {
        float[] xf = x instanceof float[] f ? f : null, tf = xf != null ? new float[rows * cols] : null;
        double[] xd = xf == null ? (double[]) x : null, td = xf == null ? new double[rows * cols] : null;
        final int B = 32;
        for (int i0 = 0; i0 < rows; i0 += B)
            for (int j0 = 0; j0 < cols; j0 += B)
                for (int i = i0; i < Math.min(rows, i0 + B); i++) {
                    int j1 = Math.min(cols, j0 + B);
                    if (xf != null) for (int j = j0; j < j1; j++) tf[j * rows + i] = xf[i * cols + j];
                    else for (int j = j0; j < j1; j++) td[j * rows + i] = xd[i * cols + j];
                }
        return (T) (xf != null ? tf : td);
    }

    /** Our own kernel (always available): blocked i-k-j loops, rows split across cores. */
    static void javaGemm(boolean transA, boolean transB, int m, int n, int k,
                         double[] a, double[] b, double[] c) {
        // Bring B to row-major k×n so the inner loop runs over contiguous memory.
        double[] bb = transB ? transpose(b, n, k) : b;
        long work = (long) m * n * k;
        int rowBlock = Math.max(1, Math.min(64, m / (2 * Runtime.getRuntime().availableProcessors()) + 1));
        int blocks = (m + rowBlock - 1) / rowBlock;
        IntStream range = IntStream.range(0, blocks);
        if (work >= PARALLEL_THRESHOLD && blocks > 1) range = range.parallel();
        range.forEach(blk -> {
            int i0 = blk * rowBlock, i1 = Math.min(m, i0 + rowBlock);
            java.util.Arrays.fill(c, i0 * n, i1 * n, 0.0);
            for (int k0 = 0; k0 < k; k0 += KB) {
                int k1 = Math.min(k, k0 + KB);
                for (int j0 = 0; j0 < n; j0 += JB) {
                    int j1 = Math.min(n, j0 + JB);
                    int i = i0;
                    // four rows at a time: each loaded element of B feeds four multiply-adds
                    for (; i + 3 < i1; i += 4) {
                        int c0 = i * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
                        for (int p = k0; p < k1; p++) {
                            double a0 = at(a, transA, m, k, i, p), a1 = at(a, transA, m, k, i + 1, p);
                            double a2 = at(a, transA, m, k, i + 2, p), a3 = at(a, transA, m, k, i + 3, p);
                            int bp = p * n;
                            for (int j = j0; j < j1; j++) {
                                double bv = bb[bp + j];
                                c[c0 + j] += a0 * bv;
                                c[c1 + j] += a1 * bv;
                                c[c2 + j] += a2 * bv;
                                c[c3 + j] += a3 * bv;
                            }
                        }
                    }
                    for (; i < i1; i++) {
                        int ci = i * n;
                        for (int p = k0; p < k1; p++) {
                            double aip = at(a, transA, m, k, i, p);
                            int bp = p * n;
                            for (int j = j0; j < j1; j++) c[ci + j] += aip * bb[bp + j];
                        }
                    }
                }
            }
        });
    }

    private static double at(double[] a, boolean transA, int m, int k, int i, int p) {
        return transA ? a[p * m + i] : a[i * k + p];
    }
}
