package dlfs.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nets.MultiLayerNet;
import dlfs.optim.SGD;

/** One bar per run, redrawn at most twice a second and once at the end, in whichever sink is installed. */
class ProgressTest {
    @Test
    void redrawsAtMostTwiceASecondAndOnceAtTheEnd() throws Exception {
        List<Progress.Status> shown = new ArrayList<>();
        Progress p = Progress.start("run", 1_000_000, 0, shown::add);
        long t0 = System.nanoTime();
        long i = 0;
        while (System.nanoTime() - t0 < 1_200_000_000L) {
            p.iteration(++i, 0.5);
        }
        p.finish();
        // the first iteration, then one per 0.5 s (two in 1.2 s), then the end
        assertTrue(shown.size() >= 3 && shown.size() <= 4, shown.size() + " redraws");
        assertEquals(1, shown.get(0).iteration());
        Progress.Status last = shown.get(shown.size() - 1);
        assertTrue(last.done());
        assertEquals(i, last.iteration());
        assertTrue(last.time().startsWith("done in 1."), last.time());
    }

    @Test
    void theTerminalBarIsOneLineRewrittenInPlace() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        Progress.Sink bar = Progress.terminal(out);
        bar.show(new Progress.Status("net", 250, 1000, 2, 4, 0.61234, 0.9, Double.NaN, 10, false, false));
        bar.show(new Progress.Status("net", 1000, 1000, 4, 4, 0.1, 0.95, 0.94, 40, true, false));
        String text = buf.toString(StandardCharsets.UTF_8);
        assertEquals("\rnet [#####---------------]  25%  epoch 2/4  iter 250/1000  loss 0.6123  train 0.9000  30.0 s left"
                + "\rnet [####################] 100%  epoch 4/4  iter 1000/1000  loss 0.1000  train 0.9500 test 0.9400  done in 40.0 s"
                + "\n", text);
    }

    @Test
    void everyTrainingLoopDrawsThroughTheInstalledSink() {
        List<Progress.Status> shown = new ArrayList<>();
        Progress.install(() -> shown::add);
        try {
            Rng rng = new Rng(3);
            NDArray x = NDArray.rand(200, 4), t = NDArray.zeros(200);
            var net = new MultiLayerNet(4, new int[] {5}, 2, new Rng(1));
            new Trainer(net, new SGD(0.1)).data(x, t).iterations(30).batchSize(20).rng(rng).evaluate(false).train();
            assertTrue(shown.get(shown.size() - 1).done() && shown.get(shown.size() - 1).iteration() == 30, shown.toString());
            shown.clear();
            new Trainer(net, new SGD(0.1)).data(x, t).iterations(30).batchSize(20).seed(1).train();
            Progress.Status end = shown.get(shown.size() - 1);
            assertTrue(end.done() && end.iteration() == 30 && end.epochs() == 3 && end.epoch() == 3, end.toString());
            shown.clear();
            Thread.currentThread().interrupt();  // Kernel > Interrupt
            try {
                org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
                        () -> new Trainer(net, new SGD(0.1)).data(x, t).iterations(30).batchSize(20).rng(rng).train());
            } finally {
                Thread.interrupted();
            }
            Progress.Status stop = shown.get(shown.size() - 1);
            assertTrue(stop.done() && stop.stopped() && stop.time().startsWith("stopped after "), stop.toString());
        } finally {
            Progress.install(null);
        }
    }
}
