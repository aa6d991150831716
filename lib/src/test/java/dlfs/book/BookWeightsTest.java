package dlfs.book;

import dlfs.data.LoadOptions;
import dlfs.data.Datasets;
import dlfs.data.Samples;
import dlfs.nd.Dtype;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nd.ShapeException;
import dlfs.nets.Checkpoint;
import dlfs.nets.DeepConvNet;
import dlfs.nets.SimpleConvNet;
import dlfs.nets.ThreeLayerNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import dlfs.experiments.ch8.HalfFloatNetwork;
import dlfs.experiments.ch8.MisclassifiedMnist;
import dlfs.experiments.ch3.NeuralnetMnist;
import dlfs.experiments.ch3.NeuralnetMnistBatch;

/**
 * The book's weights as the kit ships them ({@code data/models/book/}, no MNIST needed): they load
 * into the kit's nets with the book's shapes and dtypes, give the numpy reference's predictions on
 * the first 100 shipped test digits, and a file of another net or a damaged file fails with its
 * name and what is wrong. The reference is the output of
 * <pre>
 *   /usr/bin/python3 data/scripts/book_numpy_reference.py data/models/book data/digits-npm 100
 * </pre>
 * kept in {@code src/test/resources/dlfs/book/numpy_reference_digits100.txt}.
 */
class BookWeightsTest {
    private static final NumpyReference NUMPY = NumpyReference.load("numpy_reference_digits100.txt");

    /** What data/models/book/README.md records (the output of data/scripts/book_pickles_to_dlfs.py). */
    private static final Map<String, String> SHA256 = Map.of(
            BookWeights.SAMPLE_WEIGHT, "73198e11ad13db2da3aa4430b22838719cd8b74ce5542d14acc6a825680c4305",
            BookWeights.PARAMS, "081cdad60eb6669a8a2cd1ffd88092b51c309bf991d6bdd0f95f805aee9d173d",
            BookWeights.DEEP_CONVNET_PARAMS, "51a8d0ee8f81c1a1611604e852048a58176a0cc59caf13dacbca7d2d18a42481");

    private static Samples first100() {
        return Datasets.digits(LoadOptions.normalized()).test().head(100);
    }

    @Test
    void theShippedFilesAreTheConvertersOutput() throws IOException, NoSuchAlgorithmException {
        String readme = Files.readString(BookWeights.dir().resolve("README.md"));
        for (Map.Entry<String, String> e : SHA256.entrySet()) {
            byte[] bytes = Files.readAllBytes(BookWeights.file(e.getKey()));
            assertEquals(e.getValue(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), e.getKey());
            assertTrue(readme.contains(e.getValue()), "README.md records the SHA-256 of " + e.getKey());
        }
        assertTrue(Files.readString(BookWeights.dir().resolve("LICENSE.md")).contains("Copyright (c) 2016 Koki Saitoh"));
    }

    @Test
    void ch3SampleWeightHasTheBooksShapesAndIsFloat32() {
        ThreeLayerNet net = BookWeights.sampleWeight();
        Map<String, String> shapes = new LinkedHashMap<>();
        net.params().forEach((k, v) -> shapes.put(k, v.shapeString()));
        assertEquals(Map.of("W1", "(784, 50)", "b1", "(50,)", "W2", "(50, 100)", "b2", "(100,)", "W3", "(100, 10)", "b3", "(10,)"), shapes);
        assertEquals(Dtype.FLOAT32, BookWeights.dtype(net));
        assertEquals("ThreeLayerNet(input=784, hidden=[50, 100], output=10, activation=sigmoid, dtype=float32)", net.architecture());
        assertEquals(java.util.List.of("x (100, 784)", "x[0] (784,)", "W1 (784, 50)", "W2 (50, 100)", "W3 (100, 10)"),
                NeuralnetMnistBatch.shapes(first100().x(), net));
    }

    @Test
    void theConvNetsHaveTheBooksLayoutAndAreFloat64() {
        SimpleConvNet simple = BookWeights.simpleConvNet();
        assertEquals("(30, 1, 5, 5)", simple.params().get("W1").shapeString());
        assertEquals("(4320, 100)", simple.params().get("W2").shapeString());
        assertEquals(Dtype.FLOAT64, BookWeights.dtype(simple));
        DeepConvNet deep = BookWeights.deepConvNet();
        int[][] convs = {{16, 1}, {16, 16}, {32, 16}, {32, 32}, {64, 32}, {64, 64}};
        for (int k = 1; k <= 6; k++)
            assertEquals("(" + convs[k - 1][0] + ", " + convs[k - 1][1] + ", 3, 3)", deep.params().get("W" + k).shapeString(), "W" + k);
        assertEquals("(1024, 50)", deep.params().get("W7").shapeString());
        assertEquals("(50, 10)", deep.params().get("W8").shapeString());
        assertEquals(16, deep.params().size());
        assertEquals(Dtype.FLOAT64, BookWeights.dtype(deep));
    }

    @Test
    void onTheFirst100ShippedDigitsTheNetsGiveNumpysAnswers() {
        Samples d = first100();
        ThreeLayerNet ch3 = BookWeights.sampleWeight();
        assertArrayEquals(NUMPY.predictions("ch3"), ch3.predict(d.x()).argmax(1).toIntArray());
        assertArrayEquals(NUMPY.scores("ch3"), ch3.predict(d.x().slice(0, 1)).data(), 1e-12);
        assertEquals(NUMPY.correct("ch3 neuralnet_mnist (float32, one at a time)"), NeuralnetMnist.accuracyCnt(ch3, d.x(), d.t()));

        SimpleConvNet simple = BookWeights.simpleConvNet();
        assertArrayEquals(NUMPY.predictions("ch7"), MisclassifiedMnist.classify(simple, d.x()));
        assertArrayEquals(NUMPY.scores("ch7"), simple.predict(d.x().slice(0, 1)).data(), 1e-12);

        DeepConvNet deep = BookWeights.deepConvNet();
        int[] classified = MisclassifiedMnist.classify(deep, d.x());
        assertArrayEquals(NUMPY.predictions("ch8"), classified);
        assertArrayEquals(NUMPY.scores("ch8"), deep.predict(d.x().slice(0, 1)).data(), 1e-12);
        assertEquals(NUMPY.value("ch8 misclassified_mnist {view index: (label, inference)}"),
                MisclassifiedMnist.misPairs(classified, d.t(), MisclassifiedMnist.MAX_VIEW));

        HalfFloatNetwork.toFloat16(deep);
        assertEquals(Dtype.FLOAT16, BookWeights.dtype(deep));
        NDArray x16 = HalfFloatNetwork.toFloat16(d.x());
        assertArrayEquals(NUMPY.predictions("ch8-float16"), MisclassifiedMnist.classify(deep, x16));
        double[] scores16 = deep.predict(x16.slice(0, 1)).data();
        assertArrayEquals(NUMPY.scores("ch8-float16"), scores16, 1e-12);
        // the rounding moved the scores by about 1e-4 (numpy: -2.14232 -> -2.14211): the check above can tell them apart
        assertTrue(Math.abs(scores16[0] - NUMPY.scores("ch8")[0]) > 1e-5);
    }

    @Test
    void aFileOfAnotherNetFailsNamingTheFileAndBothArchitectures() {
        Path params = BookWeights.file(BookWeights.PARAMS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BookWeights.load(new DeepConvNet(new Rng(0)), params));
        assertTrue(e.getMessage().contains(params.toString()) && e.getMessage().contains("SimpleConvNet(")
                && e.getMessage().contains("DeepConvNet("), e.getMessage());
        Path sample = BookWeights.file(BookWeights.SAMPLE_WEIGHT);
        e = assertThrows(IllegalArgumentException.class, () -> BookWeights.load(new SimpleConvNet(new Rng(0)), sample));
        assertTrue(e.getMessage().contains(sample.toString()) && e.getMessage().contains("ThreeLayerNet("), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ThreeLayerNet.load(params));
        assertTrue(e.getMessage().contains("another architecture") && e.getMessage().contains("SimpleConvNet("), e.getMessage());
    }

    @Test
    void aDamagedFileFailsSayingWhatIsWrong(@TempDir Path tmp) throws IOException {
        byte[] deep = Files.readAllBytes(BookWeights.file(BookWeights.DEEP_CONVNET_PARAMS));
        Path truncated = tmp.resolve("truncated.dlfs");
        Files.write(truncated, java.util.Arrays.copyOf(deep, deep.length / 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BookWeights.load(new DeepConvNet(new Rng(0)), truncated));
        assertTrue(e.getMessage().contains(truncated.toString()) && e.getMessage().contains("truncated"), e.getMessage());

        // a ch3 file whose line says float32 but one value is not a float32
        ThreeLayerNet book = BookWeights.sampleWeight();
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        book.params().forEach((k, v) -> arrays.put(k, v.copy()));
        arrays.get("W2").data()[7] += 1e-12;
        Path widened = tmp.resolve("widened.dlfs");
        Checkpoint.save(widened, book.architecture(), arrays);
        e = assertThrows(IllegalArgumentException.class, () -> ThreeLayerNet.load(widened));
        assertTrue(e.getMessage().contains(widened.toString()) && e.getMessage().contains("dtype=float32")
                && e.getMessage().contains("dtype=float64"), e.getMessage());

        // a ch3 file with W2 of the wrong shape
        arrays.put("W2", NDArray.zeros(40, 100));
        Path reshaped = tmp.resolve("reshaped.dlfs");
        Checkpoint.save(reshaped, book.architecture(), arrays);
        ShapeException s = assertThrows(ShapeException.class, () -> ThreeLayerNet.load(reshaped));
        assertTrue(s.getMessage().contains(reshaped.toString()) && s.getMessage().contains("W2"), s.getMessage());

        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> BookWeights.load(new DeepConvNet(new Rng(0)), tmp.resolve("nothing.dlfs")));
        assertTrue(missing.getMessage().contains("git checkout -- data/models/book"), missing.getMessage());
    }

    @Test
    void aThreeLayerNetRoundTripsThroughItsFile(@TempDir Path tmp) {
        ThreeLayerNet book = BookWeights.sampleWeight();
        Path file = tmp.resolve("ch3.dlfs");
        book.save(file);
        ThreeLayerNet back = ThreeLayerNet.load(file);
        assertEquals(book.architecture(), back.architecture());
        book.params().forEach((k, v) -> assertArrayEquals(v.data(), back.params().get(k).data(), k));
    }
}
