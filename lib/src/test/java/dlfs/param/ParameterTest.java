package dlfs.param;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nets.MultiLayerNet;
import dlfs.nets.TwoLayerNet;
import dlfs.optim.Optimizer;
import dlfs.optim.SGD;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** Typed parameters: nets expose them, optimizers step them, the book's dictionaries stay. */
class ParameterTest {
    @Test
    void sequentialNetsFlagTheirWeightsForDecay() {
        MultiLayerNet net = new MultiLayerNet(4, new int[]{5}, 3, "relu", "he", 0.1, new Rng(1));
        List<Parameter> ps = net.parameters();
        assertEquals(List.of("W1", "b1", "W2", "b2"), ps.stream().map(Parameter::name).toList());
        assertTrue(ps.get(0).decay());
        assertFalse(ps.get(1).decay());
        assertSame(net.params().get("W1"), ps.get(0).value(), "the same live array as params().get(\"W1\")");
        assertSame(ps, net.parameters());
        NDArray x = new Rng(2).randn(6, 4), t = NDArray.of(0, 1, 2, 0, 1, 2);
        Map<String, NDArray> grads = net.gradient(x, t);
        for (Parameter p : ps) assertSame(grads.get(p.name()), p.grad());
        assertEquals("W1 (4, 5) decay", ps.get(0).toString());
    }

    @Test
    void stepIsTheBooksUpdate() {
        TwoLayerNet a = new TwoLayerNet(4, 5, 3, new Rng(3)), b = new TwoLayerNet(4, 5, 3, new Rng(3));
        NDArray x = new Rng(4).randn(6, 4), t = NDArray.of(0, 1, 2, 0, 1, 2);
        new SGD(0.1).update(a.params(), a.gradient(x, t));
        new SGD(0.1).step(Parameter.withGrads(b.parameters(), b.gradient(x, t)));
        for (String name : a.params().keySet())
            assertArrayEquals(a.params().get(name).data(), b.params().get(name).data(), 0, name);
        // an optimizer written in the book's style (update only) steps typed parameters by the default
        Optimizer halve = (params, g) -> params.values().forEach(w -> w.muli(0.5));
        double w0 = b.params().get("W1").data()[0];
        halve.step(b.parameters().stream().map(p -> p.grad(NDArray.zerosLike(p.value()))).toList());
        assertEquals(w0 * 0.5, b.params().get("W1").data()[0], 0);
    }

    @Test
    void aMissingGradientIsNamed() {
        Parameter w = Parameter.weight("W1", NDArray.zeros(2, 2));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SGD(0.1).step(List.of(w)));
        assertTrue(e.getMessage().contains("W1"), e.getMessage());
        assertThrows(dlfs.nd.ShapeException.class, () -> w.grad(NDArray.zeros(3)));
    }
}
