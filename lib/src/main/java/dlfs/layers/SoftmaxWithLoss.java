package dlfs.layers;

import dlfs.functions.Activations;
import dlfs.functions.Labels;
import dlfs.functions.Losses;
import dlfs.nd.NDArray;

/**
 * Softmax-with-Loss layer of ch5: forward {@code y = softmax(x)}, {@code L = cross_entropy(y, t)}
 * (averaged over the batch); backward gives the famously clean {@code ∂L/∂x = (y − t) / N}: the
 * difference between prediction and truth, divided by the batch size so that each sample's error
 * is passed on. t may be class labels (N) or one-hot (N, classes).
 */
public final class SoftmaxWithLoss implements LossLayer {
    private NDArray y;
    private int[] labels;
    private double loss;

    @Override
    public double forward(NDArray x, NDArray t) {
        NDArray x2 = x.ndim() == 1 ? x.reshape(1, x.size()) : x;
        if (x2.ndim() != 2) throw new dlfs.nd.ShapeException("SoftmaxWithLoss: scores must be (N, classes), got " + x.shapeString());
        labels = Labels.check("SoftmaxWithLoss", t.ndim() == 1 && x.ndim() == 1 && t.size() == x.size() ? t.reshape(1, t.size()) : t,
                x2.shape(0), x2.shape(1));
        y = Activations.softmax(x2);
        double[] yd = y.data();
        int k = x2.shape(1);
        double s = 0;
        for (int i = 0; i < labels.length; i++) s += Math.log(yd[i * k + labels[i]] + Losses.DELTA);
        loss = -s / labels.length;
        return loss;
    }

    @Override
    public NDArray backward(double dout) {
        if (y == null) throw new IllegalStateException("SoftmaxWithLoss: backward before forward");
        int n = labels.length, k = y.shape(1);
        double[] dx = y.data().clone();
        for (int i = 0; i < n; i++) dx[i * k + labels[i]] -= 1;
        double scale = dout / n;
        for (int i = 0; i < dx.length; i++) dx[i] *= scale;
        return NDArray.of(dx, y.shape());
    }

    @Override
    public NDArray output() {
        return y;
    }

    /** The loss of the last forward. */
    public double loss() {
        return loss;
    }
}
