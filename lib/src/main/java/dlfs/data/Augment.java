package dlfs.data;

import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nd.ShapeException;

import java.util.function.UnaryOperator;

/**
 * Data augmentation for image batches (N, C, H, W): each image is moved by a small random
 * affine warp before the network sees it, so a small training set looks larger. This is how the
 * book's ch8 ("数据扩充", data augmentation, 8.1.2) raises accuracy without new data: shifts,
 * small rotations and rescaling keep a digit's label but change every pixel.
 *
 * <p>The warp maps each output pixel back into the source image (rotation θ, scale s and shift
 * (dx, dy) about the image centre) and reads the source by bilinear interpolation; pixels that
 * fall outside read 0, the background of MNIST. Draws come from the {@link Rng} given, so a run
 * is reproducible. The batch passed in is left as it was.
 *
 * <pre>
 *   UnaryOperator&lt;NDArray&gt; aug = Augment.affine(2, 10, 0.1, new Rng(7));  // ±2 px, ±10°, ±10%
 *   new Trainer(net, adam).data(x, t).iterations(80).batchSize(100).rng(rng).augment(aug).train();
 * </pre>
 */
public final class Augment {
    private final double maxShift, maxRadians, maxScale;
    private final Rng rng;

    private Augment(double maxShift, double maxDegrees, double maxScale, Rng rng) {
        if (!(maxShift >= 0) || !(maxDegrees >= 0) || !(maxScale >= 0 && maxScale < 1))
            throw new IllegalArgumentException("Augment: maxShift and maxDegrees must be >= 0 and maxScale in [0, 1), got "
                    + maxShift + ", " + maxDegrees + ", " + maxScale);
        this.maxShift = maxShift;
        this.maxRadians = Math.toRadians(maxDegrees);
        this.maxScale = maxScale;
        this.rng = rng;
    }

    /**
     * A batch transform: every image shifted by up to ±maxShift pixels on each axis, rotated by up
     * to ±maxDegrees and scaled by a factor in [1 − maxScale, 1 + maxScale], each drawn uniformly.
     */
    public static UnaryOperator<NDArray> affine(double maxShift, double maxDegrees, double maxScale, Rng rng) {
        Augment a = new Augment(maxShift, maxDegrees, maxScale, rng);
        return a::apply;
    }

    /** Shifts only: up to ±maxShift whole or fractional pixels on each axis. */
    public static UnaryOperator<NDArray> shifts(double maxShift, Rng rng) {
        return affine(maxShift, 0, 0, rng);
    }

    private NDArray apply(NDArray batch) {
        if (batch.ndim() != 4)
            throw new ShapeException("Augment: expects images (N, C, H, W), got " + batch.shapeString()
                    + "; reshape flat rows first, e.g. x.reshape(n, 1, 28, 28)");
        int n = batch.shape(0), c = batch.shape(1), h = batch.shape(2), w = batch.shape(3);
        double[] in = batch.data(), out = new double[in.length];
        for (int i = 0; i < n; i++) {
            double theta = uniform(maxRadians), scale = 1 + uniform(maxScale);
            double dx = uniform(maxShift), dy = uniform(maxShift);
            warp(in, out, i * c * h * w, c, h, w, theta, scale, dx, dy);
        }
        return NDArray.of(out, batch.shape());
    }

    private double uniform(double max) {
        return max == 0 ? 0 : (2 * rng.nextDouble() - 1) * max;
    }

    /**
     * One image: out(y, x) = in(R⁻¹((x, y) − centre − shift)/scale + centre), bilinear.
     * The same warp applies to each of the image's channels.
     */
    static void warp(double[] in, double[] out, int offset, int channels, int h, int w,
                     double theta, double scale, double dx, double dy) {
        double cy = (h - 1) / 2.0, cx = (w - 1) / 2.0;
        double cos = Math.cos(theta) / scale, sin = Math.sin(theta) / scale;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = x - cx - dx, v = y - cy - dy;
                double sx = cos * u + sin * v + cx, sy = -sin * u + cos * v + cy;
                int x0 = (int) Math.floor(sx), y0 = (int) Math.floor(sy);
                double fx = sx - x0, fy = sy - y0;
                for (int ch = 0; ch < channels; ch++) {
                    int base = offset + ch * h * w;
                    double v00 = pixel(in, base, h, w, y0, x0), v01 = pixel(in, base, h, w, y0, x0 + 1);
                    double v10 = pixel(in, base, h, w, y0 + 1, x0), v11 = pixel(in, base, h, w, y0 + 1, x0 + 1);
                    out[base + y * w + x] = (1 - fy) * ((1 - fx) * v00 + fx * v01) + fy * ((1 - fx) * v10 + fx * v11);
                }
            }
        }
    }

    private static double pixel(double[] in, int base, int h, int w, int y, int x) {
        return y < 0 || y >= h || x < 0 || x >= w ? 0 : in[base + y * w + x];
    }
}
