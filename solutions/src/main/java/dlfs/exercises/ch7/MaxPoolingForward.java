package dlfs.exercises.ch7;

import dlfs.nd.NDArray;

/** Solution of exercise ch7 — max pooling forward, window by window. */
public final class MaxPoolingForward {
    private final int poolH, poolW, stride, pad;

    public MaxPoolingForward(int poolH, int poolW, int stride, int pad) {
        this.poolH = poolH;
        this.poolW = poolW;
        this.stride = stride;
        this.pad = pad;
    }

    public NDArray forward(NDArray x) {
        int n = x.shape(0), c = x.shape(1), h = x.shape(2), w = x.shape(3);
        int oh = (h + 2 * pad - poolH) / stride + 1, ow = (w + 2 * pad - poolW) / stride + 1;
        NDArray y = NDArray.zeros(n, c, oh, ow);
        for (int in = 0; in < n; in++)
            for (int ch = 0; ch < c; ch++)
                for (int i = 0; i < oh; i++)
                    for (int j = 0; j < ow; j++) {
                        double best = Double.NEGATIVE_INFINITY;
                        for (int u = 0; u < poolH; u++)
                            for (int v = 0; v < poolW; v++) {
                                int r = i * stride + u - pad, s = j * stride + v - pad;
                                if (r >= 0 && r < h && s >= 0 && s < w) best = Math.max(best, x.get(in, ch, r, s));
                            }
                        y.set(best, in, ch, i, j);
                    }
        return y;
    }
}
