package dlfs.nd;

import java.lang.reflect.Array;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The blocking of the Vector API matrix product, written once for both dtypes ({@link VectorGemm}
 * on {@code double[]}, {@link VectorSGemm} on {@code float[]}; {@code T} is the storage type):
 * Goto-style, with panels of op(B) packed {@code nr} columns wide and blocks of op(A) packed
 * {@link #MR} rows high, so that a subclass's {@code MR×nr} register-tiled micro-kernel reads both
 * operands contiguously. Transposes are absorbed by the packing. The loops over blocks, the
 * packing, the edge tiles and the threading live here; a subclass gives only its micro-kernel.
 *
 * <p>This class does not touch {@code jdk.incubator.vector}; its subclasses do, and only
 * {@link Gemm} uses them, only when the module is in the boot layer.
 */
abstract class PackedGemm<T> {
    /** Micro-tile height: MR rows of C (the kernels keep MR×2 vector accumulators). */
    static final int MR = 6;
    /** Block sizes: kc deep (a B micro-panel of KC×nr stays in L1), MC rows of A in L2, NC columns of B. */
    static final int KC = 256, MC = 96, NC = 4096;
    /** Below this many multiply-adds the product stays on the calling thread. */
    static final long PARALLEL_THRESHOLD = 1L << 21;

    /** Micro-tile width: 2 vectors. */
    private final int nr;
    private final IntFunction<T> allocate;
    /** One zero of the storage type: the source of every zero fill (read with stride 0). */
    private final T zero;
    /** Per thread: the packed B panel, the packed A block, one edge tile. */
    private final ThreadLocal<Object[]> buffers = ThreadLocal.withInitial(() -> new Object[3]);

    PackedGemm(int nr, IntFunction<T> allocate) {
        this.nr = nr;
        this.allocate = allocate;
        this.zero = allocate.apply(1);
        this.kernelWarmUp = new WarmUp("micro-kernel", kernelCall());
        this.dotsWarmUp = new WarmUp("dot kernels", dotCalls());
    }

    /** Micro-kernel calls of a warm-up before it probes: past the JIT's threshold for its optimizing compiler (C2). */
    static final int WARM_UP_CALLS = 4000;
    /** Calls timed together in a warm-up; a probe is one such chunk. */
    static final int CHUNK = 100;
    /** At most this many probes after the calls, {@value #PROBE_PAUSE_MS} ms apart, before the warm-up gives up waiting for C2. */
    static final int PROBES = 200, PROBE_PAUSE_MS = 10;

    private final WarmUp kernelWarmUp, dotsWarmUp;

    /**
     * True once the kernels a product of this kind runs (the micro-kernel, or for a
     * {@link #dotShaped} product the dot kernels) have been warmed up: until then the Vector API's
     * vectors are objects, and one product of the book's sizes takes milliseconds where it takes
     * microseconds compiled. The first call starts the warm-up on a daemon thread of its own and
     * returns false, so that the caller (auto mode's measurement, {@link AutoBackend}) goes on
     * native meanwhile instead of spending a few hundred milliseconds of its own in slow vector
     * code: on a core the caller leaves idle the warm-up costs nothing.
     */
    final boolean warmedUp(boolean dots) {
        return (dots ? dotsWarmUp : kernelWarmUp).ready();
    }

    /** Starts the warm-up if need be and waits for its end, at most {@code seconds}; true if it ended (tests). */
    final boolean awaitWarmUp(boolean dots, long seconds) throws InterruptedException {
        WarmUp w = dots ? dotsWarmUp : kernelWarmUp;
        w.ready();
        return w.finished.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** One call of the micro-kernel on a tiny tile of its own, accumulating every other call. */
    private java.util.function.IntConsumer kernelCall() {
        int kc = 8;
        T ap = allocate.apply(MR * kc), bp = allocate.apply(nr * kc), tile = allocate.apply(MR * nr);
        return i -> kernel(ap, 0, bp, 0, kc, tile, 0, nr, (i & 1) == 1);
    }

    /** One call of each dot kernel, over the vector loop and the tail. */
    private java.util.function.IntConsumer dotCalls() {
        int dk = nr + 1;
        T da = allocate.apply(DR * dk), db = allocate.apply(DC * dk), dc = allocate.apply(DR * DC);
        return i -> {
            dotTile(da, 0, db, 0, dk, dc, 0, DC);
            dotOne(da, 0, db, 0, dk, dc, 0);
        };
    }

    /**
     * The warm-up of one kernel, once per JVM, on a thread of its own: {@value #WARM_UP_CALLS}
     * calls in chunks of {@value #CHUNK}, timed; then a chunk every {@value #PROBE_PAUSE_MS} ms
     * until one takes under an eighth of the fastest chunk before (C1's code, which still builds
     * every vector as an object, is about 3× faster than the interpreter; C2's about 100×), or
     * {@value #PROBES} probes have passed. Done then, whatever the JIT did: a kernel still slow
     * only loses auto mode's measurement, which takes that into account.
     */
    private static final class WarmUp {
        private final String what;
        private final java.util.function.IntConsumer call;
        private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        private final java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
        private volatile boolean done;

        WarmUp(String what, java.util.function.IntConsumer call) {
            this.what = what;
            this.call = call;
        }

        boolean ready() {
            if (done) return true;
            if (started.compareAndSet(false, true)) {
                Thread t = new Thread(this::run, "dlfs vector " + what + " warm-up");
                t.setDaemon(true);
                t.start();
            }
            return false;
        }

        private void run() {
            try {
                long fastest = Long.MAX_VALUE;
                for (int chunk = 0; chunk < WARM_UP_CALLS / CHUNK; chunk++) fastest = Math.min(fastest, chunk(chunk));
                for (int probe = 0; probe < PROBES && chunk(probe) * 8 > fastest; probe++) Thread.sleep(PROBE_PAUSE_MS);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            } finally {
                done = true;
                finished.countDown();
            }
        }

        private long chunk(int chunk) {
            long t0 = System.nanoTime();
            for (int i = 0; i < CHUNK; i++) call.accept(chunk * CHUNK + i);
            return System.nanoTime() - t0;
        }
    }

    /** Rows of A and of B in one {@link #dotTile}: DR·DC dot products share each loaded vector. */
    static final int DR = 3, DC = 4;
    /** {@link #dotShaped}: at most this many rows and columns of C, at least this deep. */
    static final int DOT_MAX = 64, DOT_MIN_K = 512;

    /**
     * C = A·Bᵀ with few rows and columns over a long k, such as a gradient summed over a batch
     * (the convolution's dW: 30×25 entries over 4032 output positions per block). Each entry is the
     * dot product of a row of A and a row of B, both contiguous in storage: nothing to pack, where
     * packing both operands would cost about as much as the multiply-adds.
     */
    static boolean dotShaped(boolean transA, boolean transB, int m, int n, int k) {
        return !transA && transB && m <= DOT_MAX && n <= DOT_MAX && k >= DOT_MIN_K;
    }

    /** C[m×n] = A·Bᵀ for A stored m×k and B stored n×k, DR×DC entries at a time ({@link #dotShaped}), row tiles over the cores when parallel. */
    private void dots(int m, int n, int k, T a, T b, T c, boolean parallel) {
        int tiles = (m + DR - 1) / DR;
        IntConsumer rowTile = t -> {
            int i = t * DR, j = 0;
            if (i + DR <= m) for (; j + DC <= n; j += DC) dotTile(a, i * k, b, j * k, k, c, i * n + j, n);
            for (int r = i; r < Math.min(m, i + DR); r++) // the columns past the last tile (all of them in a last short row tile)
                for (int q = j; q < n; q++) dotOne(a, r * k, b, q * k, k, c, r * n + q);
        };
        if (parallel && tiles > 1) IntStream.range(0, tiles).parallel().forEach(rowTile);
        else for (int t = 0; t < tiles; t++) rowTile.accept(t);
    }

    /**
     * The DR×DC entries of C at {@code c[ci]} (row stride ldc): the dot products of the DR rows of A
     * from {@code a[ai]} with the DC rows of B from {@code b[bi]}, rows k long.
     */
    abstract void dotTile(T a, int ai, T b, int bi, int k, T c, int ci, int ldc);

    /** {@code c[ci]} = the dot product of a[ai..ai+k) and b[bi..bi+k). */
    abstract void dotOne(T a, int ai, T b, int bi, int k, T c, int ci);

    /**
     * The MR×nr tile of C at {@code c[co]} (row stride ldc) = (or, accumulating, +=) the packed A
     * strip at {@code ap[ao]} times the packed B strip at {@code bp[bo]}, kc deep.
     */
    abstract void kernel(T ap, int ao, T bp, int bo, int kc, T c, int co, int ldc, boolean accumulate);

    /** {@code dst[d + i·stride] = 0} for i &lt; count. */
    private void zero(T dst, int d, int stride, int count) {
        Strided.copy(zero, 0, 0, dst, d, stride, count);
    }

    @SuppressWarnings("unchecked")
    private T buffer(int which, int size) {
        Object[] b = buffers.get();
        if (b[which] == null || Array.getLength(b[which]) < size) b[which] = allocate.apply(size);
        return (T) b[which];
    }

    /** C[m×n] = op(A)·op(B), as {@link Gemm#gemm}; m, n, k &gt; 0. */
    final void multiply(boolean transA, boolean transB, int m, int n, int k, T a, T b, T c) {
        boolean parallel = (long) m * n * k >= PARALLEL_THRESHOLD && Runtime.getRuntime().availableProcessors() > 1;
        if (dotShaped(transA, transB, m, n, k)) {
            dots(m, n, k, a, b, c, parallel);
            return;
        }
        int threads = parallel ? Math.max(1, Runtime.getRuntime().availableProcessors()) : 1;
        // row blocks: at most MC rows, and at least as many blocks as threads when parallel
        int mc = Math.min(MC, roundUp((m + threads - 1) / threads, MR));
        int blocks = (m + mc - 1) / mc;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                T bp = buffer(0, roundUp(nc, nr) * kc);
                packB(transB, b, n, k, pc, kc, jc, nc, bp);
                final int jc0 = jc, pc0 = pc;
                if (parallel && blocks > 1) {
                    IntStream.range(0, blocks).parallel().forEach(blk ->
                            block(transA, a, m, k, c, n, blk * mc, Math.min(mc, m - blk * mc), pc0, kc, jc0, nc, bp));
                } else { // no stream on the calling thread: the book's small products take microseconds
                    for (int blk = 0; blk < blocks; blk++)
                        block(transA, a, m, k, c, n, blk * mc, Math.min(mc, m - blk * mc), pc0, kc, jc0, nc, bp);
                }
            }
        }
    }

    private static int roundUp(int x, int to) {
        return (x + to - 1) / to * to;
    }

    /** One MC×KC block of A against the packed KC×NC panel of B. */
    private void block(boolean transA, T a, int m, int k, T c, int ldc, int ic, int mcb, int pc, int kc, int jc, int nc, T bp) {
        T ap = buffer(1, roundUp(mcb, MR) * kc);
        T tile = buffer(2, MR * nr);
        packA(transA, a, m, k, ic, mcb, pc, kc, ap);
        boolean accumulate = pc > 0;
        for (int jr = 0; jr < nc; jr += nr) {
            int cols = Math.min(nr, nc - jr);
            int bo = jr * kc; // strip jr/nr starts at (jr/nr)·nr·kc
            for (int ir = 0; ir < mcb; ir += MR) {
                int rows = Math.min(MR, mcb - ir), co = (ic + ir) * ldc + jc + jr;
                if (rows == MR && cols == nr) {
                    kernel(ap, ir * kc, bp, bo, kc, c, co, ldc, accumulate);
                    continue;
                }
                // an edge tile: through a buffer holding the part inside C, then back
                if (accumulate) for (int r = 0; r < rows; r++) Strided.copy(c, co + r * ldc, 1, tile, r * nr, 1, cols);
                kernel(ap, ir * kc, bp, bo, kc, tile, 0, nr, accumulate);
                for (int r = 0; r < rows; r++) Strided.copy(tile, r * nr, 1, c, co + r * ldc, 1, cols);
            }
        }
    }

    /** ap[s·MR·kc + p·MR + r] = op(A)[ic + s·MR + r][pc + p], zero past the last row. */
    final void packA(boolean transA, T a, int m, int k, int ic, int mcb, int pc, int kc, T ap) {
        for (int s = 0; s < mcb; s += MR) {
            int rows = Math.min(MR, mcb - s), base = s * kc;
            for (int r = 0; r < rows; r++) { // A stored k×m when transposed: row p of storage holds column p of op(A)
                if (!transA) Strided.copy(a, (ic + s + r) * k + pc, 1, ap, base + r, MR, kc);
                else Strided.copy(a, pc * m + ic + s + r, m, ap, base + r, MR, kc);
            }
            for (int r = rows; r < MR; r++) zero(ap, base + r, MR, kc);
        }
    }

    /** bp[t·nr·kc + p·nr + j] = op(B)[pc + p][jc + t·nr + j], zero past the last column. */
    final void packB(boolean transB, T b, int n, int k, int pc, int kc, int jc, int nc, T bp) {
        for (int t = 0; t < nc; t += nr) {
            int cols = Math.min(nr, nc - t), base = t * kc;
            if (!transB) {
                for (int p = 0; p < kc; p++) {
                    int dst = base + p * nr;
                    Strided.copy(b, (pc + p) * n + jc + t, 1, bp, dst, 1, cols);
                    zero(bp, dst + cols, 1, nr - cols);
                }
            } else { // B stored n×k: column j of op(B) is row j of storage
                for (int j = 0; j < cols; j++) Strided.copy(b, (jc + t + j) * k + pc, 1, bp, base + j, nr, kc);
                for (int j = cols; j < nr; j++) zero(bp, base + j, nr, kc);
            }
        }
    }
}
