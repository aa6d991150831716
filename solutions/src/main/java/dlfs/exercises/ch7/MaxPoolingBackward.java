package dlfs.exercises.ch7;

import dlfs.layers.Layer;
import dlfs.nd.NDArray;

import java.util.Arrays;

/** Solution of exercise ch7 — max pooling that remembers where each maximum was and routes dout there. */
public final class MaxPoolingBackward implements Layer {
    private final int poolH, poolW, stride, pad;
    private int[] xShape, outShape, argMax;

    public MaxPoolingBackward(int poolH, int poolW, int stride, int pad) {
        this.poolH = poolH;
        this.poolW = poolW;
        this.stride = stride;
        this.pad = pad;
    }

    @Override
    public NDArray forward(NDArray x) {
        int n = x.shape(0), c = x.shape(1), h = x.shape(2), w = x.shape(3);
        int oh = (h + 2 * pad - poolH) / stride + 1, ow = (w + 2 * pad - poolW) / stride + 1;
        double[] in = x.data(), out = new double[n * c * oh * ow];
        argMax = new int[out.length];
        int o = 0;
        for (int plane = 0; plane < n * c; plane++)
            for (int i = 0; i < oh; i++)
                for (int j = 0; j < ow; j++, o++) {
                    int best = -1;
                    for (int u = 0; u < poolH; u++)
                        for (int v = 0; v < poolW; v++) {
                            int r = i * stride + u - pad, s = j * stride + v - pad;
                            if (r < 0 || r >= h || s < 0 || s >= w) continue;
                            int at = (plane * h + r) * w + s;
                            if (best < 0 || in[at] > in[best]) best = at;
                        }
                    argMax[o] = best;
                    out[o] = in[best];
                }
        xShape = x.shape();
        outShape = new int[]{n, c, oh, ow};
        return NDArray.of(out, outShape.clone());
    }

    @Override
    public NDArray backward(NDArray dout) {
        if (!Arrays.equals(dout.shape(), outShape))
            throw new IllegalArgumentException("pooling backward: dout " + dout.shapeString() + " is not the forward output's shape " + Arrays.toString(outShape));
        double[] dx = new double[xShape[0] * xShape[1] * xShape[2] * xShape[3]], d = dout.data();
        for (int o = 0; o < d.length; o++) dx[argMax[o]] += d[o];
        return NDArray.of(dx, xShape.clone());
    }
}
