package dlfs.experiments.ch8;

import dlfs.nd.NDArray;
import dlfs.nets.DeepConvNet;
import dlfs.nets.Net;
import dlfs.plot.Images;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.StringJoiner;
import dlfs.book.BookWeights;
import dlfs.book.TestSet;

/**
 * The book's {@code ch08/misclassified_mnist.py} (8.1.1, "toward a deeper network"): the trained
 * DeepConvNet ({@code deep_convnet_params.pkl}) classifies the test images 100 at a time, prints
 * its test accuracy, and shows the first 20 images it gets wrong, on a 4 × 5 grid, with the pairs
 * {@code {view index: (label, inference)}}.
 * <pre>
 *   for i in range(int(x_test.shape[0] / batch_size)):
 *       y = network.predict(x_test[i*batch_size:(i+1)*batch_size], train_flg=False)
 *       classified_ids.append(np.argmax(y, axis=1))
 *   ...
 *   for i, val in enumerate(classified_ids == t_test):
 *       if not val: ax.imshow(x_test[i].reshape(28, 28), cmap=plt.cm.gray_r); mis_pairs[current_view] = (t_test[i], classified_ids[i])
 * </pre>
 * {@link #classify} also takes a last batch of fewer than 100 images (the book's loop drops it;
 * MNIST's 10,000 have none).
 */
public final class MisclassifiedMnist {
    /** The script's {@code batch_size}. */
    public static final int BATCH_SIZE = 100;
    /** The script's {@code max_view}: how many misclassified images the picture shows. */
    public static final int MAX_VIEW = 20;

    private MisclassifiedMnist() {
    }

    /** {@code classified_ids}: each image's predicted digit, {@link #BATCH_SIZE} images per predict (inference mode). */
    public static int[] classify(Net network, NDArray x) {
        int n = x.shape(0);
        int[] classified = new int[n];
        for (int i = 0; i < n; i += BATCH_SIZE) {
            int[] y = network.predict(x.slice(i, Math.min(i + BATCH_SIZE, n))).argmax(1).toIntArray();
            System.arraycopy(y, 0, classified, i, y.length);
        }
        return classified;
    }

    /** {@code np.sum(classified_ids == t_test)}: how many images are classified right. */
    public static int correct(int[] classified, NDArray t) {
        return t.size() - misclassified(classified, t).length;
    }

    /** The indices i where {@code classified[i] != t[i]}, in order. */
    public static int[] misclassified(int[] classified, NDArray t) {
        if (classified.length != t.size())
            throw new IllegalArgumentException(classified.length + " predictions for " + t.size() + " labels");
        return java.util.stream.IntStream.range(0, classified.length).filter(i -> classified[i] != (int) t.get(i)).toArray();
    }

    /** The script's {@code mis_pairs} as Python prints it: {@code {1: (9, 8), 2: (9, 8), ...}}, at most maxView. */
    public static String misPairs(int[] classified, NDArray t, int maxView) {
        int[] wrong = misclassified(classified, t);
        StringJoiner s = new StringJoiner(", ", "{", "}");
        for (int v = 0; v < Math.min(maxView, wrong.length); v++)
            s.add((v + 1) + ": (" + (int) t.get(wrong[v]) + ", " + classified[wrong[v]] + ")");
        return s.toString();
    }

    /**
     * The script's figure: the first {@code maxView} misclassified images, 5 per row, drawn as the
     * book's {@code imshow(cmap=gray_r)} draws them (dark ink on white), each titled with its label
     * and, in red, the network's answer.
     */
    public static BufferedImage picture(NDArray x, NDArray t, int[] classified, int maxView) {
        int[] wrong = misclassified(classified, t);
        if (wrong.length == 0) throw new IllegalArgumentException("no misclassified image to show");
        int[] shown = java.util.Arrays.copyOf(wrong, Math.min(maxView, wrong.length));
        int[] labels = new int[shown.length], answers = new int[shown.length];
        for (int k = 0; k < shown.length; k++) {
            labels[k] = (int) t.get(shown[k]);
            answers[k] = classified[shown[k]];
        }
        NDArray images = x.rows(shown).reshape(shown.length, 28, 28);
        NDArray grayR = images.map(v -> 1 - v); // gray_r: 0 white, 1 black
        return Images.digitGrid(grayR, labels, answers, 5);
    }

    /** Runs the script on {@code TestSet.load}; the figure goes to the file named by the first argument, if any. */
    public static void main(String[] args) {
        TestSet data = TestSet.load(false);
        DeepConvNet network = BookWeights.deepConvNet();
        System.out.println("images: " + data.description());
        System.out.println("calculating test accuracy ... ");
        int[] classified = classify(network, data.x());
        System.out.println("test accuracy:" + (double) correct(classified, data.t()) / data.size());
        System.out.println("======= misclassified result =======");
        System.out.println("{view index: (label, inference), ...}");
        System.out.println(misPairs(classified, data.t(), MAX_VIEW));
        if (args.length > 0) {
            try {
                ImageIO.write(picture(data.x(), data.t(), classified, MAX_VIEW), "png", Path.of(args[0]).toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + args[0] + ": " + e.getMessage(), e);
            }
        }
    }
}
