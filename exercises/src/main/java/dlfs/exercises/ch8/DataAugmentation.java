package dlfs.exercises.ch8;

import dlfs.nd.NDArray;
import dlfs.nd.Rng;

/**
 * Exercise ch8 — data augmentation ("数据扩充", 8.1.3): new training images made from the old ones
 * by small changes that keep the label, here a mirror image and a random crop (a shift).
 * <pre>
 *   x (N, C, H, W); every method returns a new array of the same shape and leaves x as it was
 *   flipHorizontal:  y[n, c, i, j] = x[n, c, i, W − 1 − j]                    (left and right swapped)
 *   shift(dy, dx):   y[n, c, i, j] = x[n, c, i − dy, j − dx], or 0 where that is outside x
 *                    (dy &gt; 0 moves the content down, dx &gt; 0 to the right; any dy, dx, even beyond the image)
 *   randomFlip:      each image n, on its own, is flipped with probability ½ or left as it is
 *   randomCrop(p):   each image n, on its own: pad it with p zeros on every side and cut out an H×W
 *                    window at a random offset, the same for all its channels; that is shift(dy, dx)
 *                    of the image with dy and dx drawn independently, each uniformly from −p … p
 * </pre>
 * The random methods draw only from the Rng they are given (e.g. {@code rng.nextDouble()},
 * {@code rng.nextInt(bound)}), so the same seed gives the same images; the tests check the
 * properties above, not the order of the draws. Write the copying loops yourself: the library's
 * {@link dlfs.data.Augment} is what this exercise replaces.
 */
public final class DataAugmentation {
    private DataAugmentation() {
    }

    public static NDArray flipHorizontal(NDArray x) {
        throw new UnsupportedOperationException("ch8 DataAugmentation.flipHorizontal: see this class's Javadoc and the book's section 8.1.3 (数据扩充)"
                + "; %hint ch8.DataAugmentation gives hints");
    }

    public static NDArray shift(NDArray x, int dy, int dx) {
        throw new UnsupportedOperationException("ch8 DataAugmentation.shift: see this class's Javadoc and the book's section 8.1.3 (数据扩充)"
                + "; %hint ch8.DataAugmentation gives hints");
    }

    public static NDArray randomFlip(NDArray x, Rng rng) {
        throw new UnsupportedOperationException("ch8 DataAugmentation.randomFlip: see this class's Javadoc and the book's section 8.1.3 (数据扩充)"
                + "; %hint ch8.DataAugmentation gives hints");
    }

    public static NDArray randomCrop(NDArray x, int pad, Rng rng) {
        throw new UnsupportedOperationException("ch8 DataAugmentation.randomCrop: see this class's Javadoc and the book's section 8.1.3 (数据扩充)"
                + "; %hint ch8.DataAugmentation gives hints");
    }
}
