package dlfs.data;

import dlfs.nd.NDArray;

/**
 * Inputs {@code x} and their labels {@code t}, row i of one belonging to row i of the other
 * (the book's pair {@code x_train, t_train}). Labels are (N) class numbers or (N, classes)
 * one-hot rows.
 */
public record Samples(NDArray x, NDArray t) {
    public Samples {
        Preprocess.checkPaired("Samples", x, t);
    }

    /** Number of samples N. */
    public int size() {
        return x.shape()[0];
    }

    /** The first n samples (the book's {@code x[:n]}). */
    public Samples head(int n) {
        Preprocess.checkCount("head", n, size());
        return new Samples(x.slice(0, n), t.slice(0, n));
    }

    /** Both arrays permuted by the same seeded permutation; see {@link Preprocess#shuffle}. */
    public Samples shuffle(long seed) {
        return Preprocess.shuffle(x, t, seed);
    }

    @Override
    public String toString() {
        return "Samples(x " + x.shapeString() + ", t " + t.shapeString() + ")";
    }
}
