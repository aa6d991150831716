package dlfs.functions;

import dlfs.nd.NDArray;
import dlfs.nd.ShapeException;

/**
 * Activation functions of ch3 ("激活函数") and the softmax output of ch3.5, elementwise on any
 * shape (softmax: over the last axis, each row on its own, like the book's batch version).
 * <ul>
 *   <li>step: h(x) = 1 if x &gt; 0 else 0 (the perceptron's activation)</li>
 *   <li>sigmoid: h(x) = 1 / (1 + exp(−x))</li>
 *   <li>tanh: h(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ), symmetric about the origin</li>
 *   <li>ReLU: h(x) = max(0, x)</li>
 *   <li>identity: σ(x) = x (regression outputs)</li>
 *   <li>softmax: y_k = exp(a_k) / Σᵢ exp(a_i); the safe form subtracts C = max(a) first, which
 *       leaves the result unchanged but keeps exp from overflowing</li>
 * </ul>
 */
public final class Activations {
    private Activations() {
    }

    public static double step(double x) {
        return x > 0 ? 1 : 0;
    }

    public static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    public static double relu(double x) {
        return Math.max(0, x);
    }

    /** 1 where x &gt; 0, else 0 (the book's {@code (x > 0).astype(int)}). */
    public static NDArray step(NDArray x) {
        return x.gt(0);
    }

    public static NDArray sigmoid(NDArray x) {
        return x.map(Activations::sigmoid);
    }

    public static NDArray tanh(NDArray x) {
        return x.tanh();
    }

    public static NDArray relu(NDArray x) {
        return x.map(Activations::relu);
    }

    /** The identity function σ(x) = x; returns x itself, as the book's {@code identity_function}. */
    public static NDArray identity(NDArray x) {
        return x;
    }

    /**
     * The overflow-safe softmax over the last axis: {@code exp(a − max(a)) / Σ exp(a − max(a))}.
     * softmax([1010, 1000, 990]) = [9.99954600e-01, 4.53978686e-05, 2.06106005e-09].
     */
    public static NDArray softmax(NDArray a) {
        return softmax(a, true);
    }

    /**
     * The naive softmax {@code exp(a) / Σ exp(a)} as first written in ch3: exp(1010) overflows
     * to ∞, so softmaxNaive([1010, 1000, 990]) is [NaN, NaN, NaN]. Kept to show why the safe
     * form exists; never use it to train.
     */
    public static NDArray softmaxNaive(NDArray a) {
        return softmax(a, false);
    }

    private static NDArray softmax(NDArray a, boolean safe) {
        if (a.ndim() == 0) throw new ShapeException("softmax: needs at least 1 dimension, got a 0-D array");
        int k = a.shape(a.ndim() - 1);
        if (k == 0) throw new ShapeException("softmax: the last axis of " + a.shapeString() + " is empty");
        double[] in = a.data();
        double[] out = new double[in.length];
        for (int r = 0; r < in.length; r += k) {
            double c = 0;
            if (safe) {
                c = in[r];
                for (int j = 1; j < k; j++) c = Math.max(c, in[r + j]);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                double e = Math.exp(in[r + j] - c);
                out[r + j] = e;
                sum += e;
            }
            for (int j = 0; j < k; j++) out[r + j] /= sum;
        }
        return NDArray.of(out, a.shape());
    }
}
