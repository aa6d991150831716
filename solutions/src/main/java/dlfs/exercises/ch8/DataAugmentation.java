package dlfs.exercises.ch8;

import dlfs.nd.NDArray;
import dlfs.nd.Rng;

/** Solution of exercise ch8 — flips and shifts image by image, with the random choices drawn from the Rng. */
public final class DataAugmentation {
    private DataAugmentation() {
    }

    /** Copies image n of x into image n of y, flipped and/or shifted. */
    private static void copyImage(NDArray x, NDArray y, int n, boolean flip, int dy, int dx) {
        int c = x.shape(1), h = x.shape(2), w = x.shape(3);
        double[] in = x.data(), out = y.data();
        for (int ch = 0; ch < c; ch++) {
            int plane = (n * c + ch) * h * w;
            for (int i = 0; i < h; i++)
                for (int j = 0; j < w; j++) {
                    int r = i - dy, s = j - dx;
                    if (flip) s = w - 1 - s;
                    out[plane + i * w + j] = r >= 0 && r < h && s >= 0 && s < w ? in[plane + r * w + s] : 0;
                }
        }
    }

    public static NDArray flipHorizontal(NDArray x) {
        NDArray y = NDArray.zeros(x.shape());
        for (int n = 0; n < x.shape(0); n++) copyImage(x, y, n, true, 0, 0);
        return y;
    }

    public static NDArray shift(NDArray x, int dy, int dx) {
        NDArray y = NDArray.zeros(x.shape());
        for (int n = 0; n < x.shape(0); n++) copyImage(x, y, n, false, dy, dx);
        return y;
    }

    public static NDArray randomFlip(NDArray x, Rng rng) {
        NDArray y = NDArray.zeros(x.shape());
        for (int n = 0; n < x.shape(0); n++) copyImage(x, y, n, rng.nextDouble() < 0.5, 0, 0);
        return y;
    }

    public static NDArray randomCrop(NDArray x, int pad, Rng rng) {
        NDArray y = NDArray.zeros(x.shape());
        for (int n = 0; n < x.shape(0); n++) {
            int dy = rng.nextInt(2 * pad + 1) - pad, dx = rng.nextInt(2 * pad + 1) - pad;
            copyImage(x, y, n, false, dy, dx);
        }
        return y;
    }
}
