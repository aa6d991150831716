package dlfs.layers;

import dlfs.functions.Activations;
import dlfs.functions.Labels;
import dlfs.functions.Losses;
import dlfs.nd.NDArray;

/**
 * Softmax-with-Loss layer of ch5 (section 5.6.3, the book's {@code SoftmaxWithLoss}): forward
 * {@code y = softmax(x)}, {@code L = cross_entropy_error(y, t) = −Σ t log(y + 1e-7) / N} (ch4 eq. 4.3);
 * backward gives the famously clean {@code ∂L/∂x = (y − t) / N}: the difference between prediction
 * and truth, divided by the batch size so that each sample's error is passed on. t may be class
 * labels (N), one-hot rows (N, classes), or soft probability rows (N, classes) such as label-smoothed
 * targets: the same formulas, exactly as the book's {@code (self.y - self.t) / batch_size}. Rows that
 * are not probabilities (negative, or not summing to 1) are refused, naming the row.
 */
public final class SoftmaxWithLoss implements LossLayer {
    private NDArray y;
    private int[] labels;  // class labels, or null when t is soft
    private NDArray soft;  // the soft target rows (N, classes), or null
    private double loss;
    private dlfs.nd.Dtype inDtype = dlfs.nd.Dtype.FLOAT64;

    @Override
    public double forward(NDArray x, NDArray t) {
        inDtype = x.dtype();
        x = x.astype(dlfs.nd.Dtype.FLOAT64); // the scores are small (N, classes): softmax and loss in float64
        t = t.astype(dlfs.nd.Dtype.FLOAT64);
        NDArray x2 = x.ndim() == 1 ? x.reshape(1, x.size()) : x;
        if (x2.ndim() != 2) throw new dlfs.nd.ShapeException("SoftmaxWithLoss: scores must be (N, classes), got " + x.shapeString());
        NDArray t2 = t.ndim() == 1 && x.ndim() == 1 && t.size() == x.size() ? t.reshape(1, t.size()) : t;
        int n = x2.shape(0), k = x2.shape(1);
        labels = null;
        soft = null;
        if (Labels.isOneHot(t2, n, k)) {
            Labels.checkRows("SoftmaxWithLoss", t2, n, k);
            labels = Labels.oneHotLabels(t2, n, k);
            if (labels == null) soft = t2;
        } else {
            labels = Labels.check("SoftmaxWithLoss", t2, n, k);
        }
        y = Activations.softmax(x2);
        double[] yd = y.data();
        double s = 0;
        if (labels != null) {
            for (int i = 0; i < n; i++) s += Math.log(yd[i * k + labels[i]] + Losses.DELTA);
        } else {
            double[] td = soft.data();
            for (int i = 0; i < yd.length; i++) if (td[i] != 0) s += td[i] * Math.log(yd[i] + Losses.DELTA);
        }
        loss = -s / n;
        return loss;
    }

    @Override
    public NDArray backward(double dout) {
        if (y == null) throw new IllegalStateException("SoftmaxWithLoss: backward before forward");
        int n = y.shape(0), k = y.shape(1);
        double[] dx = y.data().clone();
        if (labels != null) {
            for (int i = 0; i < n; i++) dx[i * k + labels[i]] -= 1;
        } else {
            double[] td = soft.data();
            for (int i = 0; i < dx.length; i++) dx[i] -= td[i];
        }
        double scale = dout / n;
        for (int i = 0; i < dx.length; i++) dx[i] *= scale;
        return NDArray.of(dx, y.shape()).astype(inDtype); // the gradient in the scores' dtype
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
