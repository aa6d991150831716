package dlfs.nd;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The Vector API kernels (float64, float32) against the scalar one: random and edge shapes, every transpose; and Java without the module. */
class GemmVectorTest {
    private static double[] random(Random r, int size) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) x[i] = r.nextGaussian();
        return x;
    }

    private static void check(Random r, int m, int n, int k) {
        double[] a = random(r, m * k), b = random(r, k * n);
        for (boolean ta : new boolean[]{false, true})
            for (boolean tb : new boolean[]{false, true}) {
                double[] expect = new double[m * n], got = random(r, m * n); // garbage in C must be overwritten
                Gemm.javaGemm(ta, tb, m, n, k, a, b, expect);
                VectorGemm.gemm(ta, tb, m, n, k, a, b, got);
                for (int i = 0; i < m * n; i++) {
                    double tol = 1e-12 * Math.sqrt(k) * 4 + 1e-13;
                    if (Math.abs(expect[i] - got[i]) > tol * Math.max(1, Math.abs(expect[i])))
                        fail("m=" + m + " n=" + n + " k=" + k + " transA=" + ta + " transB=" + tb + " at " + i
                                + ": " + got[i] + " vs " + expect[i]);
                }
            }
    }

    /** VectorSGemm against the float64 product of the same float32 values, within the float32 error bound k·u·Σ|a||b|. */
    private static void checkFloat(Random r, int m, int n, int k) {
        double[] a = random(r, m * k), b = random(r, k * n);
        float[] af = new float[a.length], bf = new float[b.length];
        for (int i = 0; i < a.length; i++) a[i] = af[i] = (float) a[i];
        for (int i = 0; i < b.length; i++) b[i] = bf[i] = (float) b[i];
        double[] absA = new double[a.length], absB = new double[b.length];
        for (int i = 0; i < a.length; i++) absA[i] = Math.abs(a[i]);
        for (int i = 0; i < b.length; i++) absB[i] = Math.abs(b[i]);
        for (boolean ta : new boolean[]{false, true})
            for (boolean tb : new boolean[]{false, true}) {
                double[] expect = new double[m * n], scale = new double[m * n];
                float[] got = new float[m * n];
                java.util.Arrays.fill(got, Float.NaN); // garbage in C must be overwritten
                Gemm.javaGemm(ta, tb, m, n, k, a, b, expect);
                Gemm.javaGemm(ta, tb, m, n, k, absA, absB, scale);
                VectorSGemm.gemm(ta, tb, m, n, k, af, bf, got);
                for (int i = 0; i < m * n; i++) {
                    double tol = (k + 1) * 0x1p-24 * scale[i] + 1e-30;
                    if (!(Math.abs(expect[i] - got[i]) <= tol))
                        fail("float32 m=" + m + " n=" + n + " k=" + k + " transA=" + ta + " transB=" + tb + " at " + i
                                + ": " + got[i] + " vs " + expect[i]);
                }
            }
    }

    /** Shapes at the edges of a micro-tile nr columns wide and of the blocks, then the book's layer shapes. */
    private static int[][] edgeShapes(int nr) {
        int mr = PackedGemm.MR, kc = PackedGemm.KC;
        return new int[][]{{1, 1, 1}, {1, 7, 1}, {7, 1, 3}, {mr, nr, 1}, {mr + 1, nr + 1, 2}, {mr - 1, nr - 1, kc},
                {2 * mr, 2 * nr, kc + 1}, {100, 50, 784}, {100, 10, 50}, {784, 50, 100}, {97, 131, 2 * kc + 3},
                {PackedGemm.MC + 1, 3, 5}, {3, PackedGemm.NC + 5, 4}, {300, 70, 600},
                // A·Bᵀ by dot products (PackedGemm.dotShaped, in the transB runs): conv's dW, whole and partial tiles, the limits
                {30, 25, 4032}, {1, 1, PackedGemm.DOT_MIN_K}, {PackedGemm.DR + 1, PackedGemm.DC + 3, PackedGemm.DOT_MIN_K + 2 * nr + 3},
                {PackedGemm.DOT_MAX, PackedGemm.DOT_MAX - 1, PackedGemm.DOT_MIN_K + 1}, {2, 9, 1000}};
    }

    @Test
    void bothKernelsMatchTheScalarKernelOnEdgesAndRandomShapes() {
        Assumptions.assumeTrue(Gemm.vectorAvailable(), "no Vector API in this JVM");
        Random r = new Random(42);
        for (int[] s : edgeShapes(VectorGemm.NR)) check(r, s[0], s[1], s[2]);
        for (int[] s : edgeShapes(VectorSGemm.NR)) checkFloat(r, s[0], s[1], s[2]);
        for (int t = 0; t < 40; t++) {
            check(r, 1 + r.nextInt(90), 1 + r.nextInt(90), 1 + r.nextInt(600));
            checkFloat(r, 1 + r.nextInt(90), 1 + r.nextInt(90), 1 + r.nextInt(600));
        }
    }

    @Test
    void throughGemmWithEachBackend() {
        Random r = new Random(1);
        int m = 37, n = 29, k = 301;
        double[] a = random(r, m * k), b = random(r, k * n), expect = new double[m * n];
        Gemm.javaGemm(false, false, m, n, k, a, b, expect);
        try {
            for (String backend : List.of("java", "vector", "native", "auto")) {
                if (backend.equals("vector") && !Gemm.vectorAvailable()) continue;
                if (backend.equals("native") && !Gemm.nativeAvailable()) continue;
                Gemm.use(backend);
                double[] got = new double[m * n];
                Gemm.gemm(false, false, m, n, k, a, b, got);
                for (int i = 0; i < m * n; i++) assertEquals(expect[i], got[i], 1e-10, backend);
            }
        } finally {
            Gemm.use("auto");
        }
    }

    /** A user's own {@code java -cp ...} without --add-modules: no Vector API, the product still works. */
    @Test
    void withoutTheModuleTheScalarKernelIsUsed() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Ddlfs.blas=vector", "-cp", System.getProperty("java.class.path"),
                NoVectorMain.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("backend java; no Vector API kernel: no jdk.incubator.vector module"), out);
        assertTrue(out.contains("product ok"), out);
        assertTrue(!out.contains("incubator modules"), out);
    }

    /** Run by the test above in a JVM without the module. */
    public static final class NoVectorMain {
        public static void main(String[] args) {
            System.out.println("backend " + Gemm.backend());
            NDArray a = NDArray.of(new double[][]{{1, 2}, {3, 4}}), b = NDArray.of(new double[][]{{5, 6}, {7, 8}});
            NDArray expect = NDArray.of(new double[][]{{19, 22}, {43, 50}});
            if (a.matmul(b).equals(expect) && a.astype(Dtype.FLOAT32).matmul(b.astype(Dtype.FLOAT32)).equals(expect.astype(Dtype.FLOAT32)))
                System.out.println("product ok");
            System.out.println(File.separator.isEmpty() ? "" : "done");
        }
    }
}
