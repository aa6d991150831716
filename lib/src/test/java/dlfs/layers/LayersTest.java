package dlfs.layers;

import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nd.ShapeException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LayersTest {
    @Test
    void buyApple() {
        double apple = 100, appleNum = 2, tax = 1.1;
        MulLayer mulApple = new MulLayer(), mulTax = new MulLayer();
        double applePrice = mulApple.forward(apple, appleNum);
        double price = mulTax.forward(applePrice, tax);
        assertEquals(220, price, 1e-9);
        InputGrads<Double> d1 = mulTax.backward(1);          // dapple_price, dtax
        InputGrads<Double> d2 = mulApple.backward(d1.dx());  // dapple, dapple_num
        assertEquals(1.1, d1.dx(), 1e-12);  // dapple_price
        assertEquals(2.2, d2.dx(), 1e-12);  // dapple
        assertEquals(110, d2.dy(), 1e-9);   // dapple_num
        assertEquals(200, d1.dy(), 1e-12);  // dtax
    }

    @Test
    void buyAppleOrange() {
        double apple = 100, appleNum = 2, orange = 150, orangeNum = 3, tax = 1.1;
        MulLayer mulApple = new MulLayer(), mulOrange = new MulLayer(), mulTax = new MulLayer();
        AddLayer add = new AddLayer();
        double applePrice = mulApple.forward(apple, appleNum);
        double orangePrice = mulOrange.forward(orange, orangeNum);
        double all = add.forward(applePrice, orangePrice);
        double price = mulTax.forward(all, tax);
        var dAllTax = mulTax.backward(1);                 // dall_price, dtax
        var dPrices = add.backward(dAllTax.dx());         // dapple_price, dorange_price
        var dOrange = mulOrange.backward(dPrices.dy());   // dorange, dorange_num
        var dApple = mulApple.backward(dPrices.dx());     // dapple, dapple_num
        assertEquals(715, price, 1e-9);
        assertEquals(110, dApple.dy(), 1e-9);
        assertEquals(2.2, dApple.dx(), 1e-12);
        assertEquals(3.3, dOrange.dx(), 1e-12);
        assertEquals(165, dOrange.dy(), 1e-9);
        assertEquals(650, dAllTax.dy(), 1e-9);
        assertEquals(new InputGrads<>(1.1, 1.1), dPrices);
        assertEquals("InputGrads[dx=1.1, dy=650.0]", dAllTax.toString());
    }

    @Test
    void mulLayerOnArrays() {
        MulLayer m = new MulLayer();
        NDArray out = m.forward(NDArray.of(1, 2, 3), NDArray.of(4, 5, 6));
        assertArrayEquals(new double[]{4, 10, 18}, out.toArray());
        InputGrads<NDArray> d = m.backward(NDArray.of(1, 1, 2));
        assertArrayEquals(new double[]{4, 5, 12}, d.dx().toArray());
        assertArrayEquals(new double[]{1, 2, 6}, d.dy().toArray());
        assertThrows(ShapeException.class, () -> m.forward(NDArray.of(1, 2), NDArray.of(1, 2, 3)));
        assertThrows(IllegalStateException.class, () -> new MulLayer().backward(NDArray.of(1.0)));
    }

    @Test
    void addLayerOnArraysPassesTwoCopies() {
        AddLayer a = new AddLayer();
        assertArrayEquals(new double[]{5, 7}, a.forward(NDArray.of(1, 2), NDArray.of(4, 5)).toArray());
        NDArray dout = NDArray.of(0.5, -1);
        InputGrads<NDArray> d = a.backward(dout);
        assertArrayEquals(dout.toArray(), d.dx().toArray());
        assertArrayEquals(dout.toArray(), d.dy().toArray());
        d.dx().muli(3);
        assertArrayEquals(new double[]{0.5, -1}, d.dy().toArray(), "dx and dy are separate arrays");
        assertArrayEquals(new double[]{0.5, -1}, dout.toArray());
        assertThrows(ShapeException.class, () -> a.forward(NDArray.of(1, 2), NDArray.of(1, 2, 3)));
    }

    @Test
    void reluMasksNonPositive() {
        Relu r = new Relu();
        NDArray y = r.forward(NDArray.of(new double[][]{{1.0, -0.5}, {-2.0, 3.0}}));
        assertArrayEquals(new double[]{1, 0, 0, 3}, y.toArray());
        NDArray dx = r.backward(NDArray.of(new double[][]{{5, 6}, {7, 8}}));
        assertArrayEquals(new double[]{5, 0, 0, 8}, dx.toArray());
    }

    /**
     * {@link Relu#inPlace()}: in training y is written over x and dx over dout, the book's values;
     * in inference (predict, a net's feature maps) x is left as it was.
     */
    @Test
    void anInPlaceReluOverwritesXAndDoutInTrainingButNotXInInference() {
        Relu r = Relu.inPlace();
        assertTrue(r.isInPlace());
        assertFalse(new Relu().isInPlace());
        for (dlfs.nd.Dtype dt : dlfs.nd.Dtype.values()) {
            if (dt == dlfs.nd.Dtype.FLOAT16) continue;
            NDArray x = NDArray.of(new double[][]{{1.0, -0.5}, {-0.0, 3.0}}).astype(dt), dout = NDArray.of(new double[][]{{5, 6}, {7, 8}}).astype(dt);
            NDArray y = r.forward(x);
            assertSame(x, y, dt + ": y is x");
            assertArrayEquals(new double[]{1, 0, 0, 3}, x.toArray(), dt + ": x now holds y");
            assertEquals(0L, Double.doubleToRawLongBits(x.toArray()[2]), dt + ": max(-0, 0) is +0, as the book's mask gives");
            NDArray dx = r.backward(dout);
            assertSame(dout, dx, dt + ": dx is dout");
            assertArrayEquals(new double[]{5, 0, 0, 8}, dout.toArray(), dt + ": the book's dout[mask] = 0");
            NDArray kept = NDArray.of(new double[][]{{1.0, -0.5}, {-2.0, 3.0}}).astype(dt);
            NDArray inferred = r.forward(kept, false);
            assertNotSame(kept, inferred, dt + ": inference copies");
            assertArrayEquals(new double[]{1, -0.5, -2, 3}, kept.toArray(), dt + ": inference leaves x as it was");
            assertArrayEquals(new double[]{1, 0, 0, 3}, inferred.toArray(), dt + ": y in inference");
        }
    }

    @Test
    void sigmoidBackwardIsYTimesOneMinusY() {
        Sigmoid s = new Sigmoid();
        NDArray y = s.forward(NDArray.of(0.0, 2.0));
        assertEquals(0.5, y.get(0), 1e-15);
        assertEquals(0.8807970779778823, y.get(1), 1e-15);
        NDArray dx = s.backward(NDArray.of(1.0, 2.0));
        assertEquals(0.25, dx.get(0), 1e-15);
        assertEquals(2 * 0.8807970779778823 * (1 - 0.8807970779778823), dx.get(1), 1e-15);
    }

    @Test
    void affineForwardBackwardAgainstHandComputedValues() {
        NDArray W = NDArray.of(new double[][]{{1, 2, 3}, {4, 5, 6}});
        NDArray b = NDArray.of(0.5, -1, 2);
        Affine a = new Affine(W, b);
        NDArray x = NDArray.of(new double[][]{{1, 0}, {2, 1}});
        NDArray y = a.forward(x);
        assertArrayEquals(new double[]{1.5, 1, 5, 6.5, 8, 14}, y.toArray(), 1e-12);
        NDArray dout = NDArray.of(new double[][]{{1, 0, -1}, {2, 1, 0}});
        NDArray dx = a.backward(dout);
        // dx = dout · Wᵀ
        assertArrayEquals(new double[]{-2, -2, 4, 13}, dx.toArray(), 1e-12);
        // dW = xᵀ · dout
        assertArrayEquals(new double[]{5, 2, -1, 2, 1, 0}, a.dW().toArray(), 1e-12);
        // db = sum over the batch
        assertArrayEquals(new double[]{3, 1, -1}, a.db().toArray(), 1e-12);
        assertArrayEquals(new int[]{3}, a.db().shape());
    }

    @Test
    void affineFlattensFourDimensionalInputAndRestoresItsShape() {
        Rng rng = new Rng(1);
        NDArray W = rng.randn(2 * 3 * 3, 4), b = NDArray.zeros(4);
        Affine a = new Affine(W, b);
        NDArray x = rng.randn(5, 2, 3, 3);
        NDArray y = a.forward(x);
        assertArrayEquals(new int[]{5, 4}, y.shape());
        assertTrue(y.allclose(x.reshape(5, 18).matmul(W)));
        NDArray dx = a.backward(NDArray.ones(5, 4));
        assertArrayEquals(new int[]{5, 2, 3, 3}, dx.shape());
    }

    @Test
    void affineNamesWrongInputWidth() {
        Affine a = new Affine(NDArray.zeros(784, 50), NDArray.zeros(50));
        ShapeException e = assertThrows(ShapeException.class, () -> a.forward(NDArray.zeros(100, 785)));
        assertTrue(e.getMessage().contains("(100, 785)") && e.getMessage().contains("(784, 50)"), e.getMessage());
    }

    @Test
    void softmaxWithLossGradientIsYMinusTOverN() {
        SoftmaxWithLoss l = new SoftmaxWithLoss();
        NDArray x = NDArray.of(new double[][]{{0.3, 2.9, 4.0}, {1.0, 1.0, 1.0}});
        double loss = l.forward(x, NDArray.of(2, 0));
        double expected = -(Math.log(0.73659691 + 1e-7) + Math.log(1.0 / 3 + 1e-7)) / 2;
        assertEquals(expected, loss, 1e-7);
        NDArray dx = l.backward();
        assertArrayEquals(new double[]{0.01821127 / 2, 0.24519181 / 2, (0.73659691 - 1) / 2,
                (1.0 / 3 - 1) / 2, 1.0 / 6, 1.0 / 6}, dx.toArray(), 1e-8);
        // the same with one-hot t
        double loss2 = l.forward(x, NDArray.of(new double[][]{{0, 0, 1}, {1, 0, 0}}));
        assertEquals(loss, loss2, 1e-15);
        assertTrue(dx.allclose(l.backward()));
    }

    @Test
    void softmaxWithLossNamesBadLabels() {
        SoftmaxWithLoss l = new SoftmaxWithLoss();
        NDArray x = NDArray.zeros(3, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.forward(x, NDArray.of(1, 10, 2)));
        assertTrue(e.getMessage().contains("label 10 at row 1"), e.getMessage());
        ShapeException s = assertThrows(ShapeException.class, () -> l.forward(x, NDArray.of(1, 2)));
        assertTrue(s.getMessage().contains("(2,)") && s.getMessage().contains("3 rows"), s.getMessage());
    }

    @Test
    void sigmoidWithLossIsBinaryCrossEntropy() {
        SigmoidWithLoss l = new SigmoidWithLoss();
        NDArray x = NDArray.of(new double[][]{{0.0, 2.0}, {-1.0, 0.5}});
        NDArray t = NDArray.of(new double[][]{{1, 0}, {0, 1}});
        double loss = l.forward(x, t);
        double p1 = 0.5, p2 = 1 / (1 + Math.exp(-2)), p3 = 1 / (1 + Math.exp(1)), p4 = 1 / (1 + Math.exp(-0.5));
        double expected = -(Math.log(p1 + 1e-7) + Math.log(1 - p2 + 1e-7) + Math.log(1 - p3 + 1e-7) + Math.log(p4 + 1e-7)) / 2;
        assertEquals(expected, loss, 1e-12);
        assertArrayEquals(new double[]{(p1 - 1) / 2, p2 / 2, p3 / 2, (p4 - 1) / 2}, l.backward().toArray(), 1e-12);
        assertEquals(loss, l.forward(x, NDArray.of(0, 1)), 1e-15);
    }
}
