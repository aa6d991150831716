package dlfs.layers;

import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nd.ShapeException;

/**
 * Dropout (ch6 6.4.3, "Dropout"; Srivastava et al. 2014): in training, each neuron is deleted with
 * probability {@code ratio} by a fresh random mask; in inference every neuron is kept and its
 * output scaled by {@code 1 − ratio}, so the net behaves like the average of all the thinned nets
 * it trained (the seed's comparison with ensemble learning):
 * <pre>
 *   train:     y = x ⊙ mask,  mask = (U(0,1) &gt; ratio)        backward: dx = dout ⊙ mask
 *   inference: y = x · (1 − ratio)
 * </pre>
 * This is the book's form, not the "inverted" dropout that scales in training instead.
 * {@link #fixMask(NDArray)} pins the mask, for gradient checks. The mask takes the input's dtype,
 * so a float32 batch stays float32 (0 and 1 are exact in both).
 */
public final class Dropout implements Layer {
    private final double ratio;
    private final Rng rng;
    private NDArray mask;
    private NDArray fixedMask;

    /** Dropout drawing its masks from the global {@link Rng}. */
    public Dropout(double ratio) {
        this(ratio, null);
    }

    /** Dropout drawing its masks from {@code rng} (null: the global generator at each call). */
    public Dropout(double ratio, Rng rng) {
        if (!(ratio >= 0 && ratio < 1)) throw new IllegalArgumentException("Dropout: ratio must be in [0, 1), got " + ratio);
        this.ratio = ratio;
        this.rng = rng;
    }

    public double ratio() {
        return ratio;
    }

    /** The mask of the last training forward (1 kept, 0 dropped). */
    public NDArray mask() {
        return mask;
    }

    /** Uses {@code mask} (of 0/1) for every training forward from now on; null returns to random masks. */
    public Dropout fixMask(NDArray mask) {
        this.fixedMask = mask;
        return this;
    }

    @Override
    public NDArray forward(NDArray x) {
        return forward(x, true);
    }

    @Override
    public NDArray forward(NDArray x, boolean train) {
        if (!train) return x.mul(1.0 - ratio);
        if (fixedMask != null) {
            if (!java.util.Arrays.equals(fixedMask.shape(), x.shape()))
                throw new ShapeException("Dropout: fixed mask " + fixedMask.shapeString() + " does not match input " + x.shapeString());
            mask = fixedMask.astype(x.dtype());
        } else {
            mask = (rng != null ? rng : Rng.global()).rand(x.shape()).mapi(u -> u > ratio ? 1 : 0).astype(x.dtype());
        }
        return x.mul(mask);
    }

    @Override
    public NDArray backward(NDArray dout) {
        if (mask == null) throw new IllegalStateException("Dropout.backward called before a training-mode forward");
        return dout.mul(mask);
    }

    @Override
    public String toString() {
        return "Dropout(" + ratio + ")";
    }
}
