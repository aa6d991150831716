package dlfs.exercises.ch5;

import dlfs.exercises.Check;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nets.TwoLayerNet;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;

@Exercise(value = TwoLayerNetBackprop.class, title = "ch5 TwoLayerNet gradient by backpropagation",
        replaces = "dlfs.nets.*")
class TwoLayerNetBackpropTest {
    private static final String[] NAMES = {"W1", "b1", "W2", "b2"};

    /** A small net with non-zero biases, so every gradient is exercised. */
    private static TwoLayerNet net(long seed) {
        TwoLayerNet net = new TwoLayerNet(8, 6, 4, 0.5, new Rng(seed));
        net.params().get("b1").assign(Check.randn(seed + 1, 6).mul(0.1));
        net.params().get("b2").assign(Check.randn(seed + 2, 4).mul(0.1));
        return net;
    }

    @Test
    @Points(4)
    void matchesTheLibrarysBackprop() {
        TwoLayerNet net = net(131);
        NDArray x = Check.randn(134, 5, 8);
        NDArray t = Check.labels(135, 5, 4);
        Map<String, NDArray> params = Check.copyOf(net.params());
        Map<String, NDArray> g = TwoLayerNetBackprop.gradient(params, x, t);
        Map<String, NDArray> ref = net.gradient(x, t);
        assertNotNull(g, "gradient returned null");
        for (String name : NAMES) {
            assertNotNull(g.get(name), "no gradient named \"" + name + "\"");
            Check.close("gradient \"" + name + "\"", ref.get(name), g.get(name));
        }
        for (String name : NAMES) Check.unchanged("gradient (parameter " + name + ")", net.params().get(name), params.get(name));
    }

    @Test
    @Points(4)
    void agreesWithTheNumericalGradient() {
        TwoLayerNet net = net(141);
        NDArray x = Check.randn(144, 3, 8);
        NDArray t = Check.labels(145, 3, 4);
        Map<String, NDArray> g = TwoLayerNetBackprop.gradient(Check.copyOf(net.params()), x, t);
        Map<String, NDArray> num = net.numericalGradient(x, t);
        for (String name : NAMES) {
            assertNotNull(g.get(name), "no gradient named \"" + name + "\"");
            // loose only where a ReLU input lies within h of 0 (the kink): a wrong formula is off by far more
            Check.close("gradient \"" + name + "\" vs numerical", num.get(name), g.get(name), 1e-3, 1e-5);
        }
    }

    @Test
    @Points(2)
    void oneSampleWithOneHotTarget() {
        TwoLayerNet net = net(151);
        NDArray x = Check.randn(154, 1, 8);
        NDArray t = NDArray.of(new double[][]{{0, 0, 1, 0}});
        Map<String, NDArray> g = TwoLayerNetBackprop.gradient(Check.copyOf(net.params()), x, t);
        Map<String, NDArray> ref = net.gradient(x, t);
        for (String name : NAMES) {
            assertNotNull(g.get(name), "no gradient named \"" + name + "\"");
            Check.close("gradient \"" + name + "\", x (1, 8), one-hot t (1, 4)", ref.get(name), g.get(name));
        }
    }
}
