package dlfs.exercises.ch5;

import dlfs.exercises.Check;
import dlfs.exercises.LayerChecks;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.layers.Affine;
import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;

@Exercise(value = AffineLayer.class, title = "ch5 Affine layer forward/backward",
        replaces = "dlfs.layers.Affine")
class AffineLayerTest {
    private static NDArray w() {
        return Check.randn(101, 6, 4);
    }

    private static NDArray b() {
        return Check.randn(102, 4);
    }

    @Test
    @Points(2)
    void forwardMatchesTheLibrary() {
        NDArray x = Check.randn(103, 5, 6);
        Check.close("AffineLayer.forward(x), x (5, 6), W (6, 4)", new Affine(w(), b()).forward(x), new AffineLayer(w(), b()).forward(x));
    }

    @Test
    @Points(3)
    void backwardMatchesTheLibrary() {
        NDArray x = Check.randn(104, 5, 6);
        NDArray dout = Check.randn(105, 5, 4);
        Affine ref = new Affine(w(), b());
        ref.forward(x);
        NDArray dxRef = ref.backward(dout);
        AffineLayer mine = new AffineLayer(w(), b());
        mine.forward(x);
        Check.close("AffineLayer.backward(dout) = dx, x (5, 6)", dxRef, mine.backward(dout));
        assertNotNull(mine.grads(), "grads() returned null");
        Check.close("grads().get(\"W\") = dW (6, 4)", ref.dW(), mine.grads().get("W"));
        Check.close("grads().get(\"b\") = db (4,)", ref.db(), mine.grads().get("b"));
    }

    @Test
    @Points(2)
    void oneSampleBatch() {
        NDArray x = Check.randn(106, 1, 6);
        NDArray dout = Check.randn(107, 1, 4);
        Affine ref = new Affine(w(), b());
        AffineLayer mine = new AffineLayer(w(), b());
        Check.close("AffineLayer.forward(x), x (1, 6)", ref.forward(x), mine.forward(x));
        Check.close("AffineLayer.backward(dout), dout (1, 4)", ref.backward(dout), mine.backward(dout));
        Check.close("db of a one-sample batch", ref.db(), mine.grads().get("b"));
    }

    @Test
    @Points(2)
    void imageInputIsFlattenedAndRestored() {
        NDArray x = Check.randn(108, 2, 3, 1, 2);   // (N, C, H, W) with C·H·W = 6
        NDArray dout = Check.randn(109, 2, 4);
        Affine ref = new Affine(w(), b());
        AffineLayer mine = new AffineLayer(w(), b());
        Check.close("AffineLayer.forward(x), x (2, 3, 1, 2)", ref.forward(x), mine.forward(x));
        Check.close("AffineLayer.backward(dout): dx has x's shape (2, 3, 1, 2)", ref.backward(dout), mine.backward(dout));
    }

    @Test
    @Points(3)
    void gradientCheck() {
        NDArray x = Check.randn(110, 3, 6);
        NDArray r = Check.randn(111, 3, 4);
        NDArray W = w(), bb = b();
        AffineLayer mine = new AffineLayer(W, bb);
        mine.forward(x);
        NDArray dx = mine.backward(r);
        NDArray dW = mine.grads().get("W"), db = mine.grads().get("b");
        Affine probe = new Affine(W, bb);   // the reference forward, so the numerical gradient is the true one
        Check.close("dx vs numerical gradient", LayerChecks.numericalInputGradient(probe, x, r), dx, 1e-5, 1e-7);
        Check.close("dW vs numerical gradient", LayerChecks.numericalParamGradient(probe, x, r, W), dW, 1e-5, 1e-7);
        Check.close("db vs numerical gradient", LayerChecks.numericalParamGradient(probe, x, r, bb), db, 1e-5, 1e-7);
    }
}
