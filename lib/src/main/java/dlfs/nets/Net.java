package dlfs.nets;

import dlfs.gradient.Differentiable;
import dlfs.nd.NDArray;
import dlfs.param.Parameter;

import java.util.List;
import java.util.Map;

/**
 * What every trainable network of the book offers (ch4–ch7): a prediction, a loss, gradients of
 * the loss with respect to each parameter by name, and accuracy. A {@code dlfs.train.Trainer}
 * trains any {@code Net} with any {@code dlfs.optim.Optimizer}.
 */
public interface Net extends Differentiable {
    /** Scores before the output activation, shape (N, classes), in inference mode. */
    NDArray predict(NDArray x);

    /** The loss on a batch (training mode), with labels {@code t} as class indices (N) or one-hot (N, classes). */
    @Override
    double loss(NDArray x, NDArray t);

    /** ∂loss/∂param for each parameter, by the same names as {@link #params()}. */
    Map<String, NDArray> gradient(NDArray x, NDArray t);

    /**
     * The loss that the last {@link #gradient} call computed in its forward pass (before any
     * update), or NaN if this net does not keep it. Lets a training loop record the loss without
     * a second forward pass.
     */
    default double lastLoss() {
        return Double.NaN;
    }

    /**
     * The regularisation term included in the last loss this net computed (the weight decay
     * ½λΣ‖W‖² of ch6, "权值衰减"), 0 for nets without one. The training loop's divergence check
     * subtracts it to judge the data loss (the cross-entropy) alone.
     */
    default double lastPenalty() {
        return 0;
    }

    /** The parameters by name, as the live arrays an optimizer updates. */
    @Override
    Map<String, NDArray> params();

    /**
     * The parameters as typed {@link Parameter}s, in the order of {@link #params()}, over the same
     * live arrays; a training loop sets their gradients from {@link #gradient} and steps them
     * ({@code Optimizer.step}). The flag {@link Parameter#decay} says where weight decay applies:
     * nets with weight decay set it (SequentialNet: the weights of Affine and Convolution layers);
     * by default no parameter has it. The list is the same from call to call where a net keeps one
     * (SequentialNet), else new each call.
     */
    default List<Parameter> parameters() {
        return Parameter.fromMap(params());
    }

    /** Rows predicted at a time by {@link #accuracy(NDArray, NDArray)}, as the book's {@code accuracy(x, t, batch_size=100)} does for CNNs. */
    int ACCURACY_CHUNK = 1000;

    /**
     * The fraction of rows whose highest score is the true class. Predicts {@link #ACCURACY_CHUNK}
     * rows at a time, so scoring 60,000 images never holds every hidden activation at once.
     */
    default double accuracy(NDArray x, NDArray t) {
        if (x.shape(0) != t.shape(0))
            throw new dlfs.nd.ShapeException("accuracy: x " + x.shapeString() + " and labels " + t.shapeString()
                    + " have different batch sizes");
        int n = x.shape(0), correct = 0;
        for (int from = 0; from < n; from += ACCURACY_CHUNK) {
            int to = Math.min(n, from + ACCURACY_CHUNK);
            boolean whole = from == 0 && to == n; // no copy when one chunk holds everything
            correct += correct(predict(whole ? x : x.slice(from, to)), whole ? t : t.slice(from, to));
        }
        return n == 0 ? 0 : (double) correct / n;
    }

    /** How many rows of scores (N, classes) have their highest score at the label: t is labels (N) or one-hot (N, classes). */
    static int correct(NDArray scores, NDArray t) {
        double[] y = scores.argmax(1).data();
        double[] labels = t.ndim() == 2 ? t.argmax(1).data() : t.data();
        int correct = 0;
        for (int i = 0; i < y.length; i++) if (y[i] == labels[i]) correct++;
        return correct;
    }
}
