package dlfs.nd;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The matrix backend is the one asked for ({@code -Ddlfs.blas=java} in CI's run on the kit's own
 * kernel), never netlib's slow reference BLAS by default, and it says which it is.
 */
class GemmBackendTest {
    @Test
    void theBackendIsTheOneAskedFor() {
        String backend = Gemm.backend();
        System.out.println("matrix backend: " + backend + (System.getenv("OPENBLAS_CORETYPE") == null ? ""
                : " (OPENBLAS_CORETYPE=" + System.getenv("OPENBLAS_CORETYPE") + ")"));
        String asked = System.getProperty("dlfs.blas", "");
        if (asked.equalsIgnoreCase("java")) assertTrue(backend.startsWith("java"), backend);
        if (backend.startsWith("native")) assertTrue(!backend.contains("/blas/libblas") || asked.equalsIgnoreCase("native"),
                "the reference BLAS is used only when asked for by name: " + backend);
        // whatever the backend, a product is right
        NDArray a = NDArray.of(new double[][]{{1, 2}, {3, 4}}), b = NDArray.of(new double[][]{{5, 6}, {7, 8}});
        assertEquals(NDArray.of(new double[][]{{19, 22}, {43, 50}}), a.matmul(b));
    }

    /**
     * A native product split into blocks over the cores (what the kit does when OpenBLAS is
     * single-threaded, lib/blas-env.sh's setting) is the whole product: blocks of rows (for Aᵀ, the
     * later blocks' columns of A copied first) and of columns (Aᵀ·Bᵀ with m &lt; n), each transpose,
     * both dtypes, odd sizes that leave blocks of unequal size. A wrong offset for a block of A, B
     * or C, or a copy of the wrong columns, fails it.
     */
    @Test
    void aNativeProductSplitOverTheCoresIsTheWholeProduct() {
        Assumptions.assumeTrue(Gemm.nativeAvailable(), "no native BLAS on this machine: nothing to split");
        Random r = new Random(7);
        int[][] shapes = {{37, 5, 23}, {5, 41, 19}, {64, 64, 33}, {3, 2, 7}, {1, 9, 4}};
        try {
            Gemm.use("native");
            Gemm.splitNative(true);
            for (int[] s : shapes)
                for (boolean ta : new boolean[]{false, true})
                    for (boolean tb : new boolean[]{false, true}) {
                        int m = s[0], n = s[1], k = s[2];
                        double[] a = new double[m * k], b = new double[k * n], expect = new double[m * n];
                        for (int i = 0; i < a.length; i++) a[i] = r.nextGaussian();
                        for (int i = 0; i < b.length; i++) b[i] = r.nextGaussian();
                        Gemm.javaGemm(ta, tb, m, n, k, a, b, expect);
                        double[] got = new double[m * n];
                        Gemm.gemm(ta, tb, m, n, k, a, b, got);
                        float[] af = new float[a.length], bf = new float[b.length], gotF = new float[m * n];
                        for (int i = 0; i < a.length; i++) af[i] = (float) a[i];
                        for (int i = 0; i < b.length; i++) bf[i] = (float) b[i];
                        Gemm.sgemm(ta, tb, m, n, k, af, bf, gotF);
                        String what = m + "x" + k + (ta ? "ᵀ" : "") + " · " + k + "x" + n + (tb ? "ᵀ" : "") + " in "
                                + Gemm.nativeParts(m, n, k) + " blocks, entry ";
                        for (int i = 0; i < m * n; i++) {
                            assertEquals(expect[i], got[i], 1e-12 * k, what + i);
                            assertEquals(expect[i], gotF[i], 1e-5 * k, what + i + " (float32)");
                        }
                    }
        } finally {
            Gemm.splitNative(null);
            Gemm.use("auto");
        }
    }
}
