package dlfs.layers;

import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nd.ShapeException;
import dlfs.train.GradientCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Reference numbers from the book's im2col / col2im / Convolution / Pooling run in numpy on the same inputs. */
class CnnLayersTest {
    static NDArray sinArray(double k, int... shape) {
        return NDArray.arange(shapeSize(shape)).mul(k).map(Math::sin).reshape(shape);
    }

    static int shapeSize(int... s) {
        int n = 1;
        for (int v : s) n *= v;
        return n;
    }

    @Test
    void im2colMatchesBook() {
        NDArray x = sinArray(0.1, 2, 3, 5, 5);
        NDArray col = Im2Col.im2col(x, 3, 3, 2, 1);
        assertArrayEquals(new int[]{18, 27}, col.shape());
        assertEquals(35.26550972203182, col.sum(), 1e-12);
        assertEquals(-0.5298361409084933, col.get(4, 13), 1e-15);
        assertEquals(0.0, col.get(17, 26));
    }

    @Test
    void im2colIntoADirtyBufferEqualsAFreshOne() {
        NDArray x = sinArray(0.1, 2, 3, 5, 5);
        NDArray dirty = NDArray.full(99, 18, 27);
        NDArray reused = Im2Col.im2col(x, 3, 3, 2, 1, dirty);
        assertSame(dirty.data(), reused.data());
        assertEquals(Im2Col.im2col(x, 3, 3, 2, 1), reused);
        NDArray x32 = x.astype(dlfs.nd.Dtype.FLOAT32), dirty32 = NDArray.full(99, 27, 18).astype(dlfs.nd.Dtype.FLOAT32);
        NDArray reused32 = Im2Col.im2col(x32, 3, 3, 2, 1, dirty32);
        assertSame(dirty32.floatData(), reused32.floatData(), "a float32 buffer of the right size, in any shape");
        assertEquals(Im2Col.im2col(x32, 3, 3, 2, 1), reused32);
        assertEquals(dlfs.nd.Dtype.FLOAT32, Im2Col.im2col(x32, 3, 3, 2, 1, dirty).dtype(), "a float64 buffer does not take float32 columns");
    }

    @Test
    void col2imAddsOverlappingWindows() {
        NDArray img = Im2Col.col2im(NDArray.ones(9, 9), new int[]{1, 1, 5, 5}, 3, 3, 1, 0);
        // each pixel is counted once per 3x3 window that covers it
        assertArrayEquals(new double[]{1, 2, 3, 2, 1, 2, 4, 6, 4, 2, 3, 6, 9, 6, 3, 2, 4, 6, 4, 2, 1, 2, 3, 2, 1}, img.toArray(), 0);
    }

    @Test
    void convolutionForwardBackwardMatchBook() {
        NDArray x = sinArray(0.1, 2, 3, 5, 5);
        NDArray W = NDArray.arange(108).mul(0.3).map(Math::cos).reshape(4, 3, 3, 3);
        Convolution conv = new Convolution(W, NDArray.of(0.1, 0.2, 0.3, 0.4), 2, 1);
        NDArray out = conv.forward(x);
        assertArrayEquals(new int[]{2, 4, 3, 3}, out.shape());
        assertEquals(76.20423062186816, out.sum(), 1e-11);
        assertEquals(-1.8600472516867972, out.get(1, 2, 1, 0), 1e-12);
        assertEquals(7.336163370117628, out.get(0, 3, 2, 2), 1e-12);
        NDArray dout = NDArray.arange(out.size()).mul(0.05).map(Math::tanh).reshape(out.shape());
        NDArray dx = conv.backward(dout);
        assertEquals(123.91182843577377, conv.grads().get("W").sum(), 1e-10);
        assertEquals(-4.953912235566728, conv.grads().get("W").get(2, 1, 0, 2), 1e-12);
        assertEquals(17.178471091486003, conv.grads().get("b").get(3), 1e-12);
        assertEquals(27.382994235325235, dx.sum(), 1e-11);
        assertEquals(0.8091649846256441, dx.get(1, 0, 2, 3), 1e-12);
    }

    /**
     * A batch the layer splits into several blocks (about {@link Convolution#BLOCK_COLUMNS} output
     * positions each, the last one shorter) against the definition, summed by plain loops: out,
     * dx, dW and db, in float64 and float32.
     */
    @Test
    void aBatchOfManyBlocksIsTheDefinitionsConvolution() {
        Rng rng = new Rng(21);
        for (int[] k : new int[][]{{17, 2, 28, 28, 3, 1, 0}, {11, 3, 30, 30, 5, 1, 2}, {9, 1, 64, 64, 4, 2, 1}}) { // N, C, H, W, F, stride, pad
            int n = k[0], c = k[1], h = k[2], w = k[3], f = k[4], s = k[5], p = k[6], fn = 3;
            int oh = (h + 2 * p - f) / s + 1, ow = (w + 2 * p - f) / s + 1;
            int block = Math.max(1, Convolution.BLOCK_COLUMNS / (oh * ow));
            assertTrue(n * oh * ow > 2 * Convolution.BLOCK_COLUMNS && n % block != 0, "several blocks, the last one short");
            assertTrue(Runtime.getRuntime().availableProcessors() < 2
                    || dlfs.nd.Parallel.parts((n + block - 1) / block, (long) fn * c * f * f * n * oh * ow) > 1, "blocks split over the cores");
            double[] x = rng.randn(n, c, h, w).data(), wt = rng.randn(fn, c, f, f).data(), b = rng.randn(fn).data();
            double[] dout = rng.randn(n, fn, oh, ow).data();
            double[] out = new double[n * fn * oh * ow], dx = new double[x.length], dw = new double[wt.length], db = new double[fn];
            for (int in = 0; in < n; in++)
                for (int q = 0; q < fn; q++)
                    for (int i = 0; i < oh; i++)
                        for (int j = 0; j < ow; j++) {
                            int o = ((in * fn + q) * oh + i) * ow + j;
                            double sum = b[q];
                            db[q] += dout[o];
                            for (int ch = 0; ch < c; ch++)
                                for (int u = 0; u < f; u++)
                                    for (int v = 0; v < f; v++) {
                                        int yy = i * s + u - p, xx = j * s + v - p;
                                        if (yy < 0 || yy >= h || xx < 0 || xx >= w) continue;
                                        int xi = ((in * c + ch) * h + yy) * w + xx, wi = ((q * c + ch) * f + u) * f + v;
                                        sum += wt[wi] * x[xi];
                                        dw[wi] += dout[o] * x[xi];
                                        dx[xi] += wt[wi] * dout[o];
                                    }
                            out[o] = sum;
                        }
            for (boolean f32 : new boolean[]{false, true}) {
                dlfs.nd.Dtype dt = f32 ? dlfs.nd.Dtype.FLOAT32 : dlfs.nd.Dtype.FLOAT64;
                Convolution conv = new Convolution(NDArray.of(wt.clone(), fn, c, f, f), NDArray.of(b.clone(), fn), s, p);
                NDArray y = conv.forward(NDArray.of(x.clone(), n, c, h, w).astype(dt));
                NDArray g = conv.backward(NDArray.of(dout.clone(), n, fn, oh, ow).astype(dt));
                String what = java.util.Arrays.toString(k) + (f32 ? " float32" : " float64");
                double tol = f32 ? 2e-4 : 1e-9;
                assertArrayEquals(out, y.astype(dlfs.nd.Dtype.FLOAT64).data(), tol * 10, "out " + what);
                assertArrayEquals(dx, g.astype(dlfs.nd.Dtype.FLOAT64).data(), tol * 10, "dx " + what);
                assertArrayEquals(dw, conv.grads().get("W").data(), tol * n * oh * ow, "dW " + what);
                assertArrayEquals(db, conv.grads().get("b").data(), tol * n * oh * ow, "db " + what);
            }
        }
    }

    /**
     * ReLU and max pooling on a batch large enough to be split over the cores ({@link dlfs.nd.Parallel}):
     * every value and index the same as the definition's, forward and backward, both dtypes, with
     * ties, zeros of both signs and NaNs in the batch. A range that starts or ends in the wrong
     * place, or a plane's windows split between two ranges, fails it.
     */
    @Test
    void aBatchSplitOverTheCoresIsTheDefinitionsReluAndPooling() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() > 1,
                "one core: nothing is split on this machine");
        int n = 8, c = 16, h = 46, w = 46, size = n * c * h * w;
        assertTrue(dlfs.nd.Parallel.parts(size, size) > 1 && dlfs.nd.Parallel.parts(n * c, size) > 1, "split over the cores");
        Rng rng = new Rng(33);
        double[] x = rng.randn(n, c, h, w).data(), d = rng.randn(n, c, h, w).data();
        for (int i = 0; i < size; i += 97) x[i] = i % 3 == 0 ? -0.0 : i % 3 == 1 ? 0.0 : Double.NaN;
        for (int i = 5; i < size; i += 89) x[i] = x[i - 1]; // ties
        for (boolean f32 : new boolean[]{false, true}) {
            dlfs.nd.Dtype dt = f32 ? dlfs.nd.Dtype.FLOAT32 : dlfs.nd.Dtype.FLOAT64;
            double[] xv = NDArray.of(x, n, c, h, w).astype(dt).astype(dlfs.nd.Dtype.FLOAT64).data();
            double[] dv = NDArray.of(d, n, c, h, w).astype(dt).astype(dlfs.nd.Dtype.FLOAT64).data();
            for (Relu relu : new Relu[]{new Relu(), Relu.inPlace()}) {
                NDArray in = NDArray.of(x, n, c, h, w).astype(dt), dout = NDArray.of(d, n, c, h, w).astype(dt);
                NDArray yArr = relu.forward(in), dxArr = relu.backward(dout);
                assertEquals(relu.isInPlace(), yArr == in, "y written over x only by the in-place ReLU");
                assertEquals(relu.isInPlace(), dxArr == dout, "dx written over dout only by the in-place ReLU");
                double[] y = yArr.astype(dlfs.nd.Dtype.FLOAT64).data(), dx = dxArr.astype(dlfs.nd.Dtype.FLOAT64).data();
                String which = relu.isInPlace() ? "in-place relu " : "relu ";
                for (int i = 0; i < size; i++) {
                    boolean masked = xv[i] <= 0; // the book's mask; a NaN is not masked
                    assertEquals(Double.doubleToRawLongBits(masked ? 0.0 : xv[i]), Double.doubleToRawLongBits(y[i]), which + dt + " at " + i);
                    assertEquals(Double.doubleToRawLongBits(masked ? 0.0 : dv[i]), Double.doubleToRawLongBits(dx[i]), which + "dx " + dt + " at " + i);
                }
            }
            for (int[] pool : new int[][]{{2, 2}, {3, 1}}) { // window, stride: the 2x2 path, and the general one with overlapping windows
                int win = pool[0], st = pool[1], oh = (h - win) / st + 1, ow = (w - win) / st + 1;
                Pooling layer = new Pooling(win, win, st);
                double[] out = layer.forward(NDArray.of(x, n, c, h, w).astype(dt)).astype(dlfs.nd.Dtype.FLOAT64).data();
                double[] g = rng.randn(n, c, oh, ow).data();
                double[] back = layer.backward(NDArray.of(g, n, c, oh, ow).astype(dt)).astype(dlfs.nd.Dtype.FLOAT64).data();
                double[] gv = NDArray.of(g, n, c, oh, ow).astype(dt).astype(dlfs.nd.Dtype.FLOAT64).data();
                double[] expect = new double[size];
                for (int pl = 0; pl < n * c; pl++)
                    for (int i = 0; i < oh; i++)
                        for (int j = 0; j < ow; j++) {
                            int best = -1, o = (pl * oh + i) * ow + j;
                            for (int u = 0; u < win; u++)
                                for (int v = 0; v < win; v++) {
                                    int q = (pl * h + i * st + u) * w + j * st + v;
                                    if (best < 0 || xv[q] > xv[best] || Double.isNaN(xv[q]) && !Double.isNaN(xv[best])) best = q;
                                }
                            assertEquals(Double.doubleToRawLongBits(xv[best]) == Double.doubleToRawLongBits(-0.0) ? 0.0 : xv[best],
                                    out[o] == 0 ? 0.0 : out[o], "pool " + win + "/" + st + " " + dt + " at " + o);
                            expect[best] += gv[o];
                        }
                assertArrayEquals(expect, back, f32 ? 1e-5 : 1e-12, "pool dx " + win + "/" + st + " " + dt);
            }
        }
    }

    @Test
    void poolingMatchesBook() {
        NDArray x = sinArray(0.7, 2, 3, 4, 4);
        NDArray out = new Pooling(2).forward(x);
        assertArrayEquals(new int[]{2, 3, 2, 2}, out.shape());
        assertEquals(19.76670903356154, out.sum(), 1e-12);
        assertEquals(0.9999964903456066, out.get(1, 2, 1, 0), 1e-15);
    }

    @Test
    void poolingBackwardRoutesToTheMaximum() {
        NDArray x = NDArray.of(new double[]{1, 5, 2, 0, 3, 4, 8, 1, 0, 0, 1, 1, 9, 0, 1, 2}, 1, 1, 4, 4);
        Pooling pool = new Pooling(2);
        assertArrayEquals(new double[]{5, 8, 9, 2}, pool.forward(x).toArray(), 0);
        NDArray dx = pool.backward(NDArray.of(new double[]{10, 20, 30, 40}, 1, 1, 2, 2));
        assertArrayEquals(new double[]{0, 10, 0, 0, 0, 0, 20, 0, 0, 0, 0, 0, 30, 0, 0, 40}, dx.toArray(), 0);
    }

    @Test
    void paddedPoolingIgnoresThePaddingAndNaNIsNotHidden() {
        NDArray x = NDArray.of(new double[]{-1, -2, -3, -4}, 1, 1, 2, 2);
        NDArray out = new Pooling(2, 2, 1, 1).forward(x);
        // windows at the corners see one or two real values; padding never wins, so no 0 appears
        assertArrayEquals(new double[]{-1, -1, -2, -1, -1, -2, -3, -3, -4}, out.toArray(), 0);
        NDArray withNaN = NDArray.of(new double[]{1, Double.NaN, 3, 0}, 1, 1, 2, 2);
        assertTrue(Double.isNaN(new Pooling(2).forward(withNaN).item()));
        Rng rng = new Rng(9);
        double e = GradientCheck.worst(GradientCheck.check(new Pooling(3, 3, 1, 1), rng.randn(2, 2, 4, 4), rng.randn(2, 2, 4, 4)));
        assertTrue(e < 1e-7, "padded Pooling gradient error " + e);
    }

    @Test
    void outputSizeFormulaAndNonDivisibleError() {
        assertEquals(24, Im2Col.outSize("t", 28, 5, 1, 0));
        assertEquals(28, Im2Col.outSize("t", 28, 3, 1, 1));
        assertEquals(14, Im2Col.outSize("t", 28, 2, 2, 0));
        assertEquals(3, Im2Col.outSize("t", 7, 3, 2, 0));
        ShapeException e = assertThrows(ShapeException.class, () -> Im2Col.outSize("Convolution height", 28, 5, 2, 0));
        assertTrue(e.getMessage().contains("(28 + 2*0 - 5) = 23 is not divisible by stride 2"), e.getMessage());
        Convolution conv = new Convolution(NDArray.zeros(2, 1, 3, 3), NDArray.zeros(2), 2, 0);
        e = assertThrows(ShapeException.class, () -> conv.forward(NDArray.zeros(1, 1, 6, 6)));
        assertTrue(e.getMessage().startsWith("Convolution height"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> conv.forward(NDArray.zeros(1, 3, 7, 7)));
        assertTrue(e.getMessage().contains("(1, 3, 7, 7) has 3 channels but the filters W (2, 1, 3, 3) expect 1"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> new Pooling(2).forward(NDArray.zeros(1, 1, 5, 4)));
        assertTrue(e.getMessage().contains("not divisible by stride 2"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> conv.forward(NDArray.zeros(100, 784)));
        assertTrue(e.getMessage().contains("(100, 784)"), e.getMessage());
    }

    @Test
    void gradientChecks() {
        Rng rng = new Rng(7);
        NDArray x = rng.randn(2, 3, 7, 7);
        Convolution conv = new Convolution(rng.normal(0, 0.5, 4, 3, 3, 3), rng.randn(4), 2, 1);
        double e = GradientCheck.worst(GradientCheck.check(conv, x, rng.randn(2, 4, 4, 4)));
        assertTrue(e < 1e-7, "Convolution gradient error " + e);

        Convolution conv1 = new Convolution(rng.normal(0, 0.5, 2, 3, 2, 2), rng.randn(2), 1, 0);
        e = GradientCheck.worst(GradientCheck.check(conv1, x, rng.randn(2, 2, 6, 6)));
        assertTrue(e < 1e-7, "Convolution (stride 1, overlapping) gradient error " + e);

        e = GradientCheck.worst(GradientCheck.check(new Pooling(3, 3, 2, 0), x, rng.randn(2, 3, 3, 3)));
        assertTrue(e < 1e-7, "Pooling gradient error " + e);
    }

    /** The window scan as the book's argmax reads, with a NaN not hidden: the first of equal maxima, the first NaN. */
    private static int referenceArgMax(double[] x, int first, int rows, int cols, int w) {
        int at = first;
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) {
                int q = first + r * w + c;
                double v = x[q], best = x[at];
                if (v > best || Double.isNaN(v) && !Double.isNaN(best)) at = q;
            }
        return at;
    }

    @Test
    void poolingPicksTheFirstMaximumAndTheFirstNaNWhateverTheValues() {
        double[] special = {0.0, -0.0, 1.0, -1.0, 2.5, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
                Double.longBitsToDouble(0xfff8000000000000L) /* x86's default NaN: sign bit set */, Double.MIN_VALUE,
                -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300};
        java.util.Random r = new java.util.Random(5);
        for (int[] win : new int[][]{{2, 2, 2, 0, 8}, {3, 3, 1, 1, 8}, {3, 3, 2, 0, 9}}) { // window h, w, stride, pad; image side
            int n = 3, c = 2, h = win[4], w = win[4];
            double[] x = new double[n * c * h * w];
            for (int trial = 0; trial < 20; trial++) {
                for (int i = 0; i < x.length; i++) x[i] = r.nextInt(3) == 0 ? special[r.nextInt(special.length)] : r.nextInt(4) - 1.5;
                for (boolean f32 : new boolean[]{false, true}) {
                    NDArray in = NDArray.of(x.clone(), n, c, h, w);
                    if (f32) in = in.astype(dlfs.nd.Dtype.FLOAT32);
                    double[] xs = in.astype(dlfs.nd.Dtype.FLOAT64).data();
                    Pooling pool = new Pooling(win[0], win[1], win[2], win[3]);
                    NDArray out = pool.forward(in);
                    int oh = out.shape(2), ow = out.shape(3);
                    double[] o = out.astype(dlfs.nd.Dtype.FLOAT64).data();
                    NDArray ones = NDArray.zeros(out.dtype(), out.shape());
                    ones.fill(1.0);
                    double[] dx = pool.backward(ones).astype(dlfs.nd.Dtype.FLOAT64).data();
                    double[] expectDx = new double[xs.length];
                    for (int plane = 0, k = 0; plane < n * c; plane++)
                        for (int i = 0; i < oh; i++)
                            for (int j = 0; j < ow; j++, k++) {
                                int y0 = Math.max(0, i * win[2] - win[3]), y1 = Math.min(h, i * win[2] - win[3] + win[0]);
                                int x0 = Math.max(0, j * win[2] - win[3]), x1 = Math.min(w, j * win[2] - win[3] + win[1]);
                                int at = referenceArgMax(xs, plane * h * w + y0 * w + x0, y1 - y0, x1 - x0, w);
                                expectDx[at] += 1;
                                assertEquals(Double.doubleToRawLongBits(xs[at]), Double.doubleToRawLongBits(o[k]),
                                        "window " + k + " of " + java.util.Arrays.toString(win) + (f32 ? " float32" : " float64"));
                            }
                    assertArrayEquals(expectDx, dx, "the gradient goes to the chosen value");
                }
            }
        }
        assertTrue(Pooling.key(-0.0) == Pooling.key(0.0) && Pooling.key(-0.0f) == Pooling.key(0.0f), "-0 and +0 tie");
        assertTrue(Pooling.key(Double.NaN) > Pooling.key(Double.POSITIVE_INFINITY)
                && Pooling.key(Double.longBitsToDouble(0xfff8000000000000L)) > Pooling.key(Double.POSITIVE_INFINITY), "a NaN of either sign is on top");
        assertTrue(Pooling.key(-Double.MAX_VALUE) > Pooling.key(Double.NEGATIVE_INFINITY) && Pooling.key(-1.0) < Pooling.key(-Double.MIN_VALUE));
    }

    @Test
    void theTransposedColumnsAreTheBooksIm2colTransposedAndCol2imMatches() {
        Rng rng = new Rng(11);
        // filter h, w, stride, pad; input N, C, H, W
        for (int[] k : new int[][]{{5, 5, 1, 0, 3, 1, 28, 28}, {3, 3, 1, 1, 2, 3, 7, 7}, {3, 3, 2, 1, 2, 2, 9, 9},
                {2, 3, 2, 0, 1, 2, 6, 7}, {4, 4, 3, 2, 2, 1, 9, 9}}) {
            for (boolean f32 : new boolean[]{false, true}) {
                NDArray x = rng.randn(k[4], k[5], k[6], k[7]);
                if (f32) x = x.astype(dlfs.nd.Dtype.FLOAT32);
                NDArray col = Im2Col.im2col(x, k[0], k[1], k[2], k[3]), colT = NDArray.zeros(x.dtype(), col.shape(1), col.shape(0));
                colT.fill(Double.NaN); // a reused buffer: every value, padding zeros included, is written
                Im2Col.im2colT(x, k[0], k[1], k[2], k[3], 0, k[4], colT); // the whole batch as one block
                String what = java.util.Arrays.toString(k) + (f32 ? " float32" : " float64");
                assertArrayEquals(col.T().astype(dlfs.nd.Dtype.FLOAT64).data(), colT.astype(dlfs.nd.Dtype.FLOAT64).data(), what);
                NDArray d = rng.randn(col.shape(0), col.shape(1));
                if (f32) d = d.astype(dlfs.nd.Dtype.FLOAT32);
                NDArray back = Im2Col.col2im(d, x.shape(), k[0], k[1], k[2], k[3]);
                NDArray backT = NDArray.zeros(d.dtype(), x.shape());
                Im2Col.col2imT(d.T().copy(), k[0], k[1], k[2], k[3], 0, k[4], backT);
                double[] e = back.astype(dlfs.nd.Dtype.FLOAT64).data(), g = backT.astype(dlfs.nd.Dtype.FLOAT64).data();
                for (int i = 0; i < e.length; i++) assertEquals(e[i], g[i], f32 ? 1e-5 : 1e-12, what + " col2im at " + i);
            }
        }
    }
}
