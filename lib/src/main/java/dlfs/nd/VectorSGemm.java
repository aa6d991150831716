package dlfs.nd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.stream.IntStream;

/**
 * {@link VectorGemm}'s kernel for float32 ({@code sgemm}): the same packing and blocking, with
 * {@code MR×2} accumulators of floats (twice the lanes of a double vector). Generated from
 * VectorGemm by replacing the element type; keep the two in step.
 */
final class VectorSGemm {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Micro-tile: MR rows of C by NR = 2 vectors of columns. */
    static final int MR = 6, NR = 2 * L;
    /** Block sizes: kc deep (a B micro-panel of KC×NR stays in L1), MC rows of A in L2, NC columns of B. */
    static final int KC = 256, MC = 96, NC = 4096;
    /** Below this many multiply-adds the product stays on the calling thread. */
    static final long PARALLEL_THRESHOLD = 1L << 21;

    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(() -> new float[3][]);

    private VectorSGemm() {
    }

    private static float[] buffer(int which, int size) {
        float[][] b = BUFFERS.get();
        if (b[which] == null || b[which].length < size) b[which] = new float[size];
        return b[which];
    }

    /** C[m×n] = op(A)·op(B), as {@link Gemm#gemm}; m, n, k &gt; 0. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, float[] c) {
        boolean parallel = (long) m * n * k >= PARALLEL_THRESHOLD && Runtime.getRuntime().availableProcessors() > 1;
        int threads = parallel ? Math.max(1, Runtime.getRuntime().availableProcessors()) : 1;
        // row blocks: at most MC rows, and at least as many blocks as threads when parallel
        int mc = Math.min(MC, roundUp((m + threads - 1) / threads, MR));
        int blocks = (m + mc - 1) / mc;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                float[] bp = buffer(0, roundUp(nc, NR) * kc);
                packB(transB, b, n, k, pc, kc, jc, nc, bp);
                final int jc0 = jc, pc0 = pc;
                if (parallel && blocks > 1) {
                    IntStream.range(0, blocks).parallel().forEach(blk ->
                            block(transA, a, m, k, c, n, blk * mc, Math.min(mc, m - blk * mc), pc0, kc, jc0, nc, bp));
                } else {
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
    private static void block(boolean transA, float[] a, int m, int k, float[] c, int ldc,
                              int ic, int mcb, int pc, int kc, int jc, int nc, float[] bp) {
        float[] ap = buffer(1, roundUp(mcb, MR) * kc);
        float[] tmp = buffer(2, MR * NR);
        packA(transA, a, m, k, ic, mcb, pc, kc, ap);
        boolean accumulate = pc > 0;
        for (int jr = 0; jr < nc; jr += NR) {
            int cols = Math.min(NR, nc - jr);
            int bo = jr * kc; // strip jr/NR starts at (jr/NR)·NR·kc
            for (int ir = 0; ir < mcb; ir += MR) {
                int rows = Math.min(MR, mcb - ir);
                kernel(ap, ir * kc, bp, bo, kc, c, (ic + ir) * ldc + jc + jr, ldc, rows, cols, accumulate, tmp);
            }
        }
    }

    /** ap[s·MR·kc + p·MR + r] = op(A)[ic + s·MR + r][pc + p], zero past the last row. */
    static void packA(boolean transA, float[] a, int m, int k, int ic, int mcb, int pc, int kc, float[] ap) {
        for (int s = 0; s < mcb; s += MR) {
            int rows = Math.min(MR, mcb - s), base = s * kc;
            if (!transA) {
                for (int r = 0; r < MR; r++) {
                    if (r < rows) {
                        int src = (ic + s + r) * k + pc;
                        for (int p = 0; p < kc; p++) ap[base + p * MR + r] = a[src + p];
                    } else {
                        for (int p = 0; p < kc; p++) ap[base + p * MR + r] = 0f;
                    }
                }
            } else { // A stored k×m: row p of storage holds column p of op(A)
                for (int p = 0; p < kc; p++) {
                    int src = (pc + p) * m + ic + s, dst = base + p * MR;
                    int r = 0;
                    for (; r < rows; r++) ap[dst + r] = a[src + r];
                    for (; r < MR; r++) ap[dst + r] = 0f;
                }
            }
        }
    }

    /** bp[t·NR·kc + p·NR + j] = op(B)[pc + p][jc + t·NR + j], zero past the last column. */
    static void packB(boolean transB, float[] b, int n, int k, int pc, int kc, int jc, int nc, float[] bp) {
        for (int t = 0; t < nc; t += NR) {
            int cols = Math.min(NR, nc - t), base = t * kc;
            if (!transB) {
                for (int p = 0; p < kc; p++) {
                    int dst = base + p * NR;
                    System.arraycopy(b, (pc + p) * n + jc + t, bp, dst, cols);
                    for (int j = cols; j < NR; j++) bp[dst + j] = 0f;
                }
            } else { // B stored n×k: column j of op(B) is row j of storage
                for (int j = 0; j < NR; j++) {
                    if (j < cols) {
                        int src = (jc + t + j) * k + pc;
                        for (int p = 0; p < kc; p++) bp[base + p * NR + j] = b[src + p];
                    } else {
                        for (int p = 0; p < kc; p++) bp[base + p * NR + j] = 0f;
                    }
                }
            }
        }
    }

    /** C tile (rows×cols at c[co], row stride ldc) = (or +=) the packed A strip times the packed B strip. */
    private static void kernel(float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc,
                               int rows, int cols, boolean accumulate, float[] tmp) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int p = 0; p < kc; p++, ao += MR, bo += NR) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bo), b1 = FloatVector.fromArray(S, bp, bo + L);
            FloatVector x = FloatVector.broadcast(S, ap[ao]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[ao + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[ao + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[ao + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, ap[ao + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, ap[ao + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        if (rows == MR && cols == NR) {
            store(c00, c01, c, co, accumulate);
            store(c10, c11, c, co + ldc, accumulate);
            store(c20, c21, c, co + 2 * ldc, accumulate);
            store(c30, c31, c, co + 3 * ldc, accumulate);
            store(c40, c41, c, co + 4 * ldc, accumulate);
            store(c50, c51, c, co + 5 * ldc, accumulate);
            return;
        }
        // an edge tile: through a buffer, then the part inside C
        c00.intoArray(tmp, 0);
        c01.intoArray(tmp, L);
        c10.intoArray(tmp, NR);
        c11.intoArray(tmp, NR + L);
        c20.intoArray(tmp, 2 * NR);
        c21.intoArray(tmp, 2 * NR + L);
        c30.intoArray(tmp, 3 * NR);
        c31.intoArray(tmp, 3 * NR + L);
        c40.intoArray(tmp, 4 * NR);
        c41.intoArray(tmp, 4 * NR + L);
        c50.intoArray(tmp, 5 * NR);
        c51.intoArray(tmp, 5 * NR + L);
        for (int r = 0; r < rows; r++) {
            int dst = co + r * ldc, src = r * NR;
            if (accumulate) for (int j = 0; j < cols; j++) c[dst + j] += tmp[src + j];
            else System.arraycopy(tmp, src, c, dst, cols);
        }
    }

    private static void store(FloatVector v0, FloatVector v1, float[] c, int off, boolean accumulate) {
        if (accumulate) {
            v0 = v0.add(FloatVector.fromArray(S, c, off));
            v1 = v1.add(FloatVector.fromArray(S, c, off + L));
        }
        v0.intoArray(c, off);
        v1.intoArray(c, off + L);
    }
}
