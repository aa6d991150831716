package dlfs.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import dlfs.nd.NDArray;

/**
 * Pictures of arrays, drawn pixel by pixel into {@link BufferedImage}s (XChart has no image
 * grid): MNIST digits with their labels and predictions (ch3 {@code img_show}, the 003 seed's
 * {@code visualize_predictions}), the first convolution layer's filters (ch7
 * {@code visualize_filter}), and a convolution layer's feature maps (ch7-8).
 *
 * <p><b>Gray levels.</b> By default an image shows its own range: its smallest value is black and
 * its largest white (matplotlib's {@code imshow} default), so any data is readable, an im2col
 * matrix of values 0..3 as well as MNIST pixels normalized to [0, 1] or raw 0..255. To compare
 * images on one scale instead, give the range: {@code image(img, scale, 0, 255)} or
 * {@code digitGrid(images, labels, predicted, cols, 0, 1)} (values outside it are clipped to
 * black or white). Digits use {@code cmap='gray'} (small dark, large light) with one range for
 * the whole grid; filters use {@code cmap='gray_r'} (each filter min-max scaled on its own, large
 * weights dark); feature maps are each min-max scaled, bright = large. An image (or tile) whose
 * values are all equal, or differ by rounding noise only, is mid-gray. Everything is enlarged
 * with nearest-neighbour so every pixel stays a crisp square.
 *
 * <p>Any finite values work, up to ±{@link Double#MAX_VALUE}; NaN or infinite values are refused
 * with an {@link IllegalArgumentException} naming the image, filter or map that holds them.
 */
public final class Images {

    private static final Color WRONG = new Color(0xd62728);
    private static final Color TEXT = new Color(0x222222);
    private static final int GAP = 6;

    private Images() {
    }

    /**
     * One grayscale image of shape (H, W) (or a flat square image of H·H pixels), enlarged
     * {@code scale} times, its own range mapped to gray: the smallest value black, the largest
     * white (so a matrix of values 0..3 shows four gray levels). A constant image is mid-gray.
     */
    public static BufferedImage image(NDArray img, int scale) {
        Ranges.checkFinite("image", "the image", img.data());
        double[] range = dataRange(img.data());
        return image(img, scale, range[0], range[1], "image");
    }

    /**
     * One grayscale image on a fixed scale: {@code lo} black, {@code hi} white, values outside
     * clipped ({@code 0, 255} for raw pixels, {@code 0, 1} for normalized ones), so several images
     * shown this way compare.
     *
     * @throws IllegalArgumentException unless lo &lt; hi, both finite
     */
    public static BufferedImage image(NDArray img, int scale, double lo, double hi) {
        checkGrayRange("image", lo, hi);
        Ranges.checkFinite("image", "the image", img.data());
        return image(img, scale, lo, hi, "image");
    }

    private static BufferedImage image(NDArray img, int scale, double lo, double hi, String op) {
        double[][] px = asImages(img.ndim() == 1 ? img.reshape(1, img.size()) : img.reshape(1, img.shape(0), img.shape(1)),
            op)[0];
        checkScale(scale);
        BufferedImage out = new BufferedImage(px[0].length * scale, px.length * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        drawGray(g, px, 0, 0, scale, lo, hi, false);
        g.dispose();
        return out;
    }

    /**
     * MNIST-style digits on a grid, {@code cols} per row, each titled with its true label and,
     * when {@code predicted} is given, the prediction, which is red when it is wrong. One gray
     * scale for the whole grid, from the smallest value of all images (black) to the largest
     * (white): MNIST pixels in [0, 1] and raw 0..255 pixels both look as they should.
     *
     * @param images    shape (N, 784), (N, 28, 28) or (N, 1, 28, 28) (any square size works)
     * @param trueLabels N labels, or null for none
     * @param predicted  N predicted labels, or null
     */
    public static BufferedImage digitGrid(NDArray images, int[] trueLabels, int[] predicted, int cols) {
        checkFinite("digitGrid", "image", images);
        double[] range = dataRange(images.data());
        return digitGrid(images, trueLabels, predicted, cols, range[0], range[1], "digitGrid");
    }

    /**
     * {@link #digitGrid(NDArray, int[], int[], int)} on a fixed gray scale: {@code lo} black,
     * {@code hi} white, values outside clipped (e.g. {@code 0, 1} for normalized MNIST pixels).
     *
     * @throws IllegalArgumentException unless lo &lt; hi, both finite
     */
    public static BufferedImage digitGrid(NDArray images, int[] trueLabels, int[] predicted, int cols,
                                          double lo, double hi) {
        checkGrayRange("digitGrid", lo, hi);
        checkFinite("digitGrid", "image", images);
        return digitGrid(images, trueLabels, predicted, cols, lo, hi, "digitGrid");
    }

    private static BufferedImage digitGrid(NDArray images, int[] trueLabels, int[] predicted, int cols,
                                           double lo, double hi, String op) {
        double[][][] imgs = asImages(images, op);
        int n = imgs.length;
        if (trueLabels != null && trueLabels.length != n) {
            throw new IllegalArgumentException("digitGrid: " + n + " images " + images.shapeString()
                + " but " + trueLabels.length + " true labels");
        }
        if (predicted != null && predicted.length != n) {
            throw new IllegalArgumentException("digitGrid: " + n + " images " + images.shapeString()
                + " but " + predicted.length + " predicted labels");
        }
        if (cols < 1) {
            throw new IllegalArgumentException("digitGrid: cols must be >= 1, got " + cols);
        }
        cols = Math.min(cols, n);
        int h = imgs[0].length;
        int w = imgs[0][0].length;
        int scale = Math.max(1, 84 / Math.max(h, w));
        int lines = (trueLabels != null ? 1 : 0) + (predicted != null ? 1 : 0);
        Font font = new Font(Charts.font(), Font.PLAIN, 13);
        int lineH = 16;
        int cellW = Math.max(w * scale, 70) + GAP;
        int cellH = h * scale + lines * lineH + GAP + (lines > 0 ? 4 : 0);
        int rows = (n + cols - 1) / cols;
        BufferedImage out = canvas(cols * cellW + GAP, rows * cellH + GAP);
        Graphics2D g = out.createGraphics();
        Charts.hints(g);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        for (int k = 0; k < n; k++) {
            int x0 = GAP + (k % cols) * cellW;
            int y0 = GAP + (k / cols) * cellH;
            int line = 0;
            if (trueLabels != null) {
                centred(g, fm, dlfs.Course.text("True: ", "正确: ") + trueLabels[k], x0, cellW - GAP, y0 + fm.getAscent() + line++ * lineH, TEXT);
            }
            if (predicted != null) {
                boolean wrong = trueLabels != null && predicted[k] != trueLabels[k];
                centred(g, fm, dlfs.Course.text("Pred: ", "预测: ") + predicted[k], x0, cellW - GAP, y0 + fm.getAscent() + line++ * lineH,
                    wrong ? WRONG : TEXT);
            }
            int iy = y0 + lines * lineH + (lines > 0 ? 4 : 0);
            int ix = x0 + (cellW - GAP - w * scale) / 2;
            drawGray(g, imgs[k], ix, iy, scale, lo, hi, false);
            if (predicted != null && trueLabels != null && predicted[k] != trueLabels[k]) {
                g.setColor(WRONG);
                g.setStroke(new java.awt.BasicStroke(2f));
                g.drawRect(ix - 1, iy - 1, w * scale + 1, h * scale + 1);
            }
        }
        g.dispose();
        return out;
    }

    /**
     * The filters of a convolution layer, shape (FN, C, FH, FW), on a grid of {@code cols}
     * columns (ch7's {@code visualize_filter}): each filter min-max scaled on its own and shown
     * with {@code gray_r}, enlarged to about 60 pixels. C must be 1 (gray) or 3 (shown as RGB);
     * for other channel counts pick one channel with {@link #filterGrid(NDArray, int, int)}.
     */
    public static BufferedImage filterGrid(NDArray filters, int cols) {
        checkFilters(filters);
        checkFinite("filterGrid", "filter", filters);
        int c = filters.shape(1);
        if (c == 3) {
            return rgbFilterGrid(filters, cols);
        }
        if (c != 1) {
            throw new IllegalArgumentException("filterGrid: filters " + filters.shapeString()
                + " have " + c + " channels; show one with filterGrid(filters, channel, cols)");
        }
        return filterGrid(filters, 0, cols);
    }

    /** Channel {@code channel} of each filter of shape (FN, C, FH, FW), as gray_r tiles. */
    public static BufferedImage filterGrid(NDArray filters, int channel, int cols) {
        checkFilters(filters);
        checkFinite("filterGrid", "filter", filters);
        int fn = filters.shape(0), c = filters.shape(1), fh = filters.shape(2), fw = filters.shape(3);
        if (channel < 0 || channel >= c) {
            throw new IllegalArgumentException("filterGrid: channel " + channel + " out of range for filters "
                + filters.shapeString());
        }
        double[][][] tiles = new double[fn][fh][fw];
        double[] d = filters.data();
        for (int f = 0; f < fn; f++) {
            for (int i = 0; i < fh; i++) {
                for (int j = 0; j < fw; j++) {
                    tiles[f][i][j] = d[((f * c + channel) * fh + i) * fw + j];
                }
            }
        }
        return tileGrid(tiles, cols, true, "filterGrid");
    }

    /**
     * Feature maps (a convolution or pooling layer's output): shape (C, H, W) draws the C maps of
     * one input on a grid of up to 8 columns; shape (N, C, H, W) draws one row per input and one
     * column per channel. Each map is min-max scaled on its own, bright = large.
     */
    public static BufferedImage featureMaps(NDArray maps) {
        if (maps.ndim() == 3 || maps.ndim() == 4) {
            int h = maps.shape(maps.ndim() - 2), w = maps.shape(maps.ndim() - 1);
            if (h == 0 || w == 0) {
                throw new IllegalArgumentException("featureMaps: empty maps " + maps.shapeString());
            }
            checkFinite("featureMaps", "map", maps, h * w);
        }
        if (maps.ndim() == 3) {
            int c = maps.shape(0), h = maps.shape(1), w = maps.shape(2);
            return tileGrid(split(maps.data(), c, h, w), Math.min(8, c), false, "featureMaps");
        }
        if (maps.ndim() == 4) {
            int n = maps.shape(0), c = maps.shape(1), h = maps.shape(2), w = maps.shape(3);
            return tileGrid(split(maps.data(), n * c, h, w), c, false, "featureMaps");
        }
        throw new IllegalArgumentException("featureMaps: expected shape (C, H, W) or (N, C, H, W), got "
            + maps.shapeString());
    }

    // ------------------------------------------------------------------ internals

    private static BufferedImage tileGrid(double[][][] tiles, int cols, boolean reversed, String op) {
        if (cols < 1) {
            throw new IllegalArgumentException(op + ": cols must be >= 1, got " + cols);
        }
        int n = tiles.length;
        if (n == 0) {
            throw new IllegalArgumentException(op + ": nothing to draw (0 maps)");
        }
        cols = Math.min(cols, n);
        int h = tiles[0].length, w = tiles[0][0].length;
        int scale = Math.max(1, (int) Math.round(60.0 / Math.max(h, w)));
        int rows = (n + cols - 1) / cols;
        int cellW = w * scale + GAP, cellH = h * scale + GAP;
        BufferedImage out = canvas(cols * cellW + GAP, rows * cellH + GAP);
        Graphics2D g = out.createGraphics();
        for (int k = 0; k < n; k++) {
            double[] range = Ranges.finiteMinMax(tiles[k]);
            int x0 = GAP + (k % cols) * cellW, y0 = GAP + (k / cols) * cellH;
            drawGray(g, tiles[k], x0, y0, scale, range[0], range[1], reversed);
            g.setColor(new Color(0x999999));
            g.drawRect(x0 - 1, y0 - 1, w * scale + 1, h * scale + 1);
        }
        g.dispose();
        return out;
    }

    private static BufferedImage rgbFilterGrid(NDArray filters, int cols) {
        int fn = filters.shape(0), fh = filters.shape(2), fw = filters.shape(3);
        if (cols < 1) {
            throw new IllegalArgumentException("filterGrid: cols must be >= 1, got " + cols);
        }
        cols = Math.min(cols, fn);
        int scale = Math.max(1, (int) Math.round(60.0 / Math.max(fh, fw)));
        int rows = (fn + cols - 1) / cols;
        int cellW = fw * scale + GAP, cellH = fh * scale + GAP;
        BufferedImage out = canvas(cols * cellW + GAP, rows * cellH + GAP);
        double[] d = filters.data();
        int per = 3 * fh * fw;
        for (int f = 0; f < fn; f++) {
            double[] range = dataRange(java.util.Arrays.copyOfRange(d, f * per, (f + 1) * per));
            int x0 = GAP + (f % cols) * cellW, y0 = GAP + (f / cols) * cellH;
            for (int i = 0; i < fh; i++) {
                for (int j = 0; j < fw; j++) {
                    int rgb = 0;
                    for (int ch = 0; ch < 3; ch++) {
                        double v = d[f * per + (ch * fh + i) * fw + j];
                        rgb = (rgb << 8) | level(v, range[0], range[1]);
                    }
                    fill(out, x0 + j * scale, y0 + i * scale, scale, rgb);
                }
            }
        }
        return out;
    }

    private static void checkFilters(NDArray filters) {
        if (filters.ndim() != 4) {
            throw new IllegalArgumentException("filterGrid: expected filters of shape (FN, C, FH, FW), got "
                + filters.shapeString());
        }
        if (filters.size() == 0) {
            throw new IllegalArgumentException("filterGrid: no filters in " + filters.shapeString());
        }
    }

    /** Refuses NaN and ±Infinity, naming the image (filter, map) that holds the first one. */
    private static void checkFinite(String op, String unit, NDArray a) {
        int n = a.shape(0);
        checkFinite(op, unit, a, n == 0 ? 1 : Math.max(1, a.size() / n));
    }

    private static void checkFinite(String op, String unit, NDArray a, int perUnit) {
        double[] d = a.data();
        int first = 0;
        while (first < d.length && Double.isFinite(d[first])) {
            first++;
        }
        if (first == d.length) {
            return;
        }
        int k = first / perUnit;
        int nan = 0;
        int inf = 0;
        for (int i = k * perUnit; i < Math.min(d.length, (k + 1) * perUnit); i++) {
            if (Double.isNaN(d[i])) {
                nan++;
            } else if (Double.isInfinite(d[i])) {
                inf++;
            }
        }
        throw new IllegalArgumentException(op + ": " + unit + " " + k + " has " + Ranges.nonFinite(nan, inf)
            + " (first at element " + (first - k * perUnit) + ")");
    }

    private static void checkGrayRange(String op, double lo, double hi) {
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException(op + ": gray range needs finite lo < hi, got [" + lo + ", " + hi + "]");
        }
    }

    private static double[][][] split(double[] d, int n, int h, int w) {
        double[][][] out = new double[n][h][w];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < h; i++) {
                System.arraycopy(d, (k * h + i) * w, out[k][i], 0, w);
            }
        }
        return out;
    }

    /** (N, D) with D a square, (N, H, W) or (N, 1, H, W) -> N images [H][W]. */
    private static double[][][] asImages(NDArray a, String op) {
        int[] s = a.shape();
        int n, h, w;
        if (s.length == 2) {
            int side = (int) Math.round(Math.sqrt(s[1]));
            if (side * side != s[1]) {
                throw new IllegalArgumentException(op + ": rows of " + a.shapeString()
                    + " are not square images (" + s[1] + " is not a square number); reshape to (N, H, W)");
            }
            n = s[0];
            h = side;
            w = side;
        } else if (s.length == 3) {
            n = s[0];
            h = s[1];
            w = s[2];
        } else if (s.length == 4 && s[1] == 1) {
            n = s[0];
            h = s[2];
            w = s[3];
        } else {
            throw new IllegalArgumentException(op + ": expected images of shape (N, 784), (N, 28, 28) or "
                + "(N, 1, 28, 28), got " + a.shapeString());
        }
        if (n == 0 || h == 0 || w == 0) {
            throw new IllegalArgumentException(op + ": no images (or empty ones) in " + a.shapeString());
        }
        return split(a.data(), n, h, w);
    }

    /** The data's own range {min, max} for the gray scale (finite values assumed). */
    private static double[] dataRange(double[] d) {
        return Ranges.finiteMinMax(d);
    }

    /**
     * The gray level 0..255 of v on the scale lo (0) .. hi (255), clipped; a flat scale (lo == hi,
     * or a spread lost in rounding) gives mid-gray 128 rather than a division by zero.
     */
    private static int level(double v, double lo, double hi) {
        if (Ranges.isFlat(lo, hi)) {
            return 128;
        }
        double t = Math.max(0, Math.min(1, Ranges.fraction(v, lo, hi)));
        return (int) Math.round(255 * t);
    }

    private static void drawGray(Graphics2D g, double[][] px, int x0, int y0, int scale, double lo, double hi,
                                 boolean reversed) {
        for (int i = 0; i < px.length; i++) {
            for (int j = 0; j < px[i].length; j++) {
                int level = level(px[i][j], lo, hi);
                if (reversed) {
                    level = 255 - level;
                }
                g.setColor(new Color(level, level, level));
                g.fillRect(x0 + j * scale, y0 + i * scale, scale, scale);
            }
        }
    }

    private static void fill(BufferedImage img, int x0, int y0, int scale, int rgb) {
        for (int y = y0; y < y0 + scale; y++) {
            for (int x = x0; x < x0 + scale; x++) {
                img.setRGB(x, y, rgb);
            }
        }
    }

    private static BufferedImage canvas(int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return out;
    }

    private static void centred(Graphics2D g, FontMetrics fm, String s, int x0, int width, int baseline, Color c) {
        g.setColor(c);
        g.drawString(s, x0 + (width - fm.stringWidth(s)) / 2, baseline);
    }

    private static void checkScale(int scale) {
        if (scale < 1 || scale > 64) {
            throw new IllegalArgumentException("scale must be in 1..64, got " + scale);
        }
    }
}
