package dlfs.experiments.ch7;

import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nets.SimpleConvNet;
import dlfs.plot.Images;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import dlfs.book.BookWeights;

/**
 * The book's {@code ch07/visualize_filter.py} (7.6.1, "visualizing the first layer's weights"): the
 * SimpleConvNet's 30 first-layer filters (5 × 5) before training, random noise, and after, from the
 * book's trained {@code params.pkl}: edges (dark next to bright) and blobs.
 * <pre>
 *   network = SimpleConvNet()
 *   filter_show(network.params['W1'])      # random initial weights
 *   network.load_params("params.pkl")
 *   filter_show(network.params['W1'])      # after training
 * </pre>
 * {@code filter_show} draws each filter with {@code cmap=gray_r}, scaled on its own, 8 per row.
 */
public final class VisualizeFilter {
    /** {@code filter_show}'s {@code nx}: filters per row. */
    public static final int NX = 8;

    private VisualizeFilter() {
    }

    /** {@code filter_show(filters)}: (FN, 1, FH, FW) filters as gray_r tiles, {@link #NX} per row. */
    public static BufferedImage filterShow(NDArray filters) {
        return Images.filterGrid(filters, NX);
    }

    /** {@code SimpleConvNet().params['W1']}: the random filters of a new net (weights N(0, 0.01²)). */
    public static NDArray initialFilters(long seed) {
        return new SimpleConvNet(new Rng(seed)).filters();
    }

    /** The filters after {@code network.load_params("params.pkl")}: the book's trained ones. */
    public static NDArray trainedFilters() {
        return BookWeights.simpleConvNet().filters();
    }

    /** Writes both pictures as {@code before.png} and {@code after.png} into the folder of the first argument (default "."). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        ImageIO.write(filterShow(initialFilters(0)), "png", dir.resolve("before.png").toFile());
        ImageIO.write(filterShow(trainedFilters()), "png", dir.resolve("after.png").toFile());
        System.out.println("wrote " + dir.resolve("before.png") + " and " + dir.resolve("after.png"));
    }
}
