package dlfs.nd;

import jdk.incubator.vector.FloatVector;
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

    /** {@link PackedGemm#warmUpKernel} of this kernel. */
    static void warmUp() {
        INSTANCE.warmUpKernel();
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

    private static void store(FloatVector v0, FloatVector v1, float[] c, int off, boolean accumulate) {
        if (accumulate) {
            v0 = v0.add(FloatVector.fromArray(S, c, off));
            v1 = v1.add(FloatVector.fromArray(S, c, off + L));
        }
        v0.intoArray(c, off);
        v1.intoArray(c, off + L);
    }
}
