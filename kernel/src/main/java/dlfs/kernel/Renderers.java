package dlfs.kernel;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.knowm.xchart.internal.chartpart.Chart;

import tech.tablesaw.columns.Column;
import tech.tablesaw.table.Relation;

/**
 * Turns a cell's value into what Jupyter shows: an XChart chart or a {@link RenderedImage} as
 * {@code image/png}, a Tablesaw table as {@code text/html}, anything else as JShell prints it.
 * Every bundle also has {@code text/plain}, for front ends (and diffs) without images.
 *
 * <p>Charts are painted off-screen (never in a Swing window, which a headless kernel cannot
 * open) at {@link #imageScale()} image pixels per CSS pixel, and tagged with their CSS size, so
 * they stay sharp on HiDPI screens.
 */
public final class Renderers {
    /** Tables longer than this show their first {@link #HEAD_ROWS} and last {@link #TAIL_ROWS} rows. */
    static final int MAX_TABLE_ROWS = 40;
    static final int HEAD_ROWS = 20;
    static final int TAIL_ROWS = 5;
    /** Images smaller than this (pixels, longest side) are enlarged by whole factors, pixel by pixel. */
    static final int SMALL_IMAGE = 256;
    static final int MAX_UPSCALE = 8;

    private static volatile double imageScale = 2.0;

    private Renderers() {
    }

    /** Pixels per CSS pixel for charts; 2 by default. */
    public static double imageScale() {
        return imageScale;
    }

    static void setImageScale(double scale) {
        if (!(scale >= 0.25 && scale <= 8)) {
            throw new IllegalArgumentException("image scale must be between 0.25 and 8, got " + scale);
        }
        imageScale = scale;
    }

    /** The richest bundle for {@code value}, at its own size. */
    public static MimeBundle render(Object value) {
        if (value instanceof MimeBundle bundle) {
            return bundle;
        }
        if (value instanceof Chart<?, ?> chart) {
            return chart(chart, chart.getWidth(), chart.getHeight());
        }
        if (value instanceof RenderedImage image) {
            int k = upscaleFactor(image.getWidth(), image.getHeight());
            return image(image, image.getWidth() * k, image.getHeight() * k);
        }
        if (value instanceof Relation table) {
            return new MimeBundle().put(MimeBundle.TEXT, table.print()).put(MimeBundle.HTML, html(table));
        }
        return new MimeBundle().put(MimeBundle.TEXT, CellExecutionControl.jshellString(value));
    }

    /** A chart or image at {@code width} x {@code height} CSS pixels. */
    public static MimeBundle render(Object value, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("display size must be positive, got " + width + " x " + height);
        }
        if (value instanceof Chart<?, ?> chart) {
            return chart(chart, width, height);
        }
        if (value instanceof RenderedImage image) {
            return image(image, width, height);
        }
        String type = value == null ? "null" : value.getClass().getName();
        throw new IllegalArgumentException("display(value, " + width + ", " + height
                + "): a size applies to an XChart chart or an image, not to " + type);
    }

    private static MimeBundle chart(Chart<?, ?> chart, int width, int height) {
        double s = imageScale;
        BufferedImage img = new BufferedImage((int) Math.round(width * s), (int) Math.round(height * s),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(s, s);
            chart.paint(g, width, height);
        } finally {
            g.dispose();
        }
        String title = chart.getTitle() == null || chart.getTitle().isEmpty() ? "" : " '" + chart.getTitle() + "'";
        return png(img, width, height, chart.getClass().getSimpleName() + title + " (" + width + "x" + height + ")");
    }

    private static MimeBundle image(RenderedImage image, int width, int height) {
        double s = imageScale;
        int pw = (int) Math.round(width * s);
        int ph = (int) Math.round(height * s);
        RenderedImage out = image;
        if (pw != image.getWidth() || ph != image.getHeight()) {
            BufferedImage scaled = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = scaled.createGraphics();
            try {
                boolean enlarging = pw >= image.getWidth() && ph >= image.getHeight();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, enlarging
                        ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR
                        : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawRenderedImage(image, java.awt.geom.AffineTransform.getScaleInstance(
                        (double) pw / image.getWidth(), (double) ph / image.getHeight()));
            } finally {
                g.dispose();
            }
            out = scaled;
        }
        return png(out, width, height,
                "image " + image.getWidth() + "x" + image.getHeight() + " (shown " + width + "x" + height + ")");
    }

    /** Whole-number enlargement that brings a small image (an MNIST digit) to a visible size. */
    static int upscaleFactor(int width, int height) {
        int longest = Math.max(width, height);
        if (longest <= 0 || longest >= SMALL_IMAGE) {
            return 1;
        }
        return Math.max(1, Math.min(MAX_UPSCALE, SMALL_IMAGE / longest));
    }

    private static MimeBundle png(RenderedImage img, int cssWidth, int cssHeight, String description) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", bytes)) {
                throw new IllegalStateException("no PNG writer for image type " + img.getClass().getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("width", cssWidth);
        meta.put("height", cssHeight);
        return new MimeBundle()
                .put(MimeBundle.PNG, Base64.getEncoder().encodeToString(bytes.toByteArray()))
                .put(MimeBundle.TEXT, "<" + description + ">")
                .putMetadata(MimeBundle.PNG, meta);
    }

    /** An HTML table with the table's name, its columns and types, and its shape. */
    static String html(Relation table) {
        int rows = table.rowCount();
        List<Column<?>> columns = table.columns();
        StringBuilder sb = new StringBuilder();
        sb.append("<table class=\"dlfs-table\">");
        if (table.name() != null && !table.name().isEmpty()) {
            sb.append("<caption>").append(escape(table.name())).append("</caption>");
        }
        sb.append("<thead><tr>");
        for (Column<?> c : columns) {
            sb.append("<th title=\"").append(escape(c.type().name())).append("\">")
                    .append(escape(c.name())).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        boolean cut = rows > MAX_TABLE_ROWS;
        for (int r = 0; r < rows; r++) {
            if (cut && r == HEAD_ROWS) {
                sb.append("<tr>");
                for (int i = 0; i < columns.size(); i++) {
                    sb.append("<td>&hellip;</td>");
                }
                sb.append("</tr>");
                r = rows - TAIL_ROWS;
            }
            sb.append("<tr>");
            for (Column<?> c : columns) {
                sb.append("<td>").append(escape(c.getString(r))).append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</tbody></table>");
        sb.append("<p><small>").append(rows).append(rows == 1 ? " row" : " rows").append(" &times; ")
                .append(columns.size()).append(columns.size() == 1 ? " column" : " columns").append("</small></p>");
        return sb.toString();
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
