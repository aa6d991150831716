package dlfs.train;

import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nd.ShapeException;
import dlfs.nets.TwoLayerNet;
import dlfs.optim.SGD;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.junit.jupiter.api.Assertions.*;
import dlfs.monitor.History;
import dlfs.monitor.TrainingDivergedException;

public class TrainerTest {
    /** Two well-separated Gaussian blobs per class in 6-D: a net must learn them. */
    public static NDArray[] blobs(int n, Rng rng) {
        NDArray x = rng.randn(n, 6);
        NDArray t = NDArray.zeros(n);
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(3);
            t.data()[i] = c;
            x.data()[i * 6 + c] += 3;
        }
        return new NDArray[]{x, t};
    }

    @Test
    void learnsAndRecordsHistoryLikeTheBook() {
        Rng rng = new Rng(7);
        NDArray[] tr = blobs(1000, rng), te = blobs(300, rng);
        TwoLayerNet net = new TwoLayerNet(6, 10, 3, 0.1, new Rng(1));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        History h = new Trainer(net, new SGD(0.1)).data(tr[0], tr[1], te[0], te[1])
                .iterations(500).batchSize(100).seed(42).out(new PrintStream(buf, true)).train();
        assertEquals(500, h.iterations());
        // iter_per_epoch = 1000 / 100 = 10; evaluated at i = 0, 10, ..., 490
        assertEquals(50, h.epochs());
        assertArrayEquals(new int[]{0, 10, 20}, java.util.Arrays.copyOf(h.epochIterations(), 3));
        assertTrue(h.finalTestAcc() > 0.9, "test accuracy " + h.finalTestAcc());
        double first = h.loss()[0], last = h.loss()[499];
        assertTrue(last < first / 3, first + " -> " + last);
        String printed = buf.toString();
        assertTrue(printed.contains("epoch 1/50  iter 1/500"), printed);
        assertTrue(printed.contains("epoch 50/50"), printed);
        var table = h.toTable();
        assertEquals(50, table.rowCount());
        assertEquals(java.util.List.of("epoch", "iteration", "loss", "train_acc", "test_acc"), table.columnNames());
        assertEquals(500, h.lossTable().rowCount());
    }

    @Test
    void sameSeedSameRun() {
        Rng rng = new Rng(7);
        NDArray[] tr = blobs(500, rng);
        double[][] losses = new double[2][];
        for (int r = 0; r < 2; r++) {
            TwoLayerNet net = new TwoLayerNet(6, 10, 3, 0.1, new Rng(1));
            losses[r] = new Trainer(net, new SGD(0.1)).data(tr[0], tr[1]).epochs(3).batchSize(50).seed(5).verbose(false).train().loss();
        }
        assertEquals(30, losses[0].length);
        assertArrayEquals(losses[0], losses[1]);
        // one-hot labels train exactly the same way
        TwoLayerNet net = new TwoLayerNet(6, 10, 3, 0.1, new Rng(1));
        double[] oneHot = new Trainer(net, new SGD(0.1)).data(tr[0], dlfs.data.Preprocess.oneHot(tr[1], 3)).epochs(3).batchSize(50)
                .seed(5).verbose(false).train().loss();
        assertArrayEquals(losses[0], oneHot, 1e-12);
    }

    @Test
    void lossFromGradientSkipsTheSecondForwardPassAndTrainsIdentically() {
        Rng rng = new Rng(7);
        NDArray[] tr = blobs(500, rng);
        TwoLayerNet a = new TwoLayerNet(6, 10, 3, 0.1, new Rng(1)), b = new TwoLayerNet(6, 10, 3, 0.1, new Rng(1));
        History ha = new Trainer(a, new SGD(0.1)).data(tr[0], tr[1]).iterations(40).batchSize(50).seed(5).verbose(false).train();
        History hb = new Trainer(b, new SGD(0.1)).data(tr[0], tr[1]).iterations(40).batchSize(50).seed(5).verbose(false)
                .lossFromGradient(true).train();
        assertTrue(a.params().get("W1").allclose(b.params().get("W1"), 0, 0));
        // the recorded loss is the one before the first update, on the first mini-batch
        int[] first = new Rng(5).choice(500, 50);
        double before = new TwoLayerNet(6, 10, 3, 0.1, new Rng(1)).loss(tr[0].rows(first), tr[1].rows(first));
        assertEquals(before, hb.loss()[0], 1e-12);
        assertNotEquals(ha.loss()[0], hb.loss()[0]);
    }

    @Test
    void explodingLearningRateStopsWithAClearMessage() {
        Rng rng = new Rng(7);
        NDArray[] tr = blobs(500, rng);
        NDArray x = tr[0].mul(1000);  // huge inputs and a huge learning rate: the weights explode
        TwoLayerNet net = new TwoLayerNet(6, 10, 3, 1.0, new Rng(1));
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () ->
                new Trainer(net, new SGD(1e6)).data(x, tr[1]).iterations(1000).batchSize(50).seed(1).verbose(false).train());
        assertTrue(e.getMessage().matches("(?s)the weights exploded: max \\|w\\| = \\S+ in W\\d, more than 1000× the start.* at iteration 0 "
                + "\\(epoch 1 of 100\\) with SGD\\(lr=1000000.0\\) \\(learning rate 1e6\\)\\. Training diverged\\..*"), e.getMessage());
        assertTrue(e.getMessage().contains("Try a learning rate 10× smaller, e.g. 1e5") && e.getMessage().contains("batch size"), e.getMessage());
        assertEquals(e.iteration(), e.history().iterations());
    }

    @Test
    void badInputIsNamed() {
        TwoLayerNet net = new TwoLayerNet(6, 10, 3, 0.1, new Rng(1));
        SGD sgd = new SGD(0.1);
        NDArray x = NDArray.zeros(10, 6);
        ShapeException rows = assertThrows(ShapeException.class, () ->
                new Trainer(net, sgd).data(x, NDArray.zeros(9)).verbose(false).train());
        assertTrue(rows.getMessage().contains("xTrain has 10 rows") && rows.getMessage().contains("tTrain has 9"), rows.getMessage());
        ShapeException width = assertThrows(ShapeException.class, () ->
                new Trainer(net, sgd).data(NDArray.zeros(10, 7), NDArray.zeros(10)).verbose(false).train());
        assertTrue(width.getMessage().contains("xTrain (10, 7)") && width.getMessage().contains("(6, 10)"), width.getMessage());
        NDArray t = NDArray.zeros(10);
        t.data()[4] = 3;
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class, () ->
                new Trainer(net, sgd).data(x, t).verbose(false).train());
        assertTrue(label.getMessage().contains("tTrain") && label.getMessage().contains("label 3 at row 4"), label.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Trainer(net, sgd).batchSize(0));
        assertThrows(IllegalArgumentException.class, () -> new SGD(Double.NaN));
    }
}
