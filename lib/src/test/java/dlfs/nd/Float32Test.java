package dlfs.nd;

import dlfs.Course;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** float32 storage: dtype, astype, numpy's promotion, in-place ops keep their dtype, sgemm on every backend. */
class Float32Test {
    @Test
    void astypeAndStorage() {
        NDArray d = NDArray.of(0.1, 1.5, -2.25);
        NDArray f = d.astype(Dtype.FLOAT32);
        assertEquals(Dtype.FLOAT64, d.dtype());
        assertEquals(Dtype.FLOAT32, f.dtype());
        assertSame(f, f.astype(Dtype.FLOAT32));
        assertEquals((double) 0.1f, f.get(0));
        assertArrayEquals(new float[]{0.1f, 1.5f, -2.25f}, f.floatData());
        IllegalStateException e = assertThrows(IllegalStateException.class, f::data);
        assertTrue(e.getMessage().contains("floatData()"), e.getMessage());
        assertThrows(IllegalStateException.class, d::floatData);
        assertEquals(Float16.round(0.1), d.astype(Dtype.FLOAT16).get(0));
        assertEquals(Dtype.FLOAT64, d.astype(Dtype.FLOAT16).dtype());
        NDArray r = f.reshape(3, 1);
        r.set(7, 2, 0);
        assertEquals(7.0, f.get(2), "reshape shares the float32 storage");
        assertEquals(Dtype.FLOAT32, NDArray.zerosLike(f).dtype());
        assertEquals(Dtype.FLOAT32, NDArray.zeros(Dtype.FLOAT32, 2, 2).dtype());
    }

    @Test
    void promotionFollowsNumpy() {
        NDArray a = NDArray.of(new double[][]{{1, 2}, {3, 4}}).astype(Dtype.FLOAT32);
        NDArray b = NDArray.of(0.5, 0.25).astype(Dtype.FLOAT32);
        NDArray d = NDArray.of(0.5, 0.25);
        assertEquals(Dtype.FLOAT32, a.add(b).dtype());
        assertEquals(Dtype.FLOAT64, a.add(d).dtype());
        assertEquals(Dtype.FLOAT64, d.mul(a).dtype());
        assertEquals(Dtype.FLOAT32, a.mul(0.1).dtype(), "a double scalar keeps the array's dtype");
        assertEquals((float) (3 * 0.1), (float) a.mul(0.1).get(1, 0));
        assertEquals(Dtype.FLOAT32, a.copy().addi(d).dtype(), "in place keeps this dtype");
        assertEquals(NDArray.of(new double[][]{{1.5, 2.25}, {3.5, 4.25}}), a.copy().addi(d).astype(Dtype.FLOAT64));
        assertEquals(Dtype.FLOAT32, a.sum(0).dtype());
        assertEquals(NDArray.of(4, 6), a.sum(0).astype(Dtype.FLOAT64));
        assertEquals(10.0, a.sum());
        assertEquals(Dtype.FLOAT32, a.T().dtype());
        assertEquals(3.0, a.T().get(0, 1));
        assertEquals(Dtype.FLOAT32, a.transpose(1, 0).exp().dtype());
        assertEquals(1, a.argmax(1).toIntArray()[0]);
        assertEquals(Dtype.FLOAT32, a.rows(new int[]{1, 1}).dtype());
        assertThrows(IllegalArgumentException.class, () -> a.rows(new int[]{0}, NDArray.zeros(1, 2)));
        NDArray m = a.copy().axpyi(-1, a);
        assertEquals(0.0, m.sum());
        assertTrue(a.toString().contains("4."), a.toString());
    }

    @Test
    void sgemmMatchesDgemmOnEveryBackend() {
        Rng rng = new Rng(3);
        NDArray x = rng.randn(37, 53), w = rng.randn(53, 29), d = rng.randn(37, 29);
        NDArray xf = x.astype(Dtype.FLOAT32), wf = w.astype(Dtype.FLOAT32), df = d.astype(Dtype.FLOAT32);
        java.util.List<String> backends = new java.util.ArrayList<>(java.util.List.of("java", "auto"));
        if (Gemm.nativeAvailable()) backends.add("native");
        if (Gemm.vectorAvailable()) backends.add("vector");
        try {
            for (String b : backends) {
                Gemm.use(b);
                // exact float64 products of the float32 values, against float32 products: within float32 rounding
                assertClose(xf.astype(Dtype.FLOAT64).dot(wf.astype(Dtype.FLOAT64)), xf.dot(wf), b + " matmul");
                assertClose(xf.astype(Dtype.FLOAT64).tdot(df.astype(Dtype.FLOAT64)), xf.tdot(df), b + " tdot");
                assertClose(df.astype(Dtype.FLOAT64).dott(wf.astype(Dtype.FLOAT64)), df.dott(wf), b + " dott");
                assertEquals(Dtype.FLOAT32, xf.dot(wf).dtype());
                assertEquals(Dtype.FLOAT64, xf.dot(w).dtype(), "mixed operands promote to float64");
            }
        } finally {
            Gemm.use("auto");
        }
    }

    static void assertClose(NDArray expect, NDArray got, String what) {
        assertEquals(Dtype.FLOAT32, got.dtype(), what);
        assertTrue(got.astype(Dtype.FLOAT64).allclose(expect, 1e-5, 1e-4), what + ": float32 product off by more than float32 rounding");
    }

    @Test
    void courseDefaultIsFloat64() {
        assertEquals(Dtype.FLOAT64, Course.dtype());
        try {
            Course.dtype(Dtype.FLOAT32);
            assertEquals(Dtype.FLOAT32, Course.dtype());
            assertThrows(IllegalArgumentException.class, () -> Course.dtype(Dtype.FLOAT16));
        } finally {
            Course.dtype(null);
        }
    }
}
