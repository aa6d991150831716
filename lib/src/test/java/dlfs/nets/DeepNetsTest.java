package dlfs.nets;

import dlfs.layers.Relu;

import dlfs.data.LoadOptions;
import dlfs.layers.Dropout;
import dlfs.layers.Layer;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nd.ShapeException;
import dlfs.train.GradientCheck;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class DeepNetsTest {
    @TempDir
    Path dir;

    private static void assertGradientsAgree(SavableNet net, NDArray x, NDArray t, double tol) {
        Map<String, Double> diffs = GradientCheck.compare(net, x, t);
        assertEquals(net.params().keySet(), diffs.keySet());
        for (Map.Entry<String, Double> e : diffs.entrySet())
            assertTrue(e.getValue() < tol, net.architecture() + ": " + e.getKey() + " mean |backprop - numerical| = " + e.getValue());
    }

    private static NDArray labels(int... t) {
        return NDArray.ofInts(t);
    }

    @Test
    void multiLayerNetWeightDecayInLossAndGradient() {
        Rng rng = new Rng(1);
        NDArray x = rng.randn(4, 6);
        NDArray t = labels(0, 2, 1, 2);
        MultiLayerNet plain = new MultiLayerNet(6, new int[]{5, 4}, 3, "relu", "he", 0, new Rng(9));
        MultiLayerNet decayed = new MultiLayerNet(6, new int[]{5, 4}, 3, "relu", "he", 0.1, new Rng(9));
        double sumW2 = 0;
        for (String w : new String[]{"W1", "W2", "W3"}) sumW2 += plain.params().get(w).square().sum();
        assertEquals(plain.loss(x, t) + 0.5 * 0.1 * sumW2, decayed.loss(x, t), 1e-12);
        assertEquals(java.util.List.of("W1", "b1", "W2", "b2", "W3", "b3"), java.util.List.copyOf(decayed.params().keySet()));
        assertGradientsAgree(decayed, x, t, 1e-7);
        assertGradientsAgree(new MultiLayerNet(6, new int[]{5, 5, 5}, 3, "sigmoid", "sigmoid", 0.05, rng), x, t, 1e-7);
    }

    @Test
    void multiLayerNetExtendGradientWithBatchNormAndFixedDropout() {
        Rng rng = new Rng(2);
        NDArray x = rng.randn(6, 5);
        NDArray t = labels(0, 1, 2, 3, 0, 1);
        MultiLayerNetExtend net = MultiLayerNetExtend.builder(5, new int[]{7, 6}, 4).weightDecay(0.01).dropout(0.3).batchNorm().rng(rng).build();
        assertEquals(java.util.List.of("W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "beta2", "W3", "b3"),
                java.util.List.copyOf(net.params().keySet()));
        for (Map.Entry<String, Layer> e : net.layers().entrySet())
            if (e.getValue() instanceof Dropout d)
                d.fixMask(new Rng(e.getKey().hashCode()).rand(6, e.getKey().endsWith("1") ? 7 : 6).gt(0.3));
        assertGradientsAgree(net, x, t, 1e-7);
        // inference is deterministic, training (with fresh masks) is not
        net.layers().values().forEach(l -> { if (l instanceof Dropout d) d.fixMask(null); });
        assertEquals(net.predict(x), net.predict(x));
        assertNotEquals(net.forward(x, true), net.forward(x, true));
    }

    @Test
    void convNetGradientCheck() {
        Rng rng = new Rng(3);
        SimpleConvNet net = new SimpleConvNet(new int[]{2, 8, 8}, new SimpleConvNet.ConvParam(3, 3, 1, 1), 6, 4, 0.1, rng);
        NDArray x = rng.randn(3, 2, 8, 8);
        assertGradientsAgree(net, x, labels(1, 3, 0), 1e-7);
        assertEquals(java.util.List.of("W1", "b1", "W2", "b2", "W3", "b3"), java.util.List.copyOf(net.params().keySet()));
        // flat input is accepted; a wrong size is named
        assertEquals(net.predict(x), net.predict(x.reshape(3, 128)));
        ShapeException e = assertThrows(ShapeException.class, () -> net.predict(NDArray.zeros(3, 100)));
        assertTrue(e.getMessage().contains("(3, 100) is neither (N, 2, 8, 8) nor (N, 128)"), e.getMessage());
    }

    /**
     * The two deeper nets train on the shipped digits: one epoch (80 Adam steps, batch 100) takes
     * DeepConvNet from 10% to over 80% and LeNet-5 (ReLU) over 85%. The long runs are
     * {@code ConvNetRun --net deep|lenet --augment digits N}: DeepConvNet 98.65% after 20 epochs.
     */
    @Tag("book")
    @Test
    void deepConvNetAndLeNetLearnTheShippedDigits() {
        dlfs.data.Dataset d = dlfs.data.Datasets.digits(LoadOptions.normalized().images());
        NDArray xt = d.xTest().slice(0, 500), tt = d.tTest().slice(0, 500);
        DeepConvNet deep = new DeepConvNet(new Rng(42));
        double before = deep.accuracy(xt, tt);
        new dlfs.train.Trainer(deep, new dlfs.optim.Adam(0.001)).data(d.xTrain(), d.tTrain()).iterations(80).batchSize(100).rng(new Rng(1))
                .lossFromGradient(true).evaluate(false).verbose(false).train();
        double after = deep.accuracy(xt, tt);
        assertTrue(before < 0.3 && after > 0.8, "DeepConvNet test accuracy " + before + " -> " + after + " after 80 steps");

        LeNet5 lenet = new LeNet5("relu", new Rng(42));
        new dlfs.train.Trainer(lenet, new dlfs.optim.Adam(0.001)).data(d.xTrain(), d.tTrain()).iterations(80).batchSize(100).rng(new Rng(1))
                .lossFromGradient(true).evaluate(false).verbose(false).train();
        double lenetAcc = lenet.accuracy(xt, tt);
        assertTrue(lenetAcc > 0.85, "LeNet-5 test accuracy after 80 steps: " + lenetAcc);
    }

    @Test
    void bookShapes() {
        Rng rng = new Rng(4);
        SimpleConvNet simple = new SimpleConvNet(rng);
        assertArrayEquals(new int[]{30, 1, 5, 5}, simple.filters().shape());
        assertArrayEquals(new int[]{4320, 100}, simple.params().get("W2").shape());
        assertArrayEquals(new int[]{2, 10}, simple.predict(rng.rand(2, 784)).shape());
        Map<String, NDArray> maps = simple.activations(rng.rand(2, 1, 28, 28));
        assertArrayEquals(new int[]{2, 30, 24, 24}, maps.get("Conv1").shape());
        assertArrayEquals(new int[]{2, 30, 12, 12}, maps.get("Pool1").shape());
        // Relu1 works in place in training only: the feature maps keep the convolution's negative values
        assertTrue(((Relu) simple.layers().get("Relu1")).isInPlace());
        assertTrue(maps.get("Conv1").min() < 0, "Conv1's maps as the convolution gave them, not overwritten by Relu1");
        assertEquals(0.0, maps.get("Relu1").min());

        DeepConvNet deep = new DeepConvNet(rng);
        assertArrayEquals(new int[]{1024, 50}, deep.params().get("W7").shape());
        assertArrayEquals(new int[]{64, 64, 3, 3}, deep.params().get("W6").shape());
        assertEquals(16, deep.params().size());
        assertArrayEquals(new int[]{2, 10}, deep.predict(rng.rand(2, 1, 28, 28)).shape());
        // He init: std of W3 (fan-in 16·9 = 144) is √(2/144)
        assertEquals(Math.sqrt(2.0 / 144), Math.sqrt(deep.params().get("W3").square().mean()), 0.01);

        LeNet5 lenet = new LeNet5("sigmoid", rng);
        assertArrayEquals(new int[]{400, 120}, lenet.params().get("W3").shape());
        assertArrayEquals(new int[]{3, 10}, lenet.predict(rng.rand(3, 784)).shape());

        assertThrows(ShapeException.class, () -> new SimpleConvNet(new int[]{1, 28, 28}, new SimpleConvNet.ConvParam(30, 5, 2, 0), 100, 10, 0.01, rng));
    }

    @Test
    void saveAndLoadKeepPredictionsAndRunningStats() {
        Rng rng = new Rng(5);
        NDArray x = rng.randn(8, 5);
        NDArray t = labels(0, 1, 2, 0, 1, 2, 0, 1);
        MultiLayerNetExtend a = MultiLayerNetExtend.builder(5, new int[]{6}, 3).weightInit("he").dropout(0.2).batchNorm().rng(rng).build();
        for (int i = 0; i < 5; i++) new dlfs.optim.Adam(0.01).update(a.params(), a.gradient(x, t));
        Path f = dir.resolve("a.dlfs");
        a.save(f);
        MultiLayerNetExtend b = new MultiLayerNetExtend(5, new int[]{6}, 3, "relu", "he", 0, true, 0.2, true, new Rng(99));  // the positional form the exercises use
        assertNotEquals(a.predict(x), b.predict(x));
        b.load(f);
        assertEquals(a.predict(x), b.predict(x));
        assertTrue(a.state().containsKey("running_mean1"));
        assertEquals(((dlfs.layers.BatchNormalization) a.layers().get("BatchNorm1")).runningVar(),
                ((dlfs.layers.BatchNormalization) b.layers().get("BatchNorm1")).runningVar());

        MultiLayerNet other = new MultiLayerNet(5, new int[]{7}, 3, new Rng(1));
        Exception e = assertThrows(IllegalArgumentException.class, () -> other.load(f));
        assertTrue(e.getMessage().contains("file: MultiLayerNetExtend(input=5, hidden=[6], output=3, activation=relu, batchnorm=true, dropout=0.2)")
                && e.getMessage().contains("net:  MultiLayerNet(input=5, hidden=[7], output=3, activation=relu)"), e.getMessage());
    }
}
