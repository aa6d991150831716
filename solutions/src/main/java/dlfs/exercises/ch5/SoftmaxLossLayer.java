package dlfs.exercises.ch5;

import dlfs.functions.Activations;
import dlfs.functions.Losses;
import dlfs.layers.LossLayer;
import dlfs.nd.NDArray;

/** Solution of exercise ch5 — Softmax-with-Loss: L = CE(softmax(x), t); dx = dout·(y − t)/N. */
public final class SoftmaxLossLayer implements LossLayer {
    private NDArray y, t;

    @Override
    public double forward(NDArray x, NDArray t) {
        this.t = t;
        this.y = Activations.softmax(x);
        return Losses.crossEntropyError(y, t);
    }

    @Override
    public NDArray backward(double dout) {
        int n = y.shape(0);
        NDArray dx = y.copy();
        if (t.ndim() == 2 && t.size() == y.size()) dx.subi(t);
        else for (int i = 0; i < n; i++) dx.set(dx.get(i, (int) t.get(i)) - 1, i, (int) t.get(i));
        return dx.muli(dout / n);
    }

    @Override
    public NDArray output() {
        return y;
    }
}
