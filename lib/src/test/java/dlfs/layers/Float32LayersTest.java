package dlfs.layers;

import dlfs.data.Dataset;
import dlfs.data.Datasets;
import dlfs.nd.Dtype;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nets.TwoLayerNet;
import dlfs.optim.SGD;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every CNN/MLP layer takes a float32 batch: forward and backward give float32 arrays within
 * float32 rounding of the float64 ones (float64 parameters; their gradients stay float64), and a
 * TwoLayerNet trained on float32 batches reaches the float64 run's accuracy within a point.
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
