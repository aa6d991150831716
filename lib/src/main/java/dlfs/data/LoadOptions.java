package dlfs.data;

import dlfs.nd.Dtype;

/**
 * How a dataset's images and labels are prepared when loaded: the book's
 * {@code load_mnist(normalize=True, flatten=True, one_hot_label=False)} keywords, by name instead
 * of three positional booleans. Start from the book's defaults and change what differs:
 * <pre>
 * Datasets.mnist(LoadOptions.normalized())                 // load_mnist(): pixels / 255, rows of 784, labels 0..9
 * Datasets.mnist(LoadOptions.normalized().oneHot())        // one_hot_label=True
 * Datasets.mnist(LoadOptions.normalized().images())        // flatten=False: images (N, 1, 28, 28), for the CNNs
 * Datasets.digits(LoadOptions.raw())                       // normalize=False: pixels 0..255
 * Datasets.mnist(LoadOptions.normalized().dtype(FLOAT32))  // images in float32: half the memory
 * </pre>
 *
 * @param normalize pixels divided by 255 into [0, 1] (else 0..255)
 * @param flatten   images as rows of 784 (else (N, 1, 28, 28))
 * @param oneHotLabels labels one-hot (N, 10) (else class indices (N))
 * @param dtype     the images' dtype: float64 (the book's, the default) or float32, which holds the
 *                  same values as {@code astype(FLOAT32)} of the float64 images without ever making
 *                  them (Fashion-MNIST's 60,000 training images: 188 MiB instead of 376); labels
 *                  are float64 either way
 */
public record LoadOptions(boolean normalize, boolean flatten, boolean oneHotLabels, Dtype dtype) {
    public LoadOptions {
        if (dtype != Dtype.FLOAT64 && dtype != Dtype.FLOAT32)
            throw new IllegalArgumentException("LoadOptions: images are float64 or float32, not " + dtype);
    }

    /** The book's three keywords, images in float64. */
    public LoadOptions(boolean normalize, boolean flatten, boolean oneHotLabels) {
        this(normalize, flatten, oneHotLabels, Dtype.FLOAT64);
    }

    /** The book's defaults, {@code load_mnist(normalize=True, flatten=True, one_hot_label=False)}. */
    public static LoadOptions normalized() {
        return new LoadOptions(true, true, false);
    }

    /** Pixels as stored, 0..255 ({@code normalize=False}), flattened, labels as class indices. */
    public static LoadOptions raw() {
        return new LoadOptions(false, true, false);
    }

    /** The same with one-hot labels (N, 10) ({@code one_hot_label=True}). */
    public LoadOptions oneHot() {
        return new LoadOptions(normalize, flatten, true, dtype);
    }

    /** The same with images as (N, 1, 28, 28) ({@code flatten=False}), the CNNs' input. */
    public LoadOptions images() {
        return new LoadOptions(normalize, false, oneHotLabels, dtype);
    }

    /** The same with the images in {@code dtype} (FLOAT64 or FLOAT32), e.g. {@code Course.dtype()}. */
    public LoadOptions dtype(Dtype dtype) {
        return new LoadOptions(normalize, flatten, oneHotLabels, dtype);
    }

    /** The book's keywords, e.g. {@code normalize=True, flatten=False, one_hot_label=False}, then the dtype when it is float32. */
    @Override
    public String toString() {
        return "normalize=" + py(normalize) + ", flatten=" + py(flatten) + ", one_hot_label=" + py(oneHotLabels)
                + (dtype == Dtype.FLOAT64 ? "" : ", dtype=" + dtype);
    }

    private static String py(boolean b) {
        return b ? "True" : "False";
    }
}
