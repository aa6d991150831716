package dlfs.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Rendering of every figure in the course kit: one place for turning an XChart chart or a
 * {@link BufferedImage} into pixels and PNG bytes, plus the shared look (fonts, colours,
 * legend) that {@link Plots} applies to the charts it builds.
 *
 * <p>Nothing here opens a window: charts are painted off-screen with Java2D, so the Jupyter
 * kernel and the tests run headless ({@code -Djava.awt.headless=true}). The figures stand in for
 * the book's matplotlib figures of every chapter (ch1 {@code plt.plot} to ch8's filters).
 *
 * <pre>
 * Charts.toPng(Plots.functions(-5, 5, fns), Path.of("target/ch3.png"));
 * byte[] png = Charts.toPngBytes(chart, 2.0);   // twice the pixels, for crisp HiDPI output
 * </pre>
 */
public final class Charts {

    /** Default figure width in pixels (about matplotlib's 6.4 inch default at 100 dpi). */
    public static final int WIDTH = 640;
    /** Default figure height in pixels. */
    public static final int HEIGHT = 420;

    /** The colour cycle (matplotlib's "tab10", the book's default colours). */
    public static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)
    };

    /**
     * Chinese words the kit puts on charts: a font for Chinese charts must draw all of them.
     */
    static final String CJK_SAMPLE = "损失函数值迭代次数识别精度训练数据测试数据学习率权值衰减激活值分布梯度下降";

    /** Fonts with Chinese glyphs, tried in this order when Java's SansSerif has none. */
    private static final List<String> CJK_FAMILIES = List.of("WenQuanYi Micro Hei", "Noto Sans CJK SC",
        "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Droid Sans Fallback", "AR PL UMing CN",
        "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "SimHei", "SimSun");

    /** Debian/Ubuntu package that gives Java's SansSerif Chinese glyphs ({@code ./start.sh} installs it). */
    public static final String CJK_FONT_PACKAGE = "fonts-wqy-microhei";

    private Charts() {
    }

    /** The n-th colour of the cycle, wrapping around. */
    public static Color color(int n) {
        return PALETTE[Math.floorMod(n, PALETTE.length)];
    }

    // ------------------------------------------------------------------ rendering

    /**
     * Paints a chart or passes an image through, at the chart's own size.
     *
     * @param chartOrImage an XChart {@link Chart} or a {@link BufferedImage}
     */
    public static BufferedImage toImage(Object chartOrImage) {
        return toImage(chartOrImage, 1.0);
    }

    /**
     * Paints a chart (or scales an image) with {@code scale} device pixels per chart pixel:
     * scale 2 gives a twice as wide and high PNG with the same layout, like matplotlib's dpi.
     */
    public static BufferedImage toImage(Object chartOrImage, double scale) {
        if (!(scale > 0) || scale > 8) {
            throw new IllegalArgumentException("scale must be in (0, 8], got " + scale);
        }
        if (chartOrImage instanceof Chart<?, ?> chart) {
            return paint(chart, chart.getWidth(), chart.getHeight(), scale);
        }
        if (chartOrImage instanceof BufferedImage image) {
            if (scale == 1.0) {
                return image;
            }
            int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                scale >= 1 ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR
                           : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, null);
            g.dispose();
            return out;
        }
        throw new IllegalArgumentException("expected an XChart chart or a BufferedImage, got "
            + (chartOrImage == null ? "null" : chartOrImage.getClass().getName()));
    }

    /**
     * Paints a chart at any size (the layout adapts: a chart is not tied to its builder's size),
     * with {@code scale} in (0, 8] device pixels per chart pixel (at least one pixel either way).
     */
    public static BufferedImage paint(Chart<?, ?> chart, int width, int height, double scale) {
        checkSize(width, height);
        if (!(scale > 0) || scale > 8) {
            throw new IllegalArgumentException("scale must be in (0, 8], got " + scale);
        }
        int w = Math.max(1, (int) Math.round(width * scale));
        int h = Math.max(1, (int) Math.round(height * scale));
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        hints(g);
        g.scale(scale, scale);
        chart.paint(g, width, height);
        g.dispose();
        return image;
    }

    /** PNG bytes of a chart or an image (what the Jupyter kernel sends as {@code image/png}). */
    public static byte[] toPngBytes(Object chartOrImage) {
        return toPngBytes(chartOrImage, 1.0);
    }

    /** PNG bytes with {@code scale} device pixels per chart pixel (see {@link #toImage(Object, double)}). */
    public static byte[] toPngBytes(Object chartOrImage, double scale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(toImage(chartOrImage, scale), "png", out)) {
                throw new IllegalStateException("no PNG writer available in ImageIO");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes a chart or image as PNG, creating parent directories; returns the file. */
    public static Path toPng(Object chartOrImage, Path file) {
        return toPng(chartOrImage, file, 1.0);
    }

    /** Writes a PNG with {@code scale} device pixels per chart pixel; returns the file. */
    public static Path toPng(Object chartOrImage, Path file, double scale) {
        byte[] bytes = toPngBytes(chartOrImage, scale);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    // ------------------------------------------------------------------ composing panels

    /**
     * Lays charts and images out on a grid, row by row, each cell {@code cellWidth x cellHeight}
     * (images are centred in their cell, charts painted to fill it) - matplotlib's
     * {@code plt.subplots(rows, cols)} for the multi-panel figures of ch6.
     */
    public static BufferedImage grid(List<?> panels, int cols, int cellWidth, int cellHeight) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("grid: no panels to lay out");
        }
        if (cols < 1) {
            throw new IllegalArgumentException("grid: cols must be >= 1, got " + cols);
        }
        checkSize(cellWidth, cellHeight);
        cols = Math.min(cols, panels.size());
        int rows = (panels.size() + cols - 1) / cols;
        BufferedImage out = new BufferedImage(cols * cellWidth, rows * cellHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        hints(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            int x = (i % cols) * cellWidth;
            int y = (i / cols) * cellHeight;
            Object p = panels.get(i);
            if (p instanceof Chart<?, ?> chart) {
                Graphics2D cell = (Graphics2D) g.create(x, y, cellWidth, cellHeight);
                chart.paint(cell, cellWidth, cellHeight);
                cell.dispose();
            } else if (p instanceof BufferedImage img) {
                g.drawImage(img, x + (cellWidth - img.getWidth()) / 2, y + (cellHeight - img.getHeight()) / 2, null);
            } else {
                throw new IllegalArgumentException("grid: panel " + i + " is neither a chart nor an image: "
                    + (p == null ? "null" : p.getClass().getName()));
            }
        }
        g.dispose();
        return out;
    }

    // ------------------------------------------------------------------ shared style

    /**
     * The font family of all chart text: Java's logical {@code SansSerif}, in English always (so
     * English figures are the same on every machine). In Chinese ({@link dlfs.Course#lang()} "zh")
     * SansSerif when it draws Chinese (on Linux it falls back to any installed CJK font, e.g.
     * {@value #CJK_FONT_PACKAGE}), else the first installed font family that does; SansSerif when
     * none is installed (Chinese then shows as boxes; {@link #cjkFontFamily()} is empty).
     */
    static String font() {
        if (!dlfs.Course.lang().equals("zh")) {
            return Font.SANS_SERIF;
        }
        return cjkFontFamily().orElse(Font.SANS_SERIF);
    }

    /**
     * A font family that draws Chinese ({@link #CJK_SAMPLE}, plain and bold), looked up once:
     * SansSerif if it does, else the first of the known CJK families installed, else any installed
     * family; empty when no font on this machine has Chinese glyphs (install
     * {@value #CJK_FONT_PACKAGE}).
     */
    public static java.util.Optional<String> cjkFontFamily() {
        return CjkFont.FAMILY;
    }

    private static final class CjkFont {
        static final java.util.Optional<String> FAMILY = java.util.Optional.ofNullable(find());

        private static String find() {
            if (drawsChinese(Font.SANS_SERIF)) {
                return Font.SANS_SERIF;
            }
            java.util.Set<String> installed = new java.util.LinkedHashSet<>(List.of(
                java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(java.util.Locale.ROOT)));
            for (String f : CJK_FAMILIES) {
                if (installed.contains(f) && drawsChinese(f)) {
                    return f;
                }
            }
            for (String f : installed) {
                if (drawsChinese(f)) {
                    return f;
                }
            }
            return null;
        }

        private static boolean drawsChinese(String family) {
            return new Font(family, Font.PLAIN, 12).canDisplayUpTo(CJK_SAMPLE) == -1
                && new Font(family, Font.BOLD, 12).canDisplayUpTo(CJK_SAMPLE) == -1;
        }
    }

    /** Applies the kit's look to a chart's styler: white, light grid, readable fonts, tab10 colours. */
    public static <S extends Styler> S style(S s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(new Color(0x444444));
        s.setChartTitleFont(new Font(font(), Font.BOLD, 15));
        s.setChartTitleBoxVisible(false);
        s.setChartFontColor(new Color(0x222222));
        s.setLegendFont(new Font(font(), Font.PLAIN, 12));
        s.setLegendBorderColor(new Color(0xcccccc));
        s.setLegendBackgroundColor(new Color(255, 255, 255, 230));
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setLegendPadding(6);
        s.setChartPadding(8);
        s.setSeriesColors(PALETTE);
        s.setAntiAlias(true);
        s.setToolTipsEnabled(false);
        if (s instanceof AxesChartStyler a) {
            a.setAxisTitleFont(new Font(font(), Font.PLAIN, 13));
            a.setAxisTickLabelsFont(new Font(font(), Font.PLAIN, 11));
            a.setPlotGridLinesColor(new Color(0xe5e5e5));
            a.setPlotGridLinesStroke(new java.awt.BasicStroke(1f));
            a.setAxisTickMarksColor(new Color(0x444444));
            a.setPlotMargin(4);
            a.setAxisTicksLineVisible(false);
            a.setXAxisTickMarkSpacingHint(90);
            a.setXAxisMaxLabelCount(12);
            a.setYAxisTickMarkSpacingHint(50);
            a.setYAxisLabelAlignment(AxesChartStyler.TextAlignment.Right);
            a.setAxisTitlePadding(6);
        }
        return s;
    }

    static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    static void checkSize(int width, int height) {
        if (width < 16 || height < 16 || width > 8192 || height > 8192) {
            throw new IllegalArgumentException("figure size must be within 16..8192 pixels, got "
                + width + "x" + height);
        }
    }
}
