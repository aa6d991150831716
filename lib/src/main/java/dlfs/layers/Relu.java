package dlfs.layers;

import dlfs.nd.NDArray;

/**
 * ReLU layer of ch5: {@code y = x (x > 0), 0 (x ≤ 0)}; {@code ∂y/∂x = 1 (x > 0), 0 (x ≤ 0)}, so
 * backward lets dout through where the input was positive and stops it elsewhere (the mask).
 */
public final class Relu implements Layer {
    private boolean[] mask; // true where x <= 0

    @Override
    public NDArray forward(NDArray x) {
        if (x.isFloat32()) {
            float[] in = x.floatData(), out = new float[in.length];
            if (mask == null || mask.length != in.length) mask = new boolean[in.length];
            for (int i = 0; i < in.length; i++) {
                boolean off = in[i] <= 0;
                mask[i] = off;
                if (!off) out[i] = in[i];
            }
            return NDArray.of(out, x.shape());
        }
        double[] in = x.data();
        double[] out = new double[in.length];
        if (mask == null || mask.length != in.length) mask = new boolean[in.length]; // every entry is written below
        for (int i = 0; i < in.length; i++) {
            boolean off = in[i] <= 0;
            mask[i] = off;
            if (!off) out[i] = in[i];
        }
        return NDArray.of(out, x.shape());
    }

    @Override
    public NDArray backward(NDArray dout) {
        if (mask == null) throw new IllegalStateException("Relu: backward before forward");
        if (dout.size() != mask.length)
            throw new dlfs.nd.ShapeException("Relu: backward got dout " + dout.shapeString() + " but forward saw "
                    + mask.length + " elements");
        if (dout.isFloat32()) {
            float[] d = dout.floatData(), dx = new float[d.length];
            for (int i = 0; i < d.length; i++) if (!mask[i]) dx[i] = d[i];
            return NDArray.of(dx, dout.shape());
        }
        double[] d = dout.data();
        double[] dx = new double[d.length];
        for (int i = 0; i < d.length; i++) if (!mask[i]) dx[i] = d[i];
        return NDArray.of(dx, dout.shape());
    }
}
