package dlfs.kernel;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import dlfs.train.Progress;

/**
 * A training run's progress in a notebook: one output that updates in place (Jupyter's
 * {@code display_data} with a {@code display_id}, then {@code update_display_data}), an HTML bar
 * with epoch, iteration, loss, accuracy and time left, and the terminal bar's line as plain text
 * for other front ends. The kernel installs it with {@link Progress#install}; each run gets its own.
 */
final class ProgressBar implements Progress.Sink {
    /** Sends one state of the bar: {@code first} for the first (display), else an update of {@code displayId}. */
    @FunctionalInterface
    interface Publisher {
        void publish(MimeBundle bar, String displayId, boolean first);
    }

    private static final AtomicLong RUNS = new AtomicLong();

    private final Publisher publisher;
    private final String displayId = "dlfs-progress-" + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet();
    private boolean shown;

    ProgressBar(Publisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void show(Progress.Status s) {
        publisher.publish(render(s), displayId, !shown);
        shown = true;
    }

    static MimeBundle render(Progress.Status s) {
        int percent = (int) Math.round(s.fraction() * 100);
        String color = s.done() ? "#2e7d32" : "#1976d2";
        String html = "<div class=\"dlfs-progress\" style=\"font-family:monospace;font-size:13px;line-height:1.6\">"
                + (s.title().isEmpty() ? "" : "<b>" + escape(s.title()) + "</b> ")
                + "<span style=\"display:inline-block;width:240px;height:12px;border:1px solid #999;border-radius:3px;"
                + "vertical-align:middle;background:#eee\"><span style=\"display:block;height:100%;width:" + percent + "%;"
                + "background:" + color + "\"></span></span> "
                + String.format(Locale.ROOT, "%3d%%", percent) + " &nbsp; " + escape(s.figures()).replace("  ", " &nbsp;")
                + " &nbsp; <i>" + escape(s.time()) + "</i></div>";
        String text = (s.title().isEmpty() ? "" : s.title() + " ") + String.format(Locale.ROOT, "%3d%%  ", percent)
                + s.figures() + "  " + s.time();
        return new MimeBundle().put(MimeBundle.TEXT, text.strip()).put(MimeBundle.HTML, html);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
