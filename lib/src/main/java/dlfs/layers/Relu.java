package dlfs.layers;

import dlfs.nd.NDArray;
import dlfs.nd.Parallel;
import dlfs.nd.ShapeException;

/**
 * ReLU layer of ch5 (5.5.1), equations (5.7) and (5.8): {@code y = x (x > 0), 0 (x ≤ 0)};
 * {@code ∂y/∂x = 1 (x > 0), 0 (x ≤ 0)}, so backward lets dout through where the input was positive
 * and stops it elsewhere. The book's code, and this layer's:
 * <pre>
 *   self.mask = (x &lt;= 0)                  keep = (y != 0), one byte per value
 *   out = x.copy(); out[self.mask] = 0     y = max(x, 0)
 *   dout[self.mask] = 0; dx = dout         dx = dout where keep, else 0
 * </pre>
 * The same values to the bit: max(x, 0) is +0 exactly where x ≤ 0 (−0 included) and keeps a NaN,
 * which x ≤ 0 does not mask either. The mask is taken from y, in a form the JIT turns into vector
 * instructions (no branch per value: a layer's inputs are half positive at random); y itself may
 * be changed by the caller afterwards, the mask is the layer's own. A large batch is split over the
 * cores ({@link Parallel}).
 * <p>{@code new Relu()} changes neither x nor dout: the caller may still need them.
 * {@link #inPlace()} is the layer a net builds when it owns both arrays (a convolution's or an
 * Affine's fresh output, the next layer's fresh dout): in training it overwrites x with y, as
 * PyTorch's {@code ReLU(inplace=True)}, and dout with dx, as the book's backward above does. That
 * saves a batch-sized array each way (6.9 MB per float32 batch after ch7's convolution, each
 * zeroed when allocated and written once more). In inference ({@code forward(x, false)}: predict,
 * the feature maps of {@code activations}) it copies, so each layer's output stays as it was.
 */
public final class Relu implements Layer {
    /** All bits set where the forward input was positive (or NaN), zero where it was ≤ 0. */
    private byte[] keep;
    private int[] shape;
    private final boolean inPlace;

    /** The ReLU of the book: forward returns a new array, backward too. */
    public Relu() {
        this(false);
    }

    private Relu(boolean inPlace) {
        this.inPlace = inPlace;
    }

    /**
     * A ReLU whose training forward writes y over x and whose backward writes dx over dout (see the
     * class comment): for a net whose previous layer hands it a fresh array, never for a net's input.
     */
    public static Relu inPlace() {
        return new Relu(true);
    }

    /** Whether this layer overwrites its input in training and dout in backward ({@link #inPlace()}). */
    public boolean isInPlace() {
        return inPlace;
    }

    @Override
    public NDArray forward(NDArray x) {
        return forward(x, true);
    }

    @Override
    public NDArray forward(NDArray x, boolean train) {
        NDArray y = inPlace && train ? x : NDArray.zeros(x.dtype(), x.shape());
        if (keep == null || keep.length != x.size()) keep = new byte[x.size()];
        shape = x.shape();
        byte[] k = keep;
        if (x.isFloat32()) {
            float[] in = x.floatData(), out = y.floatData();
            Parallel.forRange(in.length, in.length, (from, to) -> {
                for (int i = from; i < to; i++) out[i] = Math.max(in[i], 0f);
                for (int i = from; i < to; i++) {
                    int bits = Float.floatToRawIntBits(out[i]);
                    k[i] = (byte) ((bits | -bits) >> 31);    // -1 unless out[i] is +0
                }
            });
        } else {
            double[] in = x.data(), out = y.data();
            Parallel.forRange(in.length, in.length, (from, to) -> {
                for (int i = from; i < to; i++) out[i] = Math.max(in[i], 0.0);
                for (int i = from; i < to; i++) {
                    long bits = Double.doubleToRawLongBits(out[i]);
                    k[i] = (byte) ((bits | -bits) >> 63);
                }
            });
        }
        return y;
    }

    @Override
    public NDArray backward(NDArray dout) {
        if (keep == null) throw new IllegalStateException("Relu: backward before forward");
        if (dout.size() != keep.length)
            throw new ShapeException("Relu: backward got dout " + dout.shapeString() + " but forward saw " + ShapeException.fmt(shape));
        NDArray dx = inPlace ? dout : NDArray.zeros(dout.dtype(), dout.shape());
        byte[] k = keep;
        if (dout.isFloat32()) {
            float[] d = dout.floatData(), out = dx.floatData();
            Parallel.forRange(d.length, d.length, (from, to) -> {
                for (int i = from; i < to; i++) out[i] = Float.intBitsToFloat(Float.floatToRawIntBits(d[i]) & k[i]);
            });
        } else {
            double[] d = dout.data(), out = dx.data();
            Parallel.forRange(d.length, d.length, (from, to) -> {
                for (int i = from; i < to; i++) out[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(d[i]) & k[i]);
            });
        }
        return dx;
    }
}
