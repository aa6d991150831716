package dlfs.nets;

import dlfs.layers.Affine;
import dlfs.layers.Relu;
import dlfs.layers.SigmoidWithLoss;
import dlfs.layers.SoftmaxWithLoss;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nd.ShapeException;
import dlfs.param.Parameter;
import dlfs.train.GradientCheck;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The one network model: the book's nets are SequentialNets with the book's names and shapes (issue 14). */
class SequentialNetTest {
    private static void assertShapes(Net net, Map<String, int[]> expected) {
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(net.params().keySet()));
        for (Map.Entry<String, int[]> e : expected.entrySet())
            assertArrayEquals(e.getValue(), net.params().get(e.getKey()).shape(), e.getKey());
    }

    private static void assertGradientsAgree(Net net, NDArray x, NDArray t, double tol) {
        Map<String, Double> d = GradientCheck.compare(net, x, t);
        assertEquals(net.params().keySet(), d.keySet());
        for (Map.Entry<String, Double> e : d.entrySet()) assertTrue(e.getValue() < tol, e.getKey() + ": " + d);
    }

    @Test
    void twoLayerNetKeepsTheBookNamesShapesAndDecayFlags() {
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, new Rng(0));
        assertInstanceOf(SequentialNet.class, net);
        assertShapes(net, Map.of("W1", new int[]{784, 50}, "b1", new int[]{50}, "W2", new int[]{50, 10}, "b2", new int[]{10})
                .entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> order(a) - order(b)))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        java.util.LinkedHashMap::new)));
        assertEquals(List.of("Affine1", "Relu1", "Affine2"), List.copyOf(net.layers().keySet()));
        assertInstanceOf(SoftmaxWithLoss.class, net.lastLayer());
        for (Parameter p : net.parameters()) assertEquals(p.name().startsWith("W"), p.decay(), p.name());
    }

    private static int order(String name) {
        return List.of("W1", "b1", "W2", "b2").indexOf(name);
    }

    @Test
    void twoLayerNetIsTheSameNetForTheSameSeed() {
        NDArray x = new Rng(3).randn(4, 6), t = NDArray.of(0, 2, 1, 2);
        TwoLayerNet a = new TwoLayerNet(6, 5, 3, 0.5, new Rng(7)), b = new TwoLayerNet(6, 5, 3, 0.5, new Rng(7));
        assertEquals(a.loss(x, t), b.loss(x, t), 0);
        assertGradientsAgree(a, x, t, 1e-6);
    }

    @Test
    void bp1024NetIsASequentialNetWithTheSeedsNamesAndSigmoidOutputs() {
        Bp1024Net net = new Bp1024Net(new Rng(0));
        java.util.LinkedHashMap<String, int[]> shapes = new java.util.LinkedHashMap<>();
        shapes.put("input_to_hidden", new int[]{784, 1024});
        shapes.put("hidden_bias", new int[]{1, 1024});
        shapes.put("hidden_to_output", new int[]{1024, 10});
        shapes.put("output_bias", new int[]{1, 10});
        assertShapes(net, shapes);
        assertInstanceOf(SigmoidWithLoss.class, net.lastLayer());
        assertTrue(net.toString().endsWith("+ SigmoidWithLoss"), net.toString());
        Bp1024Net small = new Bp1024Net(6, 5, 3, new Rng(1));
        assertGradientsAgree(small, new Rng(2).randn(4, 6), NDArray.of(0, 2, 1, 2), 1e-6);
    }

    @Test
    void aParameterFreeFirstLayerStillBackpropagatesIntoTheLayersAfterIt() {
        Rng rng = new Rng(5);
        SequentialNet net = new SequentialNet("relu first")
                .add("Relu0", new Relu(), null)
                .add("Affine1", new Affine(rng.randn(6, 3), NDArray.zeros(3)), "1");
        assertGradientsAgree(net, rng.randn(5, 6), NDArray.of(0, 1, 2, 0, 1), 1e-6);
    }

    @Test
    void addNamedNeedsOneNamePerParameter() {
        SequentialNet net = new SequentialNet("named");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.addNamed("Affine1", new Affine(NDArray.zeros(2, 3), NDArray.zeros(3)), "only_one"));
        assertTrue(e.getMessage().contains("Affine1") && e.getMessage().contains("[W, b]"), e.getMessage());
        net.addNamed("Affine1", new Affine(NDArray.zeros(2, 3), NDArray.zeros(3)), "w", "c");
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> net.addNamed("Affine2", new Affine(NDArray.zeros(3, 3), NDArray.zeros(3)), "w", "d"));
        assertTrue(dup.getMessage().contains("'w'"), dup.getMessage());
        assertEquals(List.of("w", "c"), List.copyOf(net.params().keySet()), "a refused layer adds nothing");
    }

    @Test
    void convNetsTakeImagesOrFlatRowsAndNameThemselvesOnOtherShapes() {
        SimpleConvNet net = new SimpleConvNet(new int[]{1, 8, 8}, new SimpleConvNet.ConvParam(2, 3, 1, 0), 4, 3, 0.1, new Rng(0));
        NDArray images = new Rng(1).randn(2, 1, 8, 8);
        assertArrayEquals(net.predict(images).data(), net.predict(images.reshape(2, 64)).data(), 0);
        ShapeException e = assertThrows(ShapeException.class, () -> net.predict(NDArray.zeros(2, 65)));
        assertTrue(e.getMessage().startsWith("SimpleConvNet: input (2, 65)"), e.getMessage());
        ShapeException deep = assertThrows(ShapeException.class, () -> new DeepConvNet(new Rng(0)).predict(NDArray.zeros(1, 3, 28, 28)));
        assertTrue(deep.getMessage().startsWith("DeepConvNet:"), deep.getMessage());
    }
}
