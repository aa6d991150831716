package dlfs.layers;

import dlfs.data.Dataset;
import dlfs.data.Datasets;
import dlfs.nd.Dtype;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nets.MultiLayerNetExtend;
import dlfs.nets.TwoLayerNet;
import dlfs.optim.SGD;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every CNN/MLP layer takes a float32 batch: forward and backward give float32 arrays within
 * float32 rounding of the float64 ones (float64 parameters; their gradients stay float64), and a
 * TwoLayerNet trained on float32 batches reaches the float64 run's accuracy within a point;
 * BatchNormalization and Dropout also in inference mode, and a MultiLayerNetExtend with both
 * follows its float64 twin's losses step by step.
 */
class Float32LayersTest {
    static final double RTOL = 1e-4, ATOL = 1e-4;

    static void check(Layer l64, Layer l32, NDArray x) {
        NDArray y64 = l64.forward(x), y32 = l32.forward(x.astype(Dtype.FLOAT32));
        assertEquals(Dtype.FLOAT32, y32.dtype(), l32 + " forward");
        assertTrue(y32.astype(Dtype.FLOAT64).allclose(y64, RTOL, ATOL), l32 + " forward");
        NDArray dout = new Rng(9).randn(y64.shape());
        NDArray dx64 = l64.backward(dout), dx32 = l32.backward(dout.astype(Dtype.FLOAT32));
        assertEquals(Dtype.FLOAT32, dx32.dtype(), l32 + " backward");
        assertTrue(dx32.astype(Dtype.FLOAT64).allclose(dx64, RTOL, ATOL), l32 + " backward");
        for (String k : l64.grads().keySet()) {
            NDArray g32 = l32.grads().get(k);
            assertEquals(Dtype.FLOAT64, g32.dtype(), "the gradient of a float64 parameter is float64");
            assertTrue(g32.allclose(l64.grads().get(k), RTOL, ATOL), l32 + " d" + k);
        }
    }

    @Test
    void layersAgreeWithFloat64() {
        Rng rng = new Rng(1);
        NDArray W = rng.randn(4, 3, 3, 3).muli(0.3), b = rng.randn(4);
        NDArray x = rng.randn(2, 3, 7, 7);
        check(new Convolution(W, b, 2, 1), new Convolution(W, b, 2, 1), x);
        check(new Convolution(W, b, 1, 0), new Convolution(W, b, 1, 0), x);
        check(new Pooling(2, 2, 1), new Pooling(2, 2, 1), x);
        check(new Pooling(3, 3, 2, 1), new Pooling(3, 3, 2, 1), x);
        check(new Relu(), new Relu(), x);
        check(new Sigmoid(), new Sigmoid(), x);
        NDArray Wa = rng.randn(147, 5).muli(0.1), ba = rng.randn(5);
        check(new Affine(Wa, ba), new Affine(Wa, ba), x);
        NDArray col64 = Im2Col.im2col(x, 3, 3, 2, 1), col32 = Im2Col.im2col(x.astype(Dtype.FLOAT32), 3, 3, 2, 1);
        assertEquals(Dtype.FLOAT32, col32.dtype());
        assertEquals(col64.astype(Dtype.FLOAT32), col32, "im2col only moves values");
        SoftmaxWithLoss s64 = new SoftmaxWithLoss(), s32 = new SoftmaxWithLoss();
        NDArray scores = rng.randn(6, 5), t = NDArray.ofInts(0, 1, 2, 3, 4, 0);
        assertEquals(s64.forward(scores, t), s32.forward(scores.astype(Dtype.FLOAT32), t), 1e-6);
        NDArray g32 = s32.backward(1);
        assertEquals(Dtype.FLOAT32, g32.dtype());
        assertTrue(g32.astype(Dtype.FLOAT64).allclose(s64.backward(1), RTOL, 1e-6));
    }

    @Test
    void batchNormalizationAgreesWithFloat64InBothModes() {
        Rng rng = new Rng(2);
        for (NDArray x : new NDArray[]{rng.randn(8, 6).muli(3).addi(1), rng.randn(4, 2, 3, 3)}) {
            int d = x.size() / x.shape(0);
            NDArray gamma = rng.rand(d).addi(0.5), beta = rng.randn(d);
            BatchNormalization b64 = new BatchNormalization(gamma, beta), b32 = new BatchNormalization(gamma, beta);
            check(b64, b32, x);
            assertEquals(Dtype.FLOAT64, b32.runningMean().dtype(), "running statistics stay float64");
            assertTrue(b32.runningMean().allclose(b64.runningMean(), RTOL, ATOL));
            assertTrue(b32.runningVar().allclose(b64.runningVar(), RTOL, ATOL));
            NDArray y64 = b64.forward(x, false), y32 = b32.forward(x.astype(Dtype.FLOAT32), false);
            assertEquals(Dtype.FLOAT32, y32.dtype(), "inference forward");
            assertArrayEquals(x.shape(), y32.shape());
            assertTrue(y32.astype(Dtype.FLOAT64).allclose(y64, RTOL, ATOL), "inference forward");
            assertEquals(Dtype.FLOAT64, gamma.dtype(), "gamma is not replaced by a float32 copy");
        }
    }

    @Test
    void dropoutKeepsTheInputsDtype() {
        NDArray x = new Rng(3).randn(5, 8);
        Dropout d64 = new Dropout(0.4, new Rng(4)), d32 = new Dropout(0.4, new Rng(4));
        check(d64, d32, x);
        assertEquals(d64.mask().astype(Dtype.FLOAT32), d32.mask(), "the same draws give the same mask");
        NDArray y32 = d32.forward(x.astype(Dtype.FLOAT32), false);
        assertEquals(Dtype.FLOAT32, y32.dtype(), "inference forward");
        assertTrue(y32.astype(Dtype.FLOAT64).allclose(x.mul(0.6), RTOL, ATOL));
        NDArray fixed = x.gt(0);
        d32.fixMask(fixed);
        NDArray z = d32.forward(x.astype(Dtype.FLOAT32), true);
        assertEquals(Dtype.FLOAT32, z.dtype(), "a float64 fixed mask meets a float32 batch");
        assertTrue(z.astype(Dtype.FLOAT64).allclose(x.mul(fixed), RTOL, ATOL));
        assertEquals(Dtype.FLOAT32, d32.backward(z).dtype());
    }

    @Test
    void multiLayerNetExtendTrainsOnFloat32() {
        Dataset d = Datasets.digits(dlfs.data.LoadOptions.normalized());
        NDArray x = d.xTrain().slice(0, 300), t = d.tTrain().slice(0, 300);
        double[][] losses = new double[2][6];
        for (int run = 0; run < 2; run++) {
            // the same seed: the same initial weights and the same dropout masks in both runs
            MultiLayerNetExtend net = MultiLayerNetExtend.builder(784, new int[]{40, 30}, 10)
                    .weightInit("he").dropout(0.2).batchNorm().rng(new Rng(0)).build();
            NDArray xr = run == 0 ? x : x.astype(Dtype.FLOAT32);
            SGD opt = new SGD(0.1);
            for (int i = 0; i < losses[run].length; i++) {
                Map<String, NDArray> grads = net.gradient(xr, t);
                for (NDArray g : grads.values()) assertEquals(Dtype.FLOAT64, g.dtype(), "gradients of float64 parameters");
                losses[run][i] = net.lastLoss();
                opt.update(net.params(), grads);
            }
            NDArray scores = net.forward(xr.slice(0, 50), false);
            assertEquals(run == 0 ? Dtype.FLOAT64 : Dtype.FLOAT32, scores.dtype(), "inference scores");
            assertFalse(scores.hasNonFinite());
        }
        assertTrue(losses[1][5] < losses[1][0], "float32 training lowers the loss: " + Arrays.toString(losses[1]));
        for (int i = 0; i < losses[0].length; i++)
            assertEquals(losses[0][i], losses[1][i], 1e-3 * losses[0][i], "loss at step " + i + ": float32 "
                    + Arrays.toString(losses[1]) + " vs float64 " + Arrays.toString(losses[0]));
    }

    @Test
    void twoLayerNetTrainsInFloat32() {
        Dataset d = Datasets.digits(dlfs.data.LoadOptions.normalized());
        NDArray x32 = d.xTrain().astype(Dtype.FLOAT32), xt32 = d.xTest().astype(Dtype.FLOAT32);
        double[] acc = new double[2];
        for (int run = 0; run < 2; run++) {
            TwoLayerNet net = new TwoLayerNet(784, 50, 10, 0.01, new Rng(0));
            NDArray x = run == 0 ? d.xTrain() : x32;
            Rng rng = new Rng(1);
            SGD opt = new SGD(0.1);
            for (int i = 0; i < 800; i++) {
                int[] mask = rng.choice(x.shape(0), 100);
                opt.update(net.params(), net.gradient(x.rows(mask), d.tTrain().rows(mask)));
            }
            acc[run] = net.accuracy(run == 0 ? d.xTest() : xt32, d.tTest());
        }
        assertTrue(acc[0] > 0.85, "float64 accuracy " + acc[0]);
        assertEquals(acc[0], acc[1], 0.01, "float32 accuracy " + acc[1] + " vs float64 " + acc[0]);
    }
}
