package dlfs.exercises.seeds;

import dlfs.functions.Activations;
import dlfs.functions.Labels;
import dlfs.nd.NDArray;
import dlfs.nd.ShapeException;

/** Solution of exercise seed 003 — one softmax-regression step: P − Y gives dW and db, updated in place. */
public final class SoftmaxRegressionStep {
    private SoftmaxRegressionStep() {
    }

    public static double step(NDArray W, NDArray b, NDArray x, NDArray t, double lr) {
        if (x.ndim() != 2 || x.shape(1) != W.shape(1))
            throw new ShapeException("SoftmaxRegressionStep: x " + x.shapeString() + " must be (N, " + W.shape(1)
                    + ") to match W " + W.shapeString());
        int n = x.shape(0), k = W.shape(0);
        NDArray y = Labels.oneHot("SoftmaxRegressionStep", t, n, k);
        NDArray z = x.dott(W).addi(b.reshape(1, k));
        NDArray p = Activations.softmax(z).clip(1e-10, 1.0);
        double loss = -y.mul(p.log()).sum() / n;
        NDArray dz = p.subi(y);
        W.axpyi(-lr, dz.tdot(x).divi(n));
        b.axpyi(-lr, dz.sum(0).reshape(k, 1).divi(n));
        return loss;
    }
}
