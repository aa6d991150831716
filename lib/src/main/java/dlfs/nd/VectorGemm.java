package dlfs.nd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matrix product on the Vector API ({@code jdk.incubator.vector}) for float64: the blocking
 * and packing of {@link PackedGemm} around a {@code MR×NR} register-tiled micro-kernel of fused
 * multiply-adds ({@code MR×2} vector accumulators, NR = 2 vectors of doubles).
 *
 * <p>{@link VectorSGemm} has the same micro-kernel on {@code FloatVector}. The two stay two:
 * the Vector API's speed comes from C2 compiling each concrete vector class to registers, and a
 * kernel written once over the generic {@code Vector<E>} would box its vectors and run many times
 * slower. Only the kernel and three element loops are per dtype; all around them is shared.
 *
 * <p>Only {@link Gemm} touches this class, and only when the module is in the boot layer
 * ({@code --add-modules jdk.incubator.vector}): a JVM started without it never loads it.
 */
final class VectorGemm extends PackedGemm<double[]> {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Micro-tile width: NR = 2 vectors of columns (MR rows: {@link PackedGemm#MR}). */
    static final int NR = 2 * L;
    private static final VectorGemm INSTANCE = new VectorGemm();

    private VectorGemm() {
        super(NR, double[]::new);
    }

    /** True when the preferred vectors hold at least 2 doubles (with 1, the scalar kernel is as good). */
    static boolean worthwhile() {
        return L >= 2;
    }

    /** C[m×n] = op(A)·op(B), as {@link Gemm#gemm}; m, n, k &gt; 0. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
        INSTANCE.multiply(transA, transB, m, n, k, a, b, c);
    }

    /** {@link PackedGemm#warmUpKernel} of this kernel. */
    static void warmUp() {
        INSTANCE.warmUpKernel();
    }

    @Override
    void kernel(double[] ap, int ao, double[] bp, int bo, int kc, double[] c, int co, int ldc, boolean accumulate) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        DoubleVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int p = 0; p < kc; p++, ao += MR, bo += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo), b1 = DoubleVector.fromArray(S, bp, bo + L);
            DoubleVector x = DoubleVector.broadcast(S, ap[ao]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(S, ap[ao + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(S, ap[ao + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(S, ap[ao + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(S, ap[ao + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(S, ap[ao + 5]);
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

    private static void store(DoubleVector v0, DoubleVector v1, double[] c, int off, boolean accumulate) {
        if (accumulate) {
            v0 = v0.add(DoubleVector.fromArray(S, c, off));
            v1 = v1.add(DoubleVector.fromArray(S, c, off + L));
        }
        v0.intoArray(c, off);
        v1.intoArray(c, off + L);
    }
}
