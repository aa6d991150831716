package dlfs.kernel;

import java.util.function.Consumer;

/**
 * What a notebook cell can call to show things. Every cell has
 * {@code import static dlfs.kernel.Display.*;} so these read as plain calls:
 * <pre>
 *   display(chart);              // an XChart chart, inline as a PNG, mid-cell
 *   display(chart, 400, 300);    // the same at another size (CSS pixels)
 *   display(table);              // a Tablesaw Table as an HTML table
 *   setImageScale(1);            // pixels per CSS pixel for later charts (default 2: crisp on HiDPI)
 * </pre>
 * The last expression of a cell is displayed the same way without a call.
 */
public final class Display {
    private static volatile Consumer<MimeBundle> sink = bundle -> System.out.println(bundle.get(MimeBundle.TEXT));

    private Display() {
    }

    /** Shows {@code value} now, as the richest form the kernel knows for it. */
    public static void display(Object value) {
        sink.accept(Renderers.render(value));
    }

    /** Shows a chart or an image at {@code width} x {@code height} CSS pixels. */
    public static void display(Object value, int width, int height) {
        sink.accept(Renderers.render(value, width, height));
    }

    /**
     * Sets how many image pixels a chart gets per CSS pixel: 2 (the default) keeps lines and text
     * sharp on HiDPI screens, 1 gives smaller notebooks.
     */
    public static void setImageScale(double scale) {
        Renderers.setImageScale(scale);
    }

    /** Where {@link #display} sends its output: the kernel's display channel, or a test runner. */
    static void setSink(Consumer<MimeBundle> newSink) {
        sink = newSink;
    }

    static Consumer<MimeBundle> sink() {
        return sink;
    }
}
