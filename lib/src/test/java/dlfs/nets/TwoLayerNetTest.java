package dlfs.nets;

import dlfs.data.LoadOptions;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.train.GradientCheck;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class TwoLayerNetTest {
    @Test
    void shapesAndOrderedLayers() {
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, 0.01, new Rng(0));
        assertEquals(java.util.List.of("W1", "b1", "W2", "b2"), java.util.List.copyOf(net.params().keySet()));
        assertEquals(java.util.List.of("Affine1", "Relu1", "Affine2"), java.util.List.copyOf(net.layers().keySet()));
        assertArrayEquals(new int[]{784, 50}, net.params().get("W1").shape());
        assertArrayEquals(new int[]{10}, net.params().get("b2").shape());
        assertEquals(0.01, Math.sqrt(net.params().get("W1").square().mean()), 0.0005);
        assertArrayEquals(new int[]{7, 10}, net.predict(NDArray.zeros(7, 784)).shape());
        // zero weights in the output layer: uniform softmax, loss = ln 10
        TwoLayerNet zero = new TwoLayerNet(4, 3, 10, 0.0, new Rng(0));
        assertEquals(Math.log(10), zero.loss(NDArray.ones(2, 4), NDArray.of(3, 7)), 1e-6);
    }

    @Test
    void backpropAgreesWithNumericalGradient() {
        Rng rng = new Rng(3);
        TwoLayerNet net = new TwoLayerNet(20, 8, 4, 0.5, rng);
        NDArray x = rng.randn(3, 20);
        NDArray t = NDArray.of(0, 3, 1);
        Map<String, GradientCheck.Difference> check = GradientCheck.check(net, x, t);
        assertTrue(GradientCheck.worst(check) < 1e-5, check.toString());   // ~3e-6: h = 1e-4 on a net with std 0.5
        // the book's numerical_gradient(x, t) is the numerical side of the check
        Map<String, NDArray> num = net.numericalGradient(x, t);
        assertEquals(0.0, GradientCheck.worst(GradientCheck.check(() -> net.loss(x, t), net.params(), num)));
        Map<String, Double> diff = GradientCheck.compare(net, x, t);
        assertEquals(java.util.List.of("W1", "b1", "W2", "b2"), java.util.List.copyOf(diff.keySet()));
        for (double d : diff.values()) assertTrue(d < 2e-6 && d >= 0, diff.toString());
        assertEquals(4, GradientCheck.table(diff).rowCount());
    }

    @Test
    void gradientCheckOnBookSizedNetIsWithinTheBooksRange() {
        // ch5's gradient_check.py: 784-50-10, std 0.01, the first 3 training images (here the shipped digits)
        dlfs.data.Dataset d = dlfs.data.Datasets.digits(LoadOptions.normalized());
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, 0.01, new Rng(0));
        Map<String, Double> diff = GradientCheck.compare(net, d.xTrain().slice(0, 3), d.tTrain().slice(0, 3));
        System.out.println("gradient check, TwoLayerNet 784-50-10 on 3 digits: " + diff);
        for (Map.Entry<String, Double> e : diff.entrySet())
            assertTrue(e.getValue() > 0 && e.getValue() < 1e-6, e.getKey() + ": " + e.getValue());
    }
}
