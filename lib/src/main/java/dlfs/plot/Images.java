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
 * <p>Pixels are shown as in the book: digits with {@code cmap='gray'} (0 black, 1 white), filters
 * with {@code cmap='gray_r'} (each filter min-max scaled, large weights dark), enlarged with
 * nearest-neighbour so every pixel stays a crisp square.
 */
public final class Images {

    private static final Color WRONG = new Color(0xd62728);
    private static final Color TEXT = new Color(0x222222);
    private static final int GAP = 6;

    private Images() {
    }

    /**
     * One grayscale image of shape (H, W) (or a flat square image of H·H pixels), enlarged
     * {@code scale} times; values in [0, 1] or [0, 255] are shown as they are, anything else is
     * min-max scaled.
     */
    public static BufferedImage image(NDArray img, int scale) {
        double[][] px = asImages(img.ndim() == 1 ? img.reshape(1, img.size()) : img.reshape(1, img.shape(0), img.shape(1)),
            "image")[0];
        checkScale(scale);
        double[] range = displayRange(img.data());
        BufferedImage out = new BufferedImage(px[0].length * scale, px.length * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        drawGray(g, px, 0, 0, scale, range[0], range[1], false);
        g.dispose();
        return out;
    }

    /**
     * MNIST-style digits on a grid, {@code cols} per row, each titled with its true label and,
     * when {@code predicted} is given, the prediction, which is red when it is wrong.
     *
     * @param images    shape (N, 784), (N, 28, 28) or (N, 1, 28, 28) (any square size works)
     * @param trueLabels N labels, or null for none
     * @param predicted  N predicted labels, or null
     */
    public static BufferedImage digitGrid(NDArray images, int[] trueLabels, int[] predicted, int cols) {
        double[][][] imgs = asImages(images, "digitGrid");
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
        Font font = new Font(Charts.FONT, Font.PLAIN, 13);
        int lineH = 16;
        int cellW = Math.max(w * scale, 70) + GAP;
        int cellH = h * scale + lines * lineH + GAP + (lines > 0 ? 4 : 0);
        int rows = (n + cols - 1) / cols;
        BufferedImage out = canvas(cols * cellW + GAP, rows * cellH + GAP);
        Graphics2D g = out.createGraphics();
        Charts.hints(g);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        double[] range = displayRange(images.data());
        for (int k = 0; k < n; k++) {
            int x0 = GAP + (k % cols) * cellW;
            int y0 = GAP + (k / cols) * cellH;
            int line = 0;
            if (trueLabels != null) {
                centred(g, fm, "True: " + trueLabels[k], x0, cellW - GAP, y0 + fm.getAscent() + line++ * lineH, TEXT);
            }
            if (predicted != null) {
                boolean wrong = trueLabels != null && predicted[k] != trueLabels[k];
                centred(g, fm, "Pred: " + predicted[k], x0, cellW - GAP, y0 + fm.getAscent() + line++ * lineH,
                    wrong ? WRONG : TEXT);
            }
            int iy = y0 + lines * lineH + (lines > 0 ? 4 : 0);
            int ix = x0 + (cellW - GAP - w * scale) / 2;
            drawGray(g, imgs[k], ix, iy, scale, range[0], range[1], false);
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
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double[] row : tiles[k]) {
                for (double v : row) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            int x0 = GAP + (k % cols) * cellW, y0 = GAP + (k / cols) * cellH;
            drawGray(g, tiles[k], x0, y0, scale, lo, hi, reversed);
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
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < per; k++) {
                lo = Math.min(lo, d[f * per + k]);
                hi = Math.max(hi, d[f * per + k]);
            }
            int x0 = GAP + (f % cols) * cellW, y0 = GAP + (f / cols) * cellH;
            for (int i = 0; i < fh; i++) {
                for (int j = 0; j < fw; j++) {
                    int rgb = 0;
                    for (int ch = 0; ch < 3; ch++) {
                        double v = d[f * per + (ch * fh + i) * fw + j];
                        int level = hi > lo ? (int) Math.round(255 * (v - lo) / (hi - lo)) : 128;
                        rgb = (rgb << 8) | level;
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
        if (n == 0) {
            throw new IllegalArgumentException(op + ": no images in " + a.shapeString());
        }
        return split(a.data(), n, h, w);
    }

    /** [0,1] data as is, [0,255] data as bytes, anything else min-max scaled. */
    private static double[] displayRange(double[] d) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : d) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("image data contains a non-finite value " + v);
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (lo >= 0 && hi <= 1) {
            return new double[] {0, 1};
        }
        if (lo >= 0 && hi <= 255) {
            return new double[] {0, 255};
        }
        return new double[] {lo, hi};
    }

    private static void drawGray(Graphics2D g, double[][] px, int x0, int y0, int scale, double lo, double hi,
                                 boolean reversed) {
        for (int i = 0; i < px.length; i++) {
            for (int j = 0; j < px[i].length; j++) {
                double t = hi > lo ? (px[i][j] - lo) / (hi - lo) : 0.5;
                t = Math.max(0, Math.min(1, t));
                int level = (int) Math.round(255 * (reversed ? 1 - t : t));
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
