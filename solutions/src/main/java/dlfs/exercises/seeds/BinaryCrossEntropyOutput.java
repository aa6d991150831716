package dlfs.exercises.seeds;

import dlfs.functions.Activations;
import dlfs.functions.Labels;
import dlfs.layers.LossLayer;
import dlfs.nd.NDArray;
import dlfs.nd.ShapeException;

/** Solution of exercise seed 002 — sigmoid output with binary cross-entropy; ∂L/∂a = (y − t)/N; the two init scales. */
public final class BinaryCrossEntropyOutput implements LossLayer {
    private static final double DELTA = 1e-7;
    private NDArray y, t;

    @Override
    public double forward(NDArray a, NDArray t) {
        if (a.ndim() != 2) throw new ShapeException("BinaryCrossEntropyOutput: scores must be (N, K), got " + a.shapeString());
        int n = a.shape(0);
        this.t = Labels.oneHot("BinaryCrossEntropyOutput", t, n, a.shape(1));
        this.y = Activations.sigmoid(a);
        double[] yd = y.data(), td = this.t.data();
        double s = 0;
        for (int i = 0; i < yd.length; i++) s += td[i] * Math.log(yd[i] + DELTA) + (1 - td[i]) * Math.log(1 - yd[i] + DELTA);
        return -s / n;
    }

    @Override
    public NDArray backward(double dout) {
        return y.sub(t).muli(dout / y.shape(0));
    }

    @Override
    public NDArray output() {
        return y;
    }

    public static double kaimingFanSumStd(int fanIn, int fanOut) {
        return Math.sqrt(2.0 / (fanIn + fanOut));
    }

    public static double heStd(int fanIn) {
        return Math.sqrt(2.0 / fanIn);
    }
}
