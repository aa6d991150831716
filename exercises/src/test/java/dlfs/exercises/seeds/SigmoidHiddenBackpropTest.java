package dlfs.exercises.seeds;

import dlfs.exercises.Check;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.gradient.NumericalGradient;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nets.HandwrittenBpNet;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;

@Exercise(value = SigmoidHiddenBackprop.class, title = "seed 000 hand-written BP net: sigmoid hidden layer gradients",
        replaces = {"dlfs.nets.*", "dlfs.layers.*"})
class SigmoidHiddenBackpropTest {
    private static final String[] NAMES = {"w1", "w2"};

    private static Map<String, NDArray> yours(HandwrittenBpNet net, NDArray x, NDArray t) {
        Map<String, NDArray> params = Check.copyOf(net.params());
        Map<String, NDArray> g = SigmoidHiddenBackprop.gradient(params, x, t);
        assertNotNull(g, "gradient returned null");
        for (String name : NAMES) {
            assertNotNull(g.get(name), "no gradient named \"" + name + "\"");
            Check.unchanged("gradient (parameter " + name + ")", net.params().get(name), params.get(name));
        }
        return g;
    }

    @Test
    @Points(4)
    void matchesTheHandwrittenBpNet() {
        HandwrittenBpNet net = new HandwrittenBpNet(8, 6, 4, new Rng(401));
        NDArray x = Check.randn(402, 5, 8);
        NDArray t = Check.labels(403, 5, 4);
        Map<String, NDArray> g = yours(net, x, t);
        Map<String, NDArray> ref = net.gradient(x, t);
        Check.close("Δw1 (8, 6), x (5, 8)", ref.get("w1"), g.get("w1"));
        Check.close("Δw2 (6, 4), x (5, 8)", ref.get("w2"), g.get("w2"));
    }

    @Test
    @Points(3)
    void agreesWithTheNumericalGradient() {
        HandwrittenBpNet net = new HandwrittenBpNet(5, 4, 3, new Rng(411));
        NDArray x = Check.randn(412, 3, 5);
        NDArray t = Check.oneHot(Check.labels(413, 3, 3), 3);
        Map<String, NDArray> g = yours(net, x, t);
        Map<String, NDArray> num = NumericalGradient.of(net, x, t);
        for (String name : NAMES)
            Check.close("Δ" + name + " vs numerical gradient, one-hot t (3, 3)", num.get(name), g.get(name), 1e-6, 1e-7);
    }

    @Test
    @Points(2)
    void dividesByTheBatchSize() {
        // the same sample four times: the mean gradient is that sample's own gradient, a sum would be 4 times it
        HandwrittenBpNet net = new HandwrittenBpNet(8, 6, 4, new Rng(421));
        NDArray one = Check.randn(422, 1, 8);
        NDArray four = NDArray.zeros(4, 8);
        for (int i = 0; i < 4; i++) four.setRows(i, one);
        Map<String, NDArray> single = net.gradient(one, NDArray.of(1.0));
        Map<String, NDArray> g = yours(net, four, NDArray.of(1, 1, 1, 1));
        for (String name : NAMES)
            Check.close("Δ" + name + " of one sample repeated 4 times (divide G2 by the batch)", single.get(name), g.get(name));
    }
}
