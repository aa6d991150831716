package dlfs.layers;

import dlfs.data.Preprocess;
import dlfs.functions.Activations;
import dlfs.functions.Losses;
import dlfs.gradient.NumericalGradient;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nd.ShapeException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Soft targets follow the book: Softmax-with-Loss (ch5, 5.6.3) and cross_entropy_error (ch4,
 * eq. 4.3) take any probability rows t: L = −Σ t log(y + 1e-7) / N, ∂L/∂x = (y − t) / N. Label
 * smoothing (1 − ε on the true class, ε/(k − 1) elsewhere) is the usual case.
 */
class SoftTargetsTest {
    private static NDArray smoothed(NDArray labels, int k, double eps) {
        NDArray t = Preprocess.oneHot(labels, k).muli(1 - eps - eps / (k - 1));
        return t.addi(eps / (k - 1));
    }

    @Test
    void labelSmoothedTargetsGiveTheBooksLossAndGradient() {
        Rng rng = new Rng(3);
        int n = 6, k = 5;
        NDArray x = rng.randn(n, k);
        NDArray labels = NDArray.of(0, 3, 1, 4, 2, 2);
        NDArray t = smoothed(labels, k, 0.1);
        for (int i = 0; i < n; i++) assertEquals(1, t.slice(i, i + 1).sum(), 1e-12);

        SoftmaxWithLoss swl = new SoftmaxWithLoss();
        double loss = swl.forward(x, t);
        NDArray y = Activations.softmax(x);
        double expected = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < k; j++) expected -= t.get(i, j) * Math.log(y.get(i, j) + 1e-7);
        assertEquals(expected / n, loss, 1e-12, "−Σ t log(y + δ) / N");
        assertEquals(loss, Losses.crossEntropyError(y, t), 1e-12, "the layer and cross_entropy_error agree");
        assertNotEquals(new SoftmaxWithLoss().forward(x, labels), loss, 1e-3, "soft targets are not turned into hard labels");

        NDArray dx = swl.backward(1);
        assertTrue(dx.allclose(y.sub(t).divi(n), 0, 1e-15), "(y − t) / N exactly");
        NDArray xx = x.copy();
        NDArray num = NumericalGradient.numericalGradient(() -> new SoftmaxWithLoss().forward(xx, t), xx);
        // (y − t) / N is the exact gradient of −Σ t log y / N; the δ = 1e-7 inside the log moves the numerical one by about
        // t·δ / y per entry, which soft targets (t > 0 on unlikely classes) make visible: hence 1e-6
        assertTrue(num.allclose(dx, 1e-5, 1e-6), "backward vs the numerical gradient, difference " + num.sub(dx));
        assertTrue(swl.backward(2.5).allclose(dx.mul(2.5), 0, 1e-15));
    }

    @Test
    void oneHotAndLabelsStillGiveTheSameNumbers() {
        Rng rng = new Rng(4);
        NDArray x = rng.randn(8, 10);
        NDArray labels = NDArray.of(0, 9, 3, 3, 1, 7, 2, 5);
        NDArray oneHot = Preprocess.oneHot(labels, 10);
        SoftmaxWithLoss a = new SoftmaxWithLoss(), b = new SoftmaxWithLoss();
        assertEquals(a.forward(x, labels), b.forward(x, oneHot), 0);
        assertEquals(a.backward(1), b.backward(1));
        NDArray y = Activations.softmax(x);
        assertEquals(Losses.crossEntropyError(y, labels), Losses.crossEntropyError(y, oneHot), 1e-15);
    }

    @Test
    void targetsThatAreNeitherLabelsNorProbabilitiesAreNamed() {
        NDArray x = new Rng(5).randn(3, 4);
        NDArray sum2 = NDArray.of(new double[][]{{1, 0, 0, 0}, {0.5, 0.5, 0.5, 0.5}, {0, 0, 1, 0}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SoftmaxWithLoss().forward(x, sum2));
        assertTrue(e.getMessage().contains("SoftmaxWithLoss: targets (3, 4)") && e.getMessage().contains("row 1 sums to 2.0"), e.getMessage());
        NDArray negative = NDArray.of(new double[][]{{1, 0, 0, 0}, {0, 1, 0, 0}, {1.5, -0.5, 0, 0}});
        e = assertThrows(IllegalArgumentException.class, () -> Losses.crossEntropyError(Activations.softmax(x), negative));
        assertTrue(e.getMessage().contains("crossEntropyError: targets (3, 4)") && e.getMessage().contains("row 2 has -0.5 at class 1"),
                e.getMessage());
        NDArray zeros = NDArray.zeros(3, 4);
        e = assertThrows(IllegalArgumentException.class, () -> new SoftmaxWithLoss().forward(x, zeros));
        assertTrue(e.getMessage().contains("row 0 sums to 0.0"), e.getMessage());
        assertThrows(ShapeException.class, () -> new SoftmaxWithLoss().forward(x, NDArray.zeros(3, 5)));
        e = assertThrows(IllegalArgumentException.class, () -> new SoftmaxWithLoss().forward(x, NDArray.of(0, 1, 4)));
        assertTrue(e.getMessage().contains("label 4 at row 2"), e.getMessage());
    }

    @Test
    void theTrainerTrainsOnSmoothedTargets() {
        Rng rng = new Rng(7);
        NDArray[] tr = dlfs.train.TrainerTest.blobs(500, rng);
        var net = new dlfs.nets.TwoLayerNet(6, 10, 3, 0.1, new Rng(1));
        var h = new dlfs.train.Trainer(net, new dlfs.optim.SGD(0.1)).data(tr[0], smoothed(tr[1], 3, 0.1)).iterations(200).batchSize(50)
                .seed(5).verbose(false).train();
        assertTrue(h.finalTrainAcc() > 0.9, "accuracy against the argmax of the soft targets: " + h.finalTrainAcc());
        double[] l = h.loss();
        assertTrue(l[l.length - 1] > 0.3, "a smoothed target keeps the loss above its entropy: " + l[l.length - 1]);
    }
}
