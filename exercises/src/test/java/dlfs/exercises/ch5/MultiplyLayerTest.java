package dlfs.exercises.ch5;

import dlfs.exercises.Check;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.layers.MulLayer;
import dlfs.nd.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Exercise(value = MultiplyLayer.class, title = "ch5 multiplication node (buy apples)",
        replaces = "dlfs.layers.MulLayer")
class MultiplyLayerTest {
    @Test
    @Points(2)
    void buyApplesForward() {
        MultiplyLayer mulApple = new MultiplyLayer(), mulTax = new MultiplyLayer();
        double applePrice = mulApple.forward(100, 2);
        Check.close("price of 2 apples", 200, applePrice, 1e-12);
        Check.close("price with tax", 220, mulTax.forward(applePrice, 1.1), 1e-9);
    }

    @Test
    @Points(2)
    void buyApplesBackward() {
        MultiplyLayer mulApple = new MultiplyLayer(), mulTax = new MultiplyLayer();
        mulTax.forward(mulApple.forward(100, 2), 1.1);
        double[] dTax = mulTax.backward(1);
        assertEquals(2, dTax.length, "backward must return {dx, dy}");
        double[] dApple = mulApple.backward(dTax[0]);
        Check.close("∂price/∂apple", 2.2, dApple[0], 1e-9);
        Check.close("∂price/∂count", 110, dApple[1], 1e-9);
        Check.close("∂price/∂tax", 200, dTax[1], 1e-9);
    }

    @Test
    @Points(1)
    void matchesTheLibraryOnRandomValues() {
        Rng rng = new Rng(71);
        for (int i = 0; i < 5; i++) {
            double x = rng.nextGaussian(), y = rng.nextGaussian(), dout = rng.nextGaussian();
            MultiplyLayer mine = new MultiplyLayer();
            MulLayer ref = new MulLayer();
            Check.close("forward(" + x + ", " + y + ")", ref.forward(x, y), mine.forward(x, y), 1e-12);
            var r = ref.backward(dout);
            double[] m = mine.backward(dout);
            Check.close("backward dx", r.dx(), m[0], 1e-12);
            Check.close("backward dy", r.dy(), m[1], 1e-12);
        }
    }
}
