package dlfs.train;

import dlfs.layers.Affine;
import dlfs.layers.Layer;
import dlfs.layers.Relu;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nd.ShapeException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The one gradient check (ch5 5.7.3): its measures, its layer form, and that it catches a wrong backward. */
class GradientCheckTest {
    @Test
    void differenceMeasures() {
        GradientCheck.Difference d = GradientCheck.Difference.of(NDArray.of(1.0, 2.0, 10.5), NDArray.of(1.0, 2.5, 10.0));
        assertEquals(1.0 / 3, d.meanAbs(), 1e-15);
        assertEquals(0.5, d.maxAbs(), 0);
        assertEquals(0.05, d.relative(), 1e-15);           // 0.5 / max|n| = 0.5 / 10
        assertEquals(0.5, GradientCheck.Difference.of(NDArray.of(0.5), NDArray.of(0.0)).relative(), 0);   // small gradients: absolute
    }

    @Test
    void layerFormChecksTheInputAndEveryParameter() {
        Rng rng = new Rng(1);
        Affine affine = new Affine(rng.randn(4, 3), rng.randn(3));
        Map<String, GradientCheck.Difference> d = GradientCheck.check(affine, rng.randn(5, 4), rng.randn(5, 3));
        assertEquals(List.of("x", "W", "b"), List.copyOf(d.keySet()));
        assertTrue(GradientCheck.worst(d) < 1e-8, d.toString());
        assertEquals(0.0, GradientCheck.worst(Map.of()));
    }

    /** Relu with the sign of its backward wrong: the check must see it. */
    private static final class WrongRelu implements Layer {
        private final Relu relu = new Relu();

        @Override
        public NDArray forward(NDArray x) {
            return relu.forward(x);
        }

        @Override
        public NDArray backward(NDArray dout) {
            return relu.backward(dout).mul(-1.0);
        }
    }

    @Test
    void aWrongBackwardIsCaught() {
        Rng rng = new Rng(2);
        NDArray x = rng.randn(6, 5), r = rng.randn(6, 5);
        assertTrue(GradientCheck.worst(GradientCheck.check(new Relu(), x, r)) < 1e-8);
        GradientCheck.Difference d = GradientCheck.check(new WrongRelu(), x, r).get("x");
        assertTrue(d.relative() > 0.5 && d.meanAbs() > 0.1, d.toString());
    }

    @Test
    void missingOrMisshapenGradientsAreNamed() {
        NDArray w = NDArray.of(1.0, 2.0);
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> GradientCheck.check(() -> w.sum(), Map.of("W", w), Map.of("b", NDArray.zeros(2))));
        assertTrue(missing.getMessage().contains("no entry for 'W'") && missing.getMessage().contains("[b]"), missing.getMessage());
        ShapeException shape = assertThrows(ShapeException.class,
                () -> GradientCheck.check(() -> w.sum(), Map.of("W", w), Map.of("W", NDArray.zeros(3))));
        assertTrue(shape.getMessage().contains("'W' has shape (3,") && shape.getMessage().contains("(2,"), shape.getMessage());
        ShapeException r = assertThrows(ShapeException.class,
                () -> GradientCheck.check(new Relu(), NDArray.zeros(2, 3), NDArray.zeros(3, 2)));
        assertTrue(r.getMessage().contains("(3, 2)") && r.getMessage().contains("(2, 3)"), r.getMessage());
    }
}
