package dlfs.exercises.ch8;

import dlfs.exercises.Check;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The random methods are graded by properties, not by the order of the draws: every image is a
 * flip or a copy (a shift within ±pad, all channels alike), about half are flipped, the offsets
 * spread over the whole range, the same seed gives the same batch and another seed another one.
 */
@Exercise(value = DataAugmentation.class, title = "ch8 data augmentation (flip, shift, random crop)",
        replaces = "dlfs.data.Augment")
class DataAugmentationTest {
    /** The reference: image n of x, flipped left-right and/or shifted (dy down, dx right), zeros where it came from outside. */
    private static double[] image(NDArray x, int n, boolean flip, int dy, int dx) {
        int c = x.shape(1), h = x.shape(2), w = x.shape(3);
        double[] out = new double[c * h * w];
        for (int ch = 0; ch < c; ch++)
            for (int i = 0; i < h; i++)
                for (int j = 0; j < w; j++) {
                    int r = i - dy, s = flip ? w - 1 - j : j - dx;
                    out[(ch * h + i) * w + j] = r >= 0 && r < h && s >= 0 && s < w ? x.get(n, ch, r, s) : 0;
                }
        return out;
    }

    private static double[] imageOf(NDArray y, int n) {
        int size = y.shape(1) * y.shape(2) * y.shape(3);
        return java.util.Arrays.copyOfRange(y.data(), n * size, (n + 1) * size);
    }

    /** Positive values, so a zero from outside the image is told from a pixel; no image is its own mirror. */
    private static NDArray images(long seed, int... shape) {
        return Check.randn(seed, shape).abs().add(0.5);
    }

    private static NDArray whole(NDArray x, boolean flip, int dy, int dx) {
        int n = x.shape(0), size = x.size() / n;
        double[] d = new double[x.size()];
        for (int k = 0; k < n; k++) System.arraycopy(image(x, k, flip, dy, dx), 0, d, k * size, size);
        return NDArray.of(d, x.shape());
    }

    @Test
    @Points(2)
    void flipHorizontal() {
        NDArray x = NDArray.of(new double[]{1, 2, 3, 4, 5, 6}, 1, 1, 2, 3), before = x.copy();
        Check.close("flipHorizontal([[1, 2, 3], [4, 5, 6]])", NDArray.of(new double[]{3, 2, 1, 6, 5, 4}, 1, 1, 2, 3),
                DataAugmentation.flipHorizontal(x), 0, 0);
        Check.unchanged("flipHorizontal", before, x);
        NDArray z = images(411, 3, 2, 4, 5);
        Check.close("flipHorizontal(x (3, 2, 4, 5))", whole(z, true, 0, 0), DataAugmentation.flipHorizontal(z), 0, 0);
    }

    @Test
    @Points(2)
    void shiftFillsWithZeros() {
        NDArray x = NDArray.of(new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3), before = x.copy();
        Check.close("shift([[1, 2, 3], [4, 5, 6], [7, 8, 9]], dy 1, dx 0): down by one", NDArray.of(new double[]{0, 0, 0, 1, 2, 3, 4, 5, 6}, 1, 1, 3, 3),
                DataAugmentation.shift(x, 1, 0), 0, 0);
        Check.close("shift([[1, 2, 3], [4, 5, 6], [7, 8, 9]], dy 0, dx -1): left by one", NDArray.of(new double[]{2, 3, 0, 5, 6, 0, 8, 9, 0}, 1, 1, 3, 3),
                DataAugmentation.shift(x, 0, -1), 0, 0);
        Check.unchanged("shift", before, x);
        NDArray z = images(412, 2, 3, 5, 6);
        int[][] moves = {{0, 0}, {2, -1}, {-3, 4}, {5, 0}, {-7, -7}};
        for (int[] m : moves)
            Check.close("shift(x (2, 3, 5, 6), dy " + m[0] + ", dx " + m[1] + ")", whole(z, false, m[0], m[1]), DataAugmentation.shift(z, m[0], m[1]), 0, 0);
    }

    @Test
    @Points(2)
    void randomFlipFlipsAboutHalfTheImages() {
        NDArray x = images(413, 200, 2, 3, 4), before = x.copy();
        NDArray y = DataAugmentation.randomFlip(x, new Rng(414));
        Check.shape("randomFlip(x (200, 2, 3, 4))", y, 200, 2, 3, 4);
        Check.unchanged("randomFlip", before, x);
        int flipped = 0;
        for (int n = 0; n < 200; n++) {
            double[] got = imageOf(y, n);
            if (java.util.Arrays.equals(got, image(x, n, true, 0, 0))) flipped++;
            else if (!java.util.Arrays.equals(got, image(x, n, false, 0, 0)))
                fail("randomFlip(x (200, 2, 3, 4)): image " + n + " is neither x's image " + n + " nor its mirror image (all channels alike)");
        }
        Check.close("fraction of the 200 images flipped", 0.5, flipped / 200.0, 0.15);
        Check.close("randomFlip with the same seed", y, DataAugmentation.randomFlip(x, new Rng(414)), 0, 0);
        assertTrue(!y.equals(DataAugmentation.randomFlip(x, new Rng(415))), "randomFlip with Rng(414) and Rng(415) flipped the same images: draw from the Rng");
    }

    @Test
    @Points(2)
    void randomCropIsAShiftWithinThePadding() {
        int pad = 2;
        NDArray x = images(416, 120, 2, 6, 6), before = x.copy();
        NDArray y = DataAugmentation.randomCrop(x, pad, new Rng(417));
        Check.shape("randomCrop(x (120, 2, 6, 6), pad 2)", y, 120, 2, 6, 6);
        Check.unchanged("randomCrop", before, x);
        Set<java.lang.Integer> offsets = new HashSet<>(), dys = new HashSet<>(), dxs = new HashSet<>();
        for (int n = 0; n < 120; n++) {
            double[] got = imageOf(y, n);
            boolean found = false;
            for (int dy = -pad; dy <= pad && !found; dy++)
                for (int dx = -pad; dx <= pad && !found; dx++)
                    if (java.util.Arrays.equals(got, image(x, n, false, dy, dx))) {
                        found = true;
                        offsets.add(dy * 100 + dx);
                        dys.add(dy);
                        dxs.add(dx);
                    }
            if (!found)
                fail("randomCrop(x (120, 2, 6, 6), pad 2): image " + n + " is not x's image " + n + " shifted by some dy, dx in -2 … 2 (the same for all its channels)");
        }
        assertTrue(dys.size() == 5 && dxs.size() == 5 && offsets.size() >= 15,
                "randomCrop over 120 images with pad 2 used the offsets dy " + dys + ", dx " + dxs + " (" + offsets.size()
                        + " of the 25 pairs): each should be drawn uniformly from -2 … 2");
        Check.close("randomCrop with the same seed", y, DataAugmentation.randomCrop(x, pad, new Rng(417)), 0, 0);
        assertTrue(!y.equals(DataAugmentation.randomCrop(x, pad, new Rng(418))), "randomCrop with Rng(417) and Rng(418) gave the same batch: draw from the Rng");
        Check.close("randomCrop(x, pad 0) is x", x, DataAugmentation.randomCrop(x, 0, new Rng(419)), 0, 0);
    }
}
