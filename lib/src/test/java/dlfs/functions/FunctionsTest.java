package dlfs.functions;

import dlfs.nd.NDArray;
import dlfs.nd.ShapeException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class FunctionsTest {
    @Test
    void stepSigmoidReluTanhIdentity() {
        NDArray x = NDArray.of(-1.0, 1.0, 2.0);
        assertArrayEquals(new double[]{0, 1, 1}, Activations.step(x).toArray());
        assertEquals(0, Activations.step(0.0));
        // the book: sigmoid([-1, 1, 2]) = [0.26894142, 0.73105858, 0.88079708]
        assertArrayEquals(new double[]{0.26894142, 0.73105858, 0.88079708}, Activations.sigmoid(x).toArray(), 1e-8);
        assertEquals(0.5, Activations.sigmoid(0.0));
        assertArrayEquals(new double[]{0, 1, 2}, Activations.relu(x).toArray());
        assertArrayEquals(new double[]{Math.tanh(-1), Math.tanh(1), Math.tanh(2)}, Activations.tanh(x).toArray());
        assertSame(x, Activations.identity(x));
        assertEquals(0, Activations.sigmoid(-1000.0));
        assertEquals(1, Activations.sigmoid(1000.0));
    }

    @Test
    void softmaxOfTheBook() {
        NDArray y = Activations.softmax(NDArray.of(0.3, 2.9, 4.0));
        assertArrayEquals(new double[]{0.01821127, 0.24519181, 0.73659691}, y.toArray(), 1e-8);
        assertEquals(1.0, y.sum(), 1e-15);
        assertTrue(y.allclose(Activations.softmaxNaive(NDArray.of(0.3, 2.9, 4.0))));
    }

    @Test
    void naiveSoftmaxOverflowsAndTheSafeOneDoesNot() {
        NDArray a = NDArray.of(1010, 1000, 990);
        for (double v : Activations.softmaxNaive(a).toArray()) assertTrue(Double.isNaN(v));
        assertRelClose(new double[]{9.99954600e-01, 4.53978686e-05, 2.06106005e-09}, Activations.softmax(a).toArray());
    }

    @Test
    void softmaxIsRowWiseOnABatch() {
        NDArray y = Activations.softmax(NDArray.of(new double[][]{{0.3, 2.9, 4.0}, {1010, 1000, 990}}));
        assertArrayEquals(new double[]{0.01821127, 0.24519181, 0.73659691}, y.row(0).toArray(), 1e-8);
        assertRelClose(new double[]{9.99954600e-01, 4.53978686e-05, 2.06106005e-09}, y.row(1).toArray());
    }

    /** Equal to the printed 9 significant digits. */
    static void assertRelClose(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++)
            assertEquals(expected[i], actual[i], Math.abs(expected[i]) * 1e-8, "index " + i);
    }

    static final NDArray T = NDArray.of(0, 0, 1, 0, 0, 0, 0, 0, 0, 0);
    static final NDArray Y2 = NDArray.of(0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0);
    static final NDArray Y7 = NDArray.of(0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0);

    @Test
    void meanSquaredErrorOfTheSeed() {
        assertEquals(0.0975, Losses.meanSquaredError(Y2, T), 1e-12);
        assertEquals(0.5975, Losses.meanSquaredError(Y7, T), 1e-12);
        // batch-averaged: the mean of both
        NDArray y = NDArray.of(new double[][]{Y2.toArray(), Y7.toArray()});
        NDArray t = NDArray.of(new double[][]{T.toArray(), T.toArray()});
        assertEquals((0.0975 + 0.5975) / 2, Losses.meanSquaredError(y, t), 1e-12);
        assertThrows(ShapeException.class, () -> Losses.meanSquaredError(Y2, NDArray.zeros(9)));
    }

    @Test
    void crossEntropyOfTheSeedOneHotAndLabels() {
        assertEquals(0.510825457, Losses.crossEntropyError(Y2, T), 1e-9);
        assertEquals(2.302584092, Losses.crossEntropyError(Y7, T), 1e-9);
        assertEquals(0.510825457, Losses.crossEntropyError(Y2, NDArray.of(2)), 1e-9);
        NDArray y = NDArray.of(new double[][]{Y2.toArray(), Y7.toArray()});
        double mean = (0.510825457 + 2.302584092) / 2;
        assertEquals(mean, Losses.crossEntropyError(y, NDArray.of(new double[][]{T.toArray(), T.toArray()})), 1e-9);
        assertEquals(mean, Losses.crossEntropyError(y, NDArray.of(2, 2)), 1e-9);
        // the delta keeps log(0) finite: -log(1e-7) = 16.118...
        assertEquals(16.11809565, Losses.crossEntropyError(NDArray.of(1.0, 0.0), NDArray.of(1)), 1e-7);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropyError(y, NDArray.of(2, 10)));
        assertTrue(e.getMessage().contains("label 10 at row 1"), e.getMessage());
    }

    @Test
    void binaryCrossEntropy() {
        NDArray y = NDArray.of(new double[][]{{0.9, 0.2}});
        NDArray t = NDArray.of(new double[][]{{1, 0}});
        assertEquals(-(Math.log(0.9 + 1e-7) + Math.log(0.8 + 1e-7)), Losses.binaryCrossEntropy(y, t), 1e-12);
    }
}
