package dlfs.book;

import dlfs.Course;
import dlfs.nd.Dtype;
import dlfs.nets.DeepConvNet;
import dlfs.nets.SavableNet;
import dlfs.nets.SimpleConvNet;
import dlfs.nets.ThreeLayerNet;
import dlfs.nd.Rng;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The three networks the book's repository ships trained, loaded into the kit's nets:
 * <pre>
 *   sampleWeight()   ch3  sample_weight.pkl         ThreeLayerNet 784-50-100-10, sigmoid  (float32)
 *   simpleConvNet()  ch7  params.pkl                SimpleConvNet (train_convnet.py)      (float64)
 *   deepConvNet()    ch8  deep_convnet_params.pkl   DeepConvNet   (deep_convnet.py)       (float64)
 * </pre>
 * The kit ships them in {@code data/models/book/} as {@link dlfs.nets.Checkpoint} files, converted
 * from the pickles by {@code data/scripts/book_pickles_to_dlfs.py} (the folder's README gives the
 * source files' SHA-256 and how to re-run it), so no Python is needed to read them. Each file's
 * architecture line is its net's: loading one into another net, or a damaged file, fails with
 * the file's name and what is wrong.
 *
 * <p>The ch3 weights are float32 in the book; the file stores them as float64 (exactly: every
 * float32 is a float64) and {@link #dtype} reports {@code float32} for them, as numpy would.
 */
public final class BookWeights {
    /** ch3's {@code sample_weight.pkl}. */
    public static final String SAMPLE_WEIGHT = "sample_weight.dlfs";
    /** ch7's {@code params.pkl}. */
    public static final String PARAMS = "params.dlfs";
    /** ch8's {@code deep_convnet_params.pkl}. */
    public static final String DEEP_CONVNET_PARAMS = "deep_convnet_params.dlfs";

    private BookWeights() {
    }

    /** {@code data/models/book/} under the project root. */
    public static Path dir() {
        return Course.dataDir().resolve("models").resolve("book");
    }

    /** The book's ch3 network ({@code init_network()} of {@code neuralnet_mnist.py}): W1 (784, 50), ..., b3 (10,). */
    public static ThreeLayerNet sampleWeight() {
        Path file = file(SAMPLE_WEIGHT);
        try {
            return ThreeLayerNet.load(file);
        } catch (IllegalArgumentException e) {
            throw damaged(file, e);
        }
    }

    /** The book's SimpleConvNet with ch7's trained {@code params.pkl} ({@code network.load_params("params.pkl")}). */
    public static SimpleConvNet simpleConvNet() {
        return load(new SimpleConvNet(new Rng(0)), file(PARAMS));
    }

    /** The book's DeepConvNet with ch8's {@code deep_convnet_params.pkl}. */
    public static DeepConvNet deepConvNet() {
        return load(new DeepConvNet(new Rng(0)), file(DEEP_CONVNET_PARAMS));
    }

    /** Loads {@code file} into {@code net} (in place), naming the file in any error. */
    public static <N extends SavableNet> N load(N net, Path file) {
        requireFile(file);
        try {
            net.load(file);
        } catch (IllegalArgumentException e) {
            throw damaged(file, e);
        }
        return net;
    }

    /** The narrowest dtype that holds every parameter of {@code net} exactly (float32 for the ch3 weights). */
    public static Dtype dtype(SavableNet net) {
        return Dtype.of(net.params().values());
    }

    /** The narrowest dtype that holds every weight of {@code net} exactly. */
    public static Dtype dtype(ThreeLayerNet net) {
        return net.dtype();
    }

    /** {@code data/models/book/<name>}, which must exist. */
    public static Path file(String name) {
        Path file = dir().resolve(name);
        requireFile(file);
        return file;
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file))
            throw new IllegalStateException(file + " is missing: the book's weights ship with the kit in data/models/book;"
                    + " restore them with `git checkout -- data/models/book`, or convert the book's pickles again with"
                    + " data/scripts/book_pickles_to_dlfs.py (see data/models/book/README.md)");
    }

    private static IllegalArgumentException damaged(Path file, IllegalArgumentException e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        if (!msg.contains(file.toString())) msg = file + ": " + msg;
        return new IllegalArgumentException(msg + "\n(the book's converted weights: see " + dir().resolve("README.md") + ")", e);
    }
}
