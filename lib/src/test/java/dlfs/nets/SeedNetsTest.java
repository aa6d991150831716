package dlfs.nets;

import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nd.ShapeException;
import dlfs.optim.SGD;
import dlfs.train.GradientCheck;
import dlfs.train.Trainer;
import dlfs.monitor.TrainingDivergedException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The seeds' own networks: gradients against numerical ones, shapes, and their lessons (fast; no datasets). */
class SeedNetsTest {
    @Test
    void softmaxRegressionGradientAndShapes() {
        Rng rng = new Rng(4);
        SoftmaxRegression net = new SoftmaxRegression(12, 5, rng);
        assertArrayEquals(new int[]{5, 12}, net.W().shape());
        assertArrayEquals(new int[]{5, 1}, net.b().shape());
        assertTrue(net.W().min() >= 0 && net.W().max() < 0.01);   // rand * 0.01
        NDArray x = rng.rand(6, 12);
        NDArray t = NDArray.of(0, 4, 2, 2, 1, 3);
        Map<String, Double> d = GradientCheck.compare(net, x, t);
        for (double v : d.values()) assertTrue(v < 1e-6, d.toString());   // ~1e-8: the 1e-7 inside log is all that differs
        assertEquals(-Math.log(1.0 / 5), new SoftmaxRegression(12, 5, new Rng(0)).loss(NDArray.zeros(6, 12), t), 1e-9);
        assertThrows(ShapeException.class, () -> net.predict(NDArray.zeros(2, 13)));
    }

    @Test
    void softmaxRegressionSeedLoopLearnsBlobs() {
        Rng rng = new Rng(9);
        NDArray[] tr = dlfs.train.TrainerTest.blobs(1000, rng);
        SoftmaxRegression net = new SoftmaxRegression(6, 3, new Rng(1));
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        double[] losses = net.trainLikeSeed(tr[0], tr[1], 0.05, 100, 10, new java.io.PrintStream(buf, true));
        assertEquals(10, losses.length);
        assertTrue(losses[9] < losses[0], java.util.Arrays.toString(losses));
        assertTrue(buf.toString().startsWith("Epoch 1/10, Loss: "), buf.toString());
        assertTrue(net.accuracy(tr[0], tr[1]) > 0.9);
    }

    @Test
    void handwrittenBpNetGradientsAreTheSeedsFormulas() {
        Rng rng = new Rng(5);
        HandwrittenBpNet net = new HandwrittenBpNet(10, 7, 4, rng);
        NDArray x = rng.rand(3, 10);
        NDArray t = NDArray.of(1, 3, 0);
        Map<String, Double> d = GradientCheck.compare(net, x, t);
        assertEquals(java.util.List.of("w1", "w2"), java.util.List.copyOf(d.keySet()));
        for (double v : d.values()) assertTrue(v < 1e-6, d.toString());   // ~1e-8: the 1e-7 inside log is all that differs
        // without dividing by the batch the gradient is exactly batch times larger
        HandwrittenBpNet undivided = new HandwrittenBpNet(10, 7, 4, false, new Rng(5));
        NDArray g = undivided.gradient(x, t).get("w2"), gDiv = net.gradient(x, t).get("w2");
        assertTrue(g.allclose(gDiv.mul(3), 1e-12, 1e-15));
    }

    @Test
    void handwrittenBpNetWithoutDividingByTheBatchExplodesAndTheTrainerSaysSo() {
        Rng rng = new Rng(7);
        NDArray x = rng.rand(2000, 20);
        NDArray t = NDArray.zeros(2000);
        for (int i = 0; i < 2000; i++) t.data()[i] = rng.nextInt(10);
        HandwrittenBpNet net = new HandwrittenBpNet(20, 32, 10, false, new Rng(1));
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () ->
                new Trainer(net, new SGD(0.5)).data(x, t).iterations(200).batchSize(1000).seed(1).verbose(false).train());
        assertTrue(e.getMessage().contains("loss became NaN at iteration") && e.getMessage().contains("divided by the batch size"),
                e.getMessage());
        // the same run with the gradient divided by the batch trains without trouble
        HandwrittenBpNet divided = new HandwrittenBpNet(20, 32, 10, true, new Rng(1));
        var h = new Trainer(divided, new SGD(0.5)).data(x, t).iterations(200).batchSize(1000).seed(1).verbose(false).train();
        assertEquals(200, h.iterations());
    }

    @Test
    void bp1024NetIsReluSigmoidBceWithFanSumInit() {
        Bp1024Net big = new Bp1024Net(new Rng(0));
        assertArrayEquals(new int[]{784, 1024}, big.params().get("input_to_hidden").shape());
        assertArrayEquals(new int[]{1, 1024}, big.params().get("hidden_bias").shape());
        assertArrayEquals(new int[]{1024, 10}, big.params().get("hidden_to_output").shape());
        assertArrayEquals(new int[]{1, 10}, big.params().get("output_bias").shape());
        assertEquals(Math.sqrt(2.0 / (784 + 1024)), SmallNetsTest.std(big.params().get("input_to_hidden")), 0.0005);
        Rng rng = new Rng(6);
        Bp1024Net net = new Bp1024Net(9, 8, 4, rng);
        NDArray x = rng.rand(5, 9);
        NDArray t = NDArray.of(0, 1, 2, 3, 1);
        Map<String, Double> d = GradientCheck.compare(net, x, t);
        for (double v : d.values()) assertTrue(v < 1e-6, d.toString());   // ~1e-8: the 1e-7 inside log is all that differs
        // zero output weights: every sigmoid is 0.5, so BCE = 4 outputs x ln 2
        net.params().get("hidden_to_output").fill(0);
        assertEquals(4 * Math.log(2), net.loss(x, t), 1e-6);
        assertEquals("Momentum(lr=0.1, momentum=0.9)", Bp1024Net.seedOptimizer().toString());
    }

    @Test
    void cs231nLoopMatchesNumericalGradientAndDrivesTheLossDown() {
        Cs231nTwoLayerNet small = new Cs231nTwoLayerNet(4, 6, 5, 3, 1e-4, new Rng(2));
        Map<String, GradientCheck.Difference> check = GradientCheck.check(small::loss, small.params(), small.gradient());
        assertEquals(java.util.List.of("w_1", "w_2"), java.util.List.copyOf(check.keySet()));
        assertTrue(GradientCheck.worst(check) < 1e-6, check.toString());
        Cs231nTwoLayerNet net = new Cs231nTwoLayerNet(new Rng(0));
        double[] losses = net.train(2000);
        assertEquals(2000, losses.length);
        for (int i = 1; i < losses.length; i++) assertTrue(Double.isFinite(losses[i]));
        assertTrue(losses[1999] < losses[0] / 50, losses[0] + " -> " + losses[1999]);
        // a learning rate far too large explodes, and the loop says where
        Cs231nTwoLayerNet wild = new Cs231nTwoLayerNet(64, 1000, 100, 10, 1.0, new Rng(0));
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> wild.train(2000));
        assertTrue(e.getMessage().contains("at iteration"), e.getMessage());
    }
}
