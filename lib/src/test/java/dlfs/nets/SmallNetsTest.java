package dlfs.nets;

import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nd.ShapeException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class SmallNetsTest {
    static final NDArray BOOK_W = NDArray.of(new double[][]{
            {0.47355232, 0.9977393, 0.84668094}, {0.85557411, 0.03563661, 0.69422093}});

    @Test
    void simpleNetWithTheBooksWeights() {
        SimpleNet net = new SimpleNet(BOOK_W.copy());
        NDArray x = NDArray.of(0.6, 0.9);
        NDArray p = net.predict(x);
        assertArrayEquals(new double[]{1.05414809, 0.63071653, 1.1328074}, p.toArray(), 1e-8);
        assertEquals(2, p.argmax());
        NDArray t = NDArray.of(0, 0, 1);
        // the book prints 0.92806853663411326 for its unrounded W; numpy gives 0.9280682857864075 for the printed W
        assertEquals(0.9280682857864075, net.loss(x, t), 1e-13);
        assertEquals(0.92806853663411326, net.loss(x, t), 1e-6);
        NDArray dW = net.gradient(x, t).get("W");
        // numpy on the printed W: [[0.21924757, 0.14356243, -0.36281], [0.32887136, 0.21534364, -0.544215]]
        assertArrayEquals(new double[]{0.21924757, 0.14356243, -0.36281, 0.32887136, 0.21534364, -0.544215}, dW.toArray(), 1e-8);
        // and the book's printed dW to its rounding of W
        assertArrayEquals(new double[]{0.21924763, 0.14356247, -0.36281009, 0.32887144, 0.2153437, -0.54421514}, dW.toArray(), 2e-7);
        assertArrayEquals(new int[]{2, 3}, new SimpleNet(new Rng(0)).W().shape());
    }

    @Test
    void threeLayerNetOfChapter3() {
        ThreeLayerNet net = ThreeLayerNet.bookExample();
        assertArrayEquals(new double[]{0.31682708, 0.69627909}, net.forwardIdentity(NDArray.of(1.0, 0.5)).toArray(), 1e-8);
        NDArray y = net.predict(NDArray.of(1.0, 0.5));
        assertEquals(1.0, y.sum(), 1e-12);
        assertEquals(1, y.argmax());
        // batched inference: the same rows give the same answers in any batch size
        Rng rng = new Rng(2);
        NDArray x = rng.randn(250, 2);
        NDArray pred = net.predict(x).argmax(1);
        int count = net.countCorrect(x, pred, 100);
        assertEquals(250, count);
        NDArray wrong = pred.rsub(1);   // every label flipped
        assertEquals(0, net.countCorrect(x, wrong, 7));
        assertThrows(ShapeException.class, () -> net.predict(NDArray.zeros(3, 5)));
        assertThrows(ShapeException.class, () -> new ThreeLayerNet(NDArray.zeros(4, 3), NDArray.zeros(3),
                NDArray.zeros(2, 2), NDArray.zeros(2), NDArray.zeros(2, 2), NDArray.zeros(2)));
    }

    @Test
    void initScales() {
        Rng rng = new Rng(11);
        assertEquals(0.01, std(Init.std001(500, 400, rng)), 0.0003);
        assertEquals(Math.sqrt(1.0 / 500), std(Init.xavier(500, 400, rng)), 0.001);
        assertEquals(Math.sqrt(2.0 / 500), std(Init.he(500, 400, rng)), 0.001);
        assertEquals(Math.sqrt(2.0 / 900), std(Init.kaimingFanSum(500, 400, rng)), 0.001);
        assertEquals(Math.sqrt(2.0 / 784), Init.stdFor("ReLU", 784));
        assertEquals(Math.sqrt(1.0 / 784), Init.stdFor("xavier", 784));
        assertEquals(0.01, Init.stdFor("0.01", 784));
        assertThrows(IllegalArgumentException.class, () -> Init.stdFor("glorious", 784));
    }

    static double std(NDArray w) {
        return Math.sqrt(w.square().mean() - w.mean() * w.mean());
    }

    @Test
    void numericalGradientOfAnyNet() {
        SimpleNet net = new SimpleNet(BOOK_W.copy());
        Map<String, NDArray> g = dlfs.gradient.NumericalGradient.of(net, NDArray.of(0.6, 0.9), NDArray.of(2));
        assertArrayEquals(new double[]{0.21924757, 0.14356243, -0.36281, 0.32887136, 0.21534364, -0.544215}, g.get("W").toArray(), 1e-8);
    }
}
