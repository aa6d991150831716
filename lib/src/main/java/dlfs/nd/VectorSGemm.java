package dlfs.nd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorGemm} for float32 ({@code sgemm}): the same blocking and packing ({@link PackedGemm})
 * around the same micro-kernel on {@code FloatVector}, twice the lanes of a double vector. The
 * kernel is written twice on purpose, see {@link VectorGemm}; keep the two in step.
 */
final class VectorSGemm extends PackedGemm<float[]> {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Micro-tile width: NR = 2 vectors of columns (MR rows: {@link PackedGemm#MR}). */
    static final int NR = 2 * L;
    private static final VectorSGemm INSTANCE = new VectorSGemm();

    private VectorSGemm() {
        super(NR, float[]::new);
    }

    /** C[m×n] = op(A)·op(B), as {@link Gemm#sgemm}; m, n, k &gt; 0. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, float[] c) {
        INSTANCE.multiply(transA, transB, m, n, k, a, b, c);
    }

    /** {@link PackedGemm#warmedUp} of this kernel (or of its dot kernels, for a dot-shaped product): warmed up, or warming up on a thread of its own. */
    static boolean ready(boolean dots) {
        return INSTANCE.warmedUp(dots);
    }

    /** {@link PackedGemm#awaitWarmUp} (tests). */
    static boolean awaitReady(boolean dots, long seconds) throws InterruptedException {
        return INSTANCE.awaitWarmUp(dots, seconds);
    }

    @Override
    void kernel(float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc, boolean accumulate) {
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
        store(c00, c01, c, co, accumulate);
        store(c10, c11, c, co + ldc, accumulate);
        store(c20, c21, c, co + 2 * ldc, accumulate);
        store(c30, c31, c, co + 3 * ldc, accumulate);
        store(c40, c41, c, co + 4 * ldc, accumulate);
        store(c50, c51, c, co + 5 * ldc, accumulate);
    }


    @Override
    void dotTile(float[] a, int ai, float[] b, int bi, int k, float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        int a1 = ai + k, a2 = a1 + k, b1 = bi + k, b2 = b1 + k, b3 = b2 + k, p = 0;
        for (int end = S.loopBound(k); p < end; p += L) {
            FloatVector x0 = FloatVector.fromArray(S, a, ai + p), x1 = FloatVector.fromArray(S, a, a1 + p), x2 = FloatVector.fromArray(S, a, a2 + p);
            FloatVector y = FloatVector.fromArray(S, b, bi + p);
            c00 = x0.fma(y, c00);
            c10 = x1.fma(y, c10);
            c20 = x2.fma(y, c20);
            y = FloatVector.fromArray(S, b, b1 + p);
            c01 = x0.fma(y, c01);
            c11 = x1.fma(y, c11);
            c21 = x2.fma(y, c21);
            y = FloatVector.fromArray(S, b, b2 + p);
            c02 = x0.fma(y, c02);
            c12 = x1.fma(y, c12);
            c22 = x2.fma(y, c22);
            y = FloatVector.fromArray(S, b, b3 + p);
            c03 = x0.fma(y, c03);
            c13 = x1.fma(y, c13);
            c23 = x2.fma(y, c23);
        }
        put(c, ci, c00, a, ai, b, bi, p, k);
        put(c, ci + 1, c01, a, ai, b, b1, p, k);
        put(c, ci + 2, c02, a, ai, b, b2, p, k);
        put(c, ci + 3, c03, a, ai, b, b3, p, k);
        put(c, ci + ldc, c10, a, a1, b, bi, p, k);
        put(c, ci + ldc + 1, c11, a, a1, b, b1, p, k);
        put(c, ci + ldc + 2, c12, a, a1, b, b2, p, k);
        put(c, ci + ldc + 3, c13, a, a1, b, b3, p, k);
        put(c, ci + 2 * ldc, c20, a, a2, b, bi, p, k);
        put(c, ci + 2 * ldc + 1, c21, a, a2, b, b1, p, k);
        put(c, ci + 2 * ldc + 2, c22, a, a2, b, b2, p, k);
        put(c, ci + 2 * ldc + 3, c23, a, a2, b, b3, p, k);
    }

    @Override
    void dotOne(float[] a, int ai, float[] b, int bi, int k, float[] c, int ci) {
        FloatVector s = FloatVector.zero(S);
        int p = 0;
        for (int end = S.loopBound(k); p < end; p += L) s = FloatVector.fromArray(S, a, ai + p).fma(FloatVector.fromArray(S, b, bi + p), s);
        put(c, ci, s, a, ai, b, bi, p, k);
    }

    /** c[at] = the lanes of v added up, plus the products a[ai + p]·b[bi + p] past the vectors (from ≤ p &lt; k). */
    private static void put(float[] c, int at, FloatVector v, float[] a, int ai, float[] b, int bi, int from, int k) {
        c[at] = v.reduceLanes(VectorOperators.ADD) + tail(a, ai, b, bi, from, k);
    }

    /** The last k mod L terms of a dot product: a[ai + p]·b[bi + p] for from ≤ p &lt; k. */
    private static float tail(float[] a, int ai, float[] b, int bi, int from, int k) {
        float s = 0;
        for (int p = from; p < k; p++) s += a[ai + p] * b[bi + p];
        return s;
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
