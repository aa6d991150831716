package dlfs.exercises.ch6;

import dlfs.exercises.Check;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Dropout is graded by what any correct implementation does, not by the order in which it draws
 * its random numbers: each value is kept unchanged or dropped to 0, about a fraction ratio is
 * dropped (for several ratios and seeds, in every part of the input), the mask is fresh on every
 * forward and the same for the same seed, backward passes dout exactly where forward kept a value
 * and 0 elsewhere (the mask is read off forward's output), and inference scales by 1 − ratio.
 */
@Exercise(value = DropoutLayer.class, title = "ch6 Dropout forward/backward",
        replaces = "dlfs.layers.Dropout")
class DropoutLayerTest {
    /** Which values forward kept (1) or dropped (0), checking that each is x's value or exactly 0. */
    private static boolean[] keptOrDropped(java.lang.String what, NDArray x, NDArray y) {
        Check.shape(what, y, x.shape());
        double[] xs = x.data(), ys = y.data();
        boolean[] kept = new boolean[xs.length];
        for (int i = 0; i < xs.length; i++) {
            if (ys[i] == xs[i]) kept[i] = true;
            else if (ys[i] != 0)
                fail(what + ": at " + i + " (flat) expected " + xs[i] + " (kept) or 0 (dropped), got " + ys[i]);
        }
        return kept;
    }

    private static double fractionDropped(boolean[] kept, int from, int to) {
        int dropped = 0;
        for (int i = from; i < to; i++) if (!kept[i]) dropped++;
        return (double) dropped / (to - from);
    }

    @Test
    @Points(2)
    void trainingKeepsOrDropsEachValueAndBackwardUsesTheSameMask() {
        NDArray x = Check.randn(191, 20, 30).add(5);   // no input is 0, so a kept value is told from a dropped one
        NDArray before = x.copy();
        DropoutLayer mine = new DropoutLayer(0.3, new Rng(193));
        for (int call = 1; call <= 2; call++) {
            NDArray dout = Check.randn(191 + call, 20, 30);
            NDArray doutBefore = dout.copy();
            java.lang.String what = "DropoutLayer.forward(x, true), call " + call;
            boolean[] kept = keptOrDropped(what, x, mine.forward(x, true));
            Check.unchanged(what, before, x);
            NDArray dx = mine.backward(dout);
            Check.unchanged("DropoutLayer.backward(dout), call " + call, doutBefore, dout);
            double[] expected = new double[kept.length];
            for (int i = 0; i < kept.length; i++) expected[i] = kept[i] ? dout.data()[i] : 0;
            Check.close("DropoutLayer.backward(dout), call " + call + ": dout where forward kept the value, 0 where it dropped it",
                    NDArray.of(expected, 20, 30), dx, 0, 0);
        }
    }

    @Test
    @Points(1)
    void theMaskIsRandomFreshOnEveryForwardAndTheSameForTheSameSeed() {
        NDArray x = NDArray.ones(40, 50);
        DropoutLayer a = new DropoutLayer(0.5, new Rng(201));
        boolean[] first = keptOrDropped("forward(x, true), call 1", x, a.forward(x, true));
        boolean[] second = keptOrDropped("forward(x, true), call 2", x, a.forward(x, true));
        if (java.util.Arrays.equals(first, second))
            fail("DropoutLayer.forward(x, true) dropped the same neurons on two calls: draw a new mask on every forward");
        boolean[] again = keptOrDropped("forward(x, true) with the same seed", x, new DropoutLayer(0.5, new Rng(201)).forward(x, true));
        if (!java.util.Arrays.equals(first, again))
            fail("two DropoutLayers with Rng(201) dropped different neurons: draw the mask from the layer's Rng only");
        boolean[] other = keptOrDropped("forward(x, true) with another seed", x, new DropoutLayer(0.5, new Rng(202)).forward(x, true));
        if (java.util.Arrays.equals(first, other))
            fail("Rng(201) and Rng(202) dropped the same neurons: the mask must come from the random numbers");
        // random everywhere: each quarter of the input loses about half (500 values each: 0.13 is about 6 standard deviations)
        for (int q = 0; q < 4; q++)
            Check.close("fraction dropped in quarter " + (q + 1) + " of a (40, 50) input with ratio 0.5", 0.5,
                    fractionDropped(first, q * 500, (q + 1) * 500), 0.13);
    }

    @Test
    @Points(2)
    void inferenceScalesByTheKeptFraction() {
        NDArray x = Check.randn(194, 3, 4);
        DropoutLayer mine = new DropoutLayer(0.25, new Rng(195));
        Check.close("DropoutLayer.forward(x, false) = x * (1 - 0.25)", x.mul(0.75), mine.forward(x, false));
    }

    @Test
    @Points(1)
    void dropsAboutTheRatio() {
        NDArray x = NDArray.ones(200, 500);
        double[] ratios = {0.4, 0.1, 0.7, 0.5};
        for (int k = 0; k < ratios.length; k++) {
            NDArray y = new DropoutLayer(ratios[k], new Rng(196 + k)).forward(x, true);
            assertNotNull(y, "DropoutLayer.forward(x, true) returned null");
            // 100 000 values: the standard deviation of the kept fraction is at most 0.0016
            Check.close("fraction of neurons kept with ratio " + ratios[k] + ", seed " + (196 + k), 1 - ratios[k], y.mean(), 0.01);
        }
    }
}
