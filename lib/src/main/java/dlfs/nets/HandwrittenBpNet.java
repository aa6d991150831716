package dlfs.nets;

import dlfs.functions.Activations;
import dlfs.functions.Labels;
import dlfs.functions.Losses;
import dlfs.layers.Layer;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nd.ShapeException;

import java.util.Map;

/**
 * The hand-written BP network of seed 000 ("BP神经网络"): two weight matrices, a sigmoid hidden
 * layer, a softmax output, no biases, with the seed's own variable names:
 * <pre>
 *   h = x @ w1,  sig_h = sigmoid(h),  p = sig_h @ w2,  pre = softmax(p)
 *   loss = −Σ label · log(pre) / batch
 *   G2     = ∂loss/∂p = (pre − label) / batch            (3×10 for a batch of 3)
 *   Δw2    = sig_hᵀ @ G2                                  (hidden×10)
 *   Δsig_h = G2 @ w2ᵀ
 *   Δh     = Δsig_h * sig_h * (1 − sig_h)                 (the sigmoid's derivative)
 *   Δw1    = xᵀ @ Δh                                      (784×hidden)
 * </pre>
 * (The seed's text also writes the loss as {@code label·log(pre) + (1 − label)·log(1 − pre)}, but
 * its {@code G2 = pre − label} is the gradient of softmax with cross-entropy, which is the loss
 * used here.) The softmax is the seed's plain {@code exp(p) / Σ exp(p)} ({@link Activations#softmaxNaive}),
 * so this net shows the seed's warning: "if batch is too big, the data will overflow (nan)";
 * "G2 = G2/batch_size ... 可以有效解决". Build it with {@code divideByBatch = false} to see the
 * undivided gradient blow up into NaN (the {@link dlfs.train.Trainer} then stops and says so).
 * Weights start Xavier-scaled (σ = 1/√fan_in, suited to the sigmoid hidden layer; the seed does
 * not state its initialisation).
 */
public final class HandwrittenBpNet implements Net {
    private final NDArray w1, w2;
    private final boolean divideByBatch;

    public HandwrittenBpNet(int inputSize, int hiddenSize, int outputSize, Rng rng) {
        this(inputSize, hiddenSize, outputSize, true, rng);
    }

    public HandwrittenBpNet(int inputSize, int hiddenSize, int outputSize, boolean divideByBatch, Rng rng) {
        this.w1 = Init.xavier(inputSize, hiddenSize, rng);
        this.w2 = Init.xavier(hiddenSize, outputSize, rng);
        this.divideByBatch = divideByBatch;
    }

    /** p = sigmoid(x @ w1) @ w2: the scores before the softmax. */
    @Override
    public NDArray predict(NDArray x) {
        check(x);
        NDArray h = x.matmul(w1);
        NDArray sigH = Activations.sigmoid(h);
        return sigH.matmul(w2);
    }

    @Override
    public double loss(NDArray x, NDArray t) {
        NDArray pre = Activations.softmaxNaive(predict(x));
        return Losses.crossEntropyError(pre, Labels.oneHot("HandwrittenBpNet", t, x.shape(0), w2.shape(1)));
    }

    @Override
    public Map<String, NDArray> gradient(NDArray x, NDArray t) {
        check(x);
        int batch = x.shape(0);
        NDArray label = Labels.oneHot("HandwrittenBpNet", t, batch, w2.shape(1));
        NDArray h = x.matmul(w1);
        NDArray sigH = Activations.sigmoid(h);
        NDArray p = sigH.matmul(w2);
        NDArray pre = Activations.softmaxNaive(p);
        NDArray G2 = pre.sub(label);
        if (divideByBatch) G2.divi(batch);
        NDArray dW2 = sigH.tdot(G2);                               // sig_h.T @ G2
        NDArray dSigH = G2.dott(w2);                               // G2 @ w2.T
        NDArray dH = dSigH.muli(sigH).muli(sigH.rsub(1));          // Δsig_h * sig_h * (1 − sig_h)
        NDArray dW1 = x.tdot(dH);                                  // x.T @ Δh
        return Layer.pair("w1", dW1, "w2", dW2);
    }

    @Override
    public Map<String, NDArray> params() {
        return Layer.pair("w1", w1, "w2", w2);
    }

    private void check(NDArray x) {
        if (x.ndim() != 2 || x.shape(1) != w1.shape(0))
            throw new ShapeException("HandwrittenBpNet: input " + x.shapeString() + " must be (batch, " + w1.shape(0)
                    + ") to match w1 " + w1.shapeString());
    }
}
