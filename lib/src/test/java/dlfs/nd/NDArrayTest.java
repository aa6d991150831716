package dlfs.nd;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

class NDArrayTest {

    private static NDArray seq(int... shape) {
        NDArray a = NDArray.zeros(shape);
        for (int i = 0; i < a.size(); i++) a.data()[i] = i;
        return a;
    }

    @Test
    void creationAndShape() {
        assertArrayEquals(new int[]{2, 3}, NDArray.zeros(2, 3).shape());
        assertEquals(6, NDArray.ones(2, 3).sum());
        assertEquals(7.5, NDArray.full(2.5, 3).sum());
        assertArrayEquals(new double[]{0, 1, 2, 3}, NDArray.arange(4).data());
        assertArrayEquals(new double[]{-1, -0.5, 0, 0.5}, NDArray.arange(-1, 1, 0.5).data(), 1e-12);
        assertArrayEquals(new double[]{0, 0.25, 0.5, 0.75, 1}, NDArray.linspace(0, 1, 5).data(), 1e-12);
        NDArray e = NDArray.eye(3);
        assertEquals(1, e.get(2, 2));
        assertEquals(0, e.get(0, 2));
        assertEquals(3, e.sum());
        assertEquals(5.0, NDArray.of(new double[][]{{1, 2}, {3, 4}}).get(1, 0) + 2);
        assertEquals(4.0, NDArray.of(new double[][]{{1, 2}, {3, 4}}).get(-1, -1));
    }

    @Test
    void reshapeInfersMinusOne() {
        NDArray a = seq(2, 3, 4);
        assertArrayEquals(new int[]{6, 4}, a.reshape(-1, 4).shape());
        assertArrayEquals(new int[]{24}, a.reshape(-1).shape());
        assertEquals(a.get(1, 2, 3), a.reshape(2, 12).get(1, 11));
        ShapeException ex = assertThrows(ShapeException.class, () -> a.reshape(5, -1));
        assertEquals("reshape: cannot reshape array of size 24 (shape (2, 3, 4)) into shape (5, -1)", ex.getMessage());
        assertThrows(ShapeException.class, () -> a.reshape(-1, -1));
    }

    @Test
    void transposeGeneralAxes() {
        NDArray a = seq(2, 3, 4, 5);
        NDArray t = a.transpose(0, 2, 3, 1);
        assertArrayEquals(new int[]{2, 4, 5, 3}, t.shape());
        for (int n = 0; n < 2; n++)
            for (int c = 0; c < 3; c++)
                for (int h = 0; h < 4; h++)
                    for (int w = 0; w < 5; w++)
                        assertEquals(a.get(n, c, h, w), t.get(n, h, w, c));
        assertEquals(a, t.transpose(0, 3, 1, 2));
        NDArray m = seq(3, 7);
        assertEquals(m.get(2, 5), m.T().get(5, 2));
        assertArrayEquals(new int[]{5, 4, 3, 2}, a.T().shape());
        assertThrows(ShapeException.class, () -> a.transpose(0, 1, 1, 2));
        assertThrows(ShapeException.class, () -> a.transpose(0, 1));
    }

    /** numpy's broadcasting rules, case by case. */
    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
            "'2,3',   '3',     '2,3'",
            "'2,3',   '1,3',   '2,3'",
            "'2,3',   '2,1',   '2,3'",
            "'2,1',   '1,3',   '2,3'",
            "'3',     '2,3',   '2,3'",
            "'4,1,3', '2,1',   '4,2,3'",
            "'1',     '2,2,2', '2,2,2'",
            "'5,1,4,1', '3,1,2', '5,3,4,2'",
            "'',      '2,3',   '2,3'",
            "'0,3',   '3',     '0,3'",
    })
    void broadcastingMatchesNumpyRules(String a, String b, String out) {
        NDArray x = seq(parse(a)), y = seq(parse(b)).add(100);
        NDArray z = x.add(y);
        int[] s = parse(out);
        assertArrayEquals(s, z.shape());
        // check every element against an explicit index computation
        int[] idx = new int[s.length];
        for (int k = 0; k < z.size(); k++) {
            int r = k;
            for (int d = s.length - 1; d >= 0; d--) {
                idx[d] = r % s[d];
                r /= s[d];
            }
            assertEquals(valueAt(x, idx) + valueAt(y, idx), z.data()[k], 0.0);
        }
        assertEquals(z, y.add(x), "broadcasting is symmetric");
    }

    /** In place, the right operand broadcasts to the target's shape (a bias row takes a fast path): same as out of place. */
    @ParameterizedTest(name = "{0} op= {1}")
    @CsvSource({"'2,3', '3'", "'2,3', '1,3'", "'2,3', '2,1'", "'4,2,3', '2,3'", "'4,2,3', '1,1'", "'4,2,3', '2,1'",
            "'3,2,1', '2,1'", "'5,3,4,2', '3,1,2'", "'2,3', '1'", "'2,3', ''", "'2,3', '2,3'"})
    void inPlaceBroadcastingMatchesOutOfPlace(String a, String b) {
        NDArray x = seq(parse(a)).add(1), y = seq(parse(b)).add(2);
        assertEquals(x.add(y), x.copy().addi(y));
        assertEquals(x.sub(y), x.copy().subi(y));
        assertEquals(x.mul(y), x.copy().muli(y));
        assertEquals(x.div(y), x.copy().divi(y));
    }

    private static double valueAt(NDArray a, int[] outIdx) {
        int[] s = a.shape();
        int[] idx = new int[s.length];
        int off = outIdx.length - s.length;
        for (int i = 0; i < s.length; i++) idx[i] = s[i] == 1 ? 0 : outIdx[off + i];
        return a.get(idx);
    }

    private static int[] parse(String s) {
        if (s.isBlank()) return new int[0];
        String[] p = s.split(",");
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) out[i] = Integer.parseInt(p[i].trim());
        return out;
    }

    @ParameterizedTest
    @CsvSource({"'2,3', '2'", "'2,3', '3,2'", "'4,3', '2,3'", "'2,3,4', '3,1,5'"})
    void incompatibleShapesNameBoth(String a, String b) {
        ShapeException ex = assertThrows(ShapeException.class, () -> seq(parse(a)).mul(seq(parse(b))));
        String msg = ex.getMessage();
        assertTrue(msg.startsWith("multiply: "), msg);
        assertTrue(msg.contains(ShapeException.fmt(parse(a))) && msg.contains(ShapeException.fmt(parse(b))), msg);
        assertTrue(msg.contains("could not be broadcast"), msg);
    }

    @Test
    void elementwiseAndScalarOps() {
        NDArray a = NDArray.of(1, 2, 3), b = NDArray.of(4, 5, 6);
        assertArrayEquals(new double[]{5, 7, 9}, a.add(b).data());
        assertArrayEquals(new double[]{-3, -3, -3}, a.sub(b).data());
        assertArrayEquals(new double[]{4, 10, 18}, a.mul(b).data());
        assertArrayEquals(new double[]{0.25, 0.4, 0.5}, a.div(b).data());
        assertArrayEquals(new double[]{2, 4, 6}, a.mul(2).data());
        assertArrayEquals(new double[]{0, 1, 2}, a.sub(1).data());
        assertArrayEquals(new double[]{9, 8, 7}, a.rsub(10).data());
        assertArrayEquals(new double[]{1, 4, 9}, a.pow(2).data());
        assertArrayEquals(new double[]{1, 32, 729}, a.pow(b).data());
        assertArrayEquals(new double[]{2, 2, 3}, a.maximum(2).data());
        assertArrayEquals(new double[]{Math.exp(1), Math.exp(2), Math.exp(3)}, a.exp().data(), 1e-12);
        assertArrayEquals(new double[]{0, Math.log(2), Math.log(3)}, a.log().data(), 1e-12);
        assertArrayEquals(new double[]{1, Math.sqrt(2), Math.sqrt(3)}, a.sqrt().data(), 1e-12);
        assertArrayEquals(new double[]{Math.tanh(1), Math.tanh(2), Math.tanh(3)}, a.tanh().data(), 1e-12);
        assertArrayEquals(new double[]{1.5, 2, 2.5}, a.clip(1.5, 2.5).data());
        assertArrayEquals(new double[]{-1, -2, -3}, a.neg().data());
    }

    @Test
    void masksWhereAndPutWhere() {
        NDArray x = NDArray.of(new double[][]{{1, -0.5}, {-2, 3}});
        NDArray mask = x.le(0);
        assertArrayEquals(new double[]{0, 1, 1, 0}, mask.data());
        NDArray relu = x.copy().putWhere(mask, 0);
        assertArrayEquals(new double[]{1, 0, 0, 3}, relu.data());
        assertArrayEquals(new double[]{1, 0, 0, 3}, NDArray.where(x.gt(0), x, NDArray.scalar(0)).data());
        assertArrayEquals(new double[]{1, 0, 0, 1}, NDArray.where(x.gt(0), 1, 0).data());
        assertArrayEquals(new double[]{0, 1, 0, 1}, x.gt(NDArray.of(1, -1)).data());
    }

    /** numpy's answers for NaN, ±0 and ±∞, in both dtypes: the branch-free loops must give the plain comparisons' results. */
    @Test
    void masksOfSpecialValuesAreNumpys() {
        double nan = Double.NaN, inf = Double.POSITIVE_INFINITY;
        NDArray x = NDArray.of(-1, -0.0, 0, 2, nan, inf, -inf);
        for (Dtype dt : new Dtype[]{Dtype.FLOAT64, Dtype.FLOAT32}) {
            NDArray a = x.astype(dt);
            assertEquals(dt, a.le(0).dtype());
            assertArrayEquals(new double[]{1, 1, 1, 0, 0, 0, 1}, a.le(0).astype(Dtype.FLOAT64).data(), "le " + dt);
            assertArrayEquals(new double[]{1, 0, 0, 0, 0, 0, 1}, a.lt(0).astype(Dtype.FLOAT64).data(), "lt " + dt);
            assertArrayEquals(new double[]{0, 0, 0, 1, 0, 1, 0}, a.gt(0).astype(Dtype.FLOAT64).data(), "gt " + dt);
            assertArrayEquals(new double[]{0, 1, 1, 1, 0, 1, 0}, a.ge(0).astype(Dtype.FLOAT64).data(), "ge " + dt);
            assertArrayEquals(new double[]{0, 1, 1, 0, 0, 0, 0}, a.eq(0).astype(Dtype.FLOAT64).data(), "eq " + dt);
            // x[mask] = -5 where the mask is non-zero: NaN is, -0.0 is not; a mask of the other dtype gives the same
            NDArray mask = NDArray.of(1, -0.0, 0, nan, 0.5, 0, -2);
            double[] want = {-5, 20, 30, -5, -5, 60, -5};
            for (Dtype mt : new Dtype[]{Dtype.FLOAT64, Dtype.FLOAT32}) {
                NDArray p = NDArray.of(10, 20, 30, 40, 50, 60, 70).astype(dt).putWhere(mask.astype(mt), -5);
                assertEquals(dt, p.dtype());
                assertArrayEquals(want, p.astype(Dtype.FLOAT64).data(), dt + " array, " + mt + " mask");
            }
        }
        // a value put keeps its bits: NaN and -0.0 go in as they are
        assertTrue(Double.isNaN(NDArray.of(1, 2).putWhere(NDArray.of(0, 1), nan).data()[1]));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(NDArray.of(1, 2).putWhere(NDArray.of(1, 0), -0.0).data()[0]));
    }

    /** maskedFill is copy().putWhere(): the same values in every dtype pairing, the source untouched, a mask broadcast. */
    @Test
    void maskedFillIsACopyThenPutWhere() {
        double nan = Double.NaN;
        NDArray mask = NDArray.of(1, -0.0, 0, nan, 0.5, 0, -2);
        for (Dtype dt : new Dtype[]{Dtype.FLOAT64, Dtype.FLOAT32})
            for (Dtype mt : new Dtype[]{Dtype.FLOAT64, Dtype.FLOAT32}) {
                NDArray x = NDArray.of(10, 20, 30, 40, 50, 60, 70).astype(dt);
                NDArray filled = x.maskedFill(mask.astype(mt), -5);
                assertEquals(dt, filled.dtype());
                assertArrayEquals(x.copy().putWhere(mask.astype(mt), -5).astype(Dtype.FLOAT64).data(),
                        filled.astype(Dtype.FLOAT64).data(), dt + " array, " + mt + " mask");
                assertArrayEquals(new double[]{10, 20, 30, 40, 50, 60, 70}, x.astype(Dtype.FLOAT64).data(), "the source is not changed");
            }
        NDArray rows = NDArray.of(new double[][]{{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new double[]{0, 2, 0, 0, 5, 0}, rows.maskedFill(NDArray.of(1, 0, 1), 0).data());
        ShapeException e = assertThrows(ShapeException.class, () -> rows.maskedFill(NDArray.of(1, 0), 0));
        assertTrue(e.getMessage().contains("maskedFill"), e.getMessage());
    }

    @Test
    void reductionsWithAxisAndKeepdims() {
        NDArray a = seq(2, 3, 4);
        assertEquals(276, a.sum());
        assertEquals(11.5, a.mean());
        NDArray s0 = a.sum(0);
        assertArrayEquals(new int[]{3, 4}, s0.shape());
        assertEquals(0 + 12, s0.get(0, 0));
        NDArray s1 = a.sum(1, true);
        assertArrayEquals(new int[]{2, 1, 4}, s1.shape());
        assertEquals(0 + 4 + 8, s1.get(0, 0, 0));
        assertArrayEquals(new int[]{2, 3}, a.sum(-1).shape());
        assertEquals(0 + 1 + 2 + 3, a.sum(-1).get(0, 0));
        assertArrayEquals(new double[]{3, 7, 11, 15, 19, 23}, a.max(2).data());
        assertArrayEquals(new double[]{0, 4, 8, 12, 16, 20}, a.min(2).data());
        assertArrayEquals(new double[]{1.5, 5.5, 9.5, 13.5, 17.5, 21.5}, a.mean(2).data());
        NDArray v = NDArray.of(new double[][]{{1, 2}, {3, 6}}).var(0, false);
        assertArrayEquals(new double[]{1, 4}, v.data(), 1e-12);
        NDArray y = NDArray.of(new double[][]{{0.1, 0.8, 0.1}, {0.3, 0.1, 0.6}, {0.9, 0.05, 0.05}});
        assertArrayEquals(new double[]{1, 2, 0}, y.argmax(1).data());
        assertArrayEquals(new double[]{2, 0, 1}, y.argmax(0).data());
        assertEquals(6, y.argmax());
        ShapeException ex = assertThrows(ShapeException.class, () -> a.sum(3));
        assertEquals("sum: axis 3 is out of bounds for array of dimension 3 (shape (2, 3, 4))", ex.getMessage());
    }

    @Test
    void matmulAgainstNaiveTripleLoop() {
        Rng rng = new Rng(7);
        int[][] cases = {{1, 1, 1}, {1, 784, 50}, {3, 5, 2}, {100, 784, 50}, {100, 50, 10}, {17, 33, 1},
                {64, 1000, 100}, {129, 257, 65}, {2, 1, 3}};
        for (boolean javaKernel : new boolean[]{false, true}) {
            if (!javaKernel && !Gemm.nativeAvailable()) continue;
            Gemm.useNative(!javaKernel);
            try {
                for (int[] c : cases) {
                    NDArray a = rng.randn(c[0], c[1]), b = rng.randn(c[1], c[2]);
                    NDArray expect = naive(a, b);
                    assertTrue(expect.allclose(a.dot(b), 1e-10, 1e-10), "matmul " + java.util.Arrays.toString(c) + " java=" + javaKernel);
                    assertTrue(expect.allclose(a.T().tdot(b), 1e-10, 1e-10), "tdot " + java.util.Arrays.toString(c));
                    assertTrue(expect.allclose(a.dott(b.T()), 1e-10, 1e-10), "dott " + java.util.Arrays.toString(c));
                }
            } finally {
                Gemm.useNative(Gemm.nativeAvailable());
            }
        }
    }

    @Test
    void dotOfVectors() {
        NDArray v = NDArray.of(1, 2), m = NDArray.of(new double[][]{{1, 3, 5}, {2, 4, 6}});
        assertArrayEquals(new double[]{5, 11, 17}, v.dot(m).data());
        assertArrayEquals(new int[]{3}, v.dot(m).shape());
        assertArrayEquals(new double[]{22, 28}, m.dot(NDArray.of(1, 2, 3)).data());
        assertEquals(5, NDArray.of(1, 2).dot(NDArray.of(1, 2)).item());
        ShapeException ex = assertThrows(ShapeException.class, () -> m.dot(v));
        assertEquals("matmul: (2, 3) x (2,): inner dimensions 3 != 2", ex.getMessage());
        assertThrows(ShapeException.class, () -> seq(2, 2, 2).dot(v));
        assertThrows(ShapeException.class, () -> m.tdot(NDArray.zeros(3, 1)));
        assertThrows(ShapeException.class, () -> m.dott(NDArray.zeros(3, 2)));
    }

    private static NDArray naive(NDArray a, NDArray b) {
        int m = a.shape(0), k = a.shape(1), n = b.shape(1);
        NDArray c = NDArray.zeros(m, n);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) s += a.get(i, p) * b.get(p, j);
                c.set(s, i, j);
            }
        return c;
    }

    @Test
    void rowSelectionSliceAndSetRows() {
        NDArray x = seq(5, 2);
        NDArray b = x.rows(new int[]{4, 0, 4});
        assertArrayEquals(new double[]{8, 9, 0, 1, 8, 9}, b.data());
        assertArrayEquals(new int[]{3, 2}, b.shape());
        assertArrayEquals(new double[]{2, 3, 4, 5}, x.slice(1, 3).data());
        assertArrayEquals(new double[]{6, 7}, x.row(3).data());
        assertArrayEquals(new int[]{2}, x.row(3).shape());
        NDArray y = NDArray.zeros(5, 2);
        y.setRows(1, x.slice(0, 2));
        assertArrayEquals(new double[]{0, 0, 0, 1, 2, 3, 0, 0, 0, 0}, y.data());
        NDArray buffer = NDArray.zeros(3, 2);
        assertSame(buffer, x.rows(new int[]{4, 0, 4}, buffer), "rows into a reused buffer");
        assertEquals(b, buffer);
        ShapeException bad = assertThrows(ShapeException.class, () -> x.rows(new int[]{1, 2}, buffer));
        assertTrue(bad.getMessage().contains("(2, 2)") && bad.getMessage().contains("(3, 2)"), bad.getMessage());
        IndexOutOfBoundsException ex = assertThrows(IndexOutOfBoundsException.class, () -> x.rows(new int[]{5}));
        assertTrue(ex.getMessage().contains("index 5 is out of bounds for axis 0 with size 5"), ex.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> x.slice(3, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> x.get(0, 2));
    }

    @Test
    void inPlaceUpdatesLikeTheBook() {
        NDArray w = NDArray.of(new double[][]{{1, 2}, {3, 4}});
        NDArray grad = NDArray.of(new double[][]{{10, 20}, {30, 40}});
        double[] backing = w.data();
        w.subi(grad.mul(0.1));
        assertSame(backing, w.data());
        assertArrayEquals(new double[]{0, 0, 0, 0}, w.data(), 1e-12);
        w.axpyi(-0.5, grad);
        assertArrayEquals(new double[]{-5, -10, -15, -20}, w.data(), 1e-12);
        w.addi(NDArray.of(5, 10));
        assertArrayEquals(new double[]{0, 0, -10, -10}, w.data(), 1e-12);
        w.muli(2).addi(1);
        assertArrayEquals(new double[]{1, 1, -19, -19}, w.data(), 1e-12);
        assertThrows(ShapeException.class, () -> w.addi(NDArray.zeros(3)));
        assertThrows(ShapeException.class, () -> w.axpyi(1, NDArray.zeros(4)));
        assertThrows(ShapeException.class, () -> NDArray.zeros(2).addi(NDArray.zeros(2, 2)),
                "in-place cannot grow the target");
    }

    @Test
    void padForConvolution() {
        NDArray x = seq(1, 1, 2, 2);
        NDArray p = x.pad(new int[][]{{0, 0}, {0, 0}, {1, 1}, {2, 0}}, 0);
        assertArrayEquals(new int[]{1, 1, 4, 4}, p.shape());
        assertArrayEquals(new double[]{0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 2, 3, 0, 0, 0, 0}, p.data());
        assertArrayEquals(new int[]{4, 5}, seq(2, 3).pad(1, 1).shape());
        assertEquals(-1 * 14 + 15, seq(2, 3).pad(new int[][]{{1, 1}, {1, 1}}, -1).sum());
    }

    @Test
    void seededRandomIsReproducible() {
        assertEquals(new Rng(1).randn(3, 3), new Rng(1).randn(3, 3));
        assertNotEquals(new Rng(1).randn(3, 3), new Rng(2).randn(3, 3));
        NDArray big = new Rng(3).randn(200_000);
        assertEquals(0, big.mean(), 0.01);
        assertEquals(1, big.var(0, false).item(), 0.01);
        // numpy's normal(loc, scale, size) reading: integer mean and std are still mean and std
        NDArray shifted = new Rng(4).normal(5, 2, 40_000, 3);
        assertArrayEquals(new int[]{40_000, 3}, shifted.shape());
        assertEquals(5, shifted.mean(), 0.05);
        assertEquals(4, shifted.var(0, false).mean(), 0.1);
        IllegalArgumentException noShape = assertThrows(IllegalArgumentException.class, () -> new Rng(1).normal(100, 50));
        assertTrue(noShape.getMessage().contains("randn(100, 50)"), noShape.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Rng(1).normal(0, -1, 3));
        NDArray u = new Rng(3).uniform(-2, 2, 10_000);
        assertTrue(u.min() >= -2 && u.max() < 2);
        int[] perm = new Rng(4).permutation(100);
        assertEquals(4950, java.util.Arrays.stream(perm).sum());
        assertEquals(100, java.util.Arrays.stream(perm).distinct().count());
        int[] c = new Rng(5).choice(10, 1000);
        assertTrue(java.util.Arrays.stream(c).allMatch(i -> i >= 0 && i < 10));
        Rng.seed(9);
        NDArray r1 = NDArray.randn(4);
        Rng.seed(9);
        assertEquals(r1, NDArray.randn(4));
    }

    @Test
    void printsLikeNumpy() {
        assertEquals("array([[1., 2., 3.],\n       [4., 5., 6.]])", seq(2, 3).add(1).toString());
        assertEquals("array([0.5 , 0.25])", NDArray.of(0.5, 0.25).toString());
        assertEquals("array([-1.5 , 10.25])", NDArray.of(-1.5, 10.25).toString());
        assertTrue(seq(2000).toString().contains("..."));
        assertEquals("array(3.)", NDArray.scalar(3).toString());
    }

    @Test
    void creationErrors() {
        assertThrows(ShapeException.class, () -> NDArray.zeros(2, -1));
        ShapeException ex = assertThrows(ShapeException.class, () -> NDArray.of(new double[5], 2, 3));
        assertTrue(ex.getMessage().contains("(2, 3)"), ex.getMessage());
        assertThrows(ShapeException.class, () -> NDArray.of(new double[][]{{1, 2}, {3}}));
        assertThrows(ShapeException.class, () -> NDArray.of(1, 2).item());
        assertThrows(IllegalArgumentException.class, () -> NDArray.arange(0, 1, 0));
    }
}
