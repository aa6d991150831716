package dlfs.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Progress of one training run, shown while it runs: one bar with epoch, iteration, loss,
 * accuracy and the time left, refreshed at most every {@link #INTERVAL_NANOS} (½ s) and once
 * more at the end. The kit's training loop ({@link Trainer#train()}) reports here.
 *
 * <p>Where the bar is drawn is pluggable: in a terminal (the default) it is one line rewritten
 * with {@code '\r'}; the notebook kernel installs a {@link Sink} that draws an HTML bar in place
 * ({@link #install}). The library does not depend on the kernel.
 * <pre>
 *   Progress p = Progress.start("training", iterations, epochs);
 *   try {
 *       for (int i = 0; i &lt; iterations; i++) { ...; p.iteration(i + 1, loss); }
 *   } catch (RuntimeException e) { p.stopped(); throw e; }
 *   p.finish();
 * </pre>
 */
public final class Progress {
    /** The bar is redrawn at most this often (½ s). */
    public static final long INTERVAL_NANOS = 500_000_000L;

    /**
     * A run as of now; {@code NaN} for what is not known yet (accuracy before the first epoch).
     * {@code done}: the run ended, finished or, if {@code stopped}, by an exception (an interrupt).
     */
    public record Status(String title, long iteration, long iterations, int epoch, int epochs,
                         double loss, double trainAcc, double testAcc, double seconds, boolean done, boolean stopped) {
        /** Share of the iterations done, 0 to 1. */
        public double fraction() {
            return iterations <= 0 ? 1 : Math.min(1, (double) iteration / iterations);
        }

        /** Seconds left at the speed so far ({@code NaN} before the first iteration). */
        public double secondsLeft() {
            return iteration <= 0 ? Double.NaN : seconds / iteration * (iterations - iteration);
        }

        /** The figures as one line: {@code epoch 3/17  iter 1200/10000  loss 0.2345  train 0.9100 test 0.9000}. */
        public String figures() {
            StringBuilder sb = new StringBuilder();
            if (epochs > 0) sb.append(String.format(Locale.ROOT, "epoch %d/%d  ", epoch, epochs));
            sb.append(String.format(Locale.ROOT, dlfs.Course.text("iter %d/%d", "迭代 %d/%d"), iteration, iterations));
            if (!Double.isNaN(loss)) sb.append(String.format(Locale.ROOT, dlfs.Course.text("  loss %.4f", "  损失 %.4f"), loss));
            if (!Double.isNaN(trainAcc)) sb.append(String.format(Locale.ROOT, dlfs.Course.text("  train %.4f", "  训练 %.4f"), trainAcc));
            if (!Double.isNaN(testAcc)) sb.append(String.format(Locale.ROOT, dlfs.Course.text(" test %.4f", " 测试 %.4f"), testAcc));
            return sb.toString();
        }

        /** "1 min 20 s left", "done in 12.3 s", or "stopped after 4.0 s". */
        public String time() {
            if (done) return (stopped ? dlfs.Course.text("stopped after ", "已停止，用时 ") : dlfs.Course.text("done in ", "完成，用时 ")) + duration(seconds);
            return Double.isNaN(secondsLeft()) ? "" : dlfs.Course.text("", "还需 ") + duration(secondsLeft()) + dlfs.Course.text(" left", "");
        }
    }

    /** Draws the status of one run: {@link #show} at most every {@link #INTERVAL_NANOS}, and once with {@code done}. */
    @FunctionalInterface
    public interface Sink {
        void show(Status status);
    }

    private static final Supplier<Sink> TERMINAL = () -> new TerminalBar(System.out);
    private static volatile Supplier<Sink> sinks = TERMINAL;

    private final String title;
    private final long iterations;
    private final int epochs;
    private final Sink sink;
    private final long start = System.nanoTime();
    private long lastShown = Long.MIN_VALUE;
    private long iteration;
    private int epoch;
    private double loss = Double.NaN, trainAcc = Double.NaN, testAcc = Double.NaN;

    private Progress(String title, long iterations, int epochs, Sink sink) {
        this.title = title;
        this.iterations = iterations;
        this.epochs = epochs;
        this.sink = sink;
    }

    /**
     * Where runs draw from now on: {@code sinks.get()} gives each run its own sink (the kernel
     * makes one HTML display per run); {@code null} goes back to the terminal bar on {@code System.out}.
     */
    public static void install(Supplier<Sink> newSinks) {
        sinks = newSinks == null ? TERMINAL : newSinks;
    }

    /** A run of {@code iterations} in {@code epochs} epochs (0: not counted in epochs), drawn by the installed sink. */
    public static Progress start(String title, long iterations, int epochs) {
        return new Progress(title, iterations, epochs, sinks.get());
    }

    /** A run drawn by {@code sink}. */
    public static Progress start(String title, long iterations, int epochs, Sink sink) {
        return new Progress(title, iterations, epochs, sink);
    }

    /** A run that shows nothing ({@code Trainer.verbose(false)}). */
    public static Progress silent(long iterations) {
        return new Progress("", iterations, 0, status -> { });
    }

    /** A terminal bar on {@code out}: one line rewritten with {@code '\r'}, ended with a newline by {@link #finish}. */
    public static Sink terminal(PrintStream out) {
        return new TerminalBar(out);
    }

    /** {@code done} iterations are done, the last with this loss; redraws if ½ s has passed (and at the first). */
    public void iteration(long done, double lastLoss) {
        iteration = done;
        loss = lastLoss;
        long now = System.nanoTime();
        if (lastShown == Long.MIN_VALUE || now - lastShown >= INTERVAL_NANOS) {
            lastShown = now;
            sink.show(status(false, false));
        }
    }

    /** Epoch {@code number} (from 1) began with these accuracies ({@code NaN}: not measured). */
    public void epoch(int number, double train, double test) {
        epoch = number;
        trainAcc = train;
        testAcc = test;
    }

    /** The run ended: the last redraw, with the total time. */
    public void finish() {
        sink.show(status(true, false));
    }

    /** The run was ended by an exception (an interrupt, a diverging loss): the last redraw says so. */
    public void stopped() {
        sink.show(status(true, true));
    }

    private Status status(boolean done, boolean stopped) {
        return new Status(title, iteration, iterations, epoch, epochs, loss, trainAcc, testAcc,
                (System.nanoTime() - start) / 1e9, done, stopped);
    }

    /** "850 ms", "12.3 s", "4 min 05 s", "1 h 02 min". */
    static String duration(double seconds) {
        if (seconds < 1) return Math.round(seconds * 1000) + " ms";
        if (seconds < 60) return String.format(Locale.ROOT, "%.1f s", seconds);
        long s = Math.round(seconds);
        if (s < 3600) return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }

    /** One line, rewritten in place: {@code [#########-----------]  45%  epoch 3/7  iter ...  loss ...  1 min 20 s left}. */
    static final class TerminalBar implements Sink {
        static final int WIDTH = 20;
        private final PrintStream out;
        private int shown;

        TerminalBar(PrintStream out) {
            this.out = out;
        }

        static String line(Status s) {
            int full = (int) Math.round(s.fraction() * WIDTH);
            return String.format(Locale.ROOT, "%s[%s%s] %3d%%  %s  %s", s.title().isEmpty() ? "" : s.title() + " ",
                    "#".repeat(full), "-".repeat(WIDTH - full), Math.round(s.fraction() * 100), s.figures(), s.time()).strip();
        }

        @Override
        public void show(Status s) {
            String text = line(s);
            StringBuilder sb = new StringBuilder("\r").append(text);
            for (int k = text.length(); k < shown; k++) sb.append(' ');  // cover a longer previous line
            shown = text.length();
            if (s.done()) {
                sb.append('\n');
                shown = 0;
            }
            out.print(sb);
            out.flush();
        }
    }
}
