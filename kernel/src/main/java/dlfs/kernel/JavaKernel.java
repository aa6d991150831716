package dlfs.kernel;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import dlfs.train.Progress;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * The Jupyter kernel "Java (DLFS)": Jupyter's messaging from IJava's kernel base library
 * ({@code jupyter-jvm-basekernel}), cells evaluated by {@link Evaluator} (JShell in this JVM).
 *
 * <p>Started by Jupyter as {@code java -cp <kernel and library jars> dlfs.kernel.JavaKernel
 * <connection file>} (see the kernelspec that {@code start.sh} installs).
 */
public final class JavaKernel extends BaseKernel {
    private final CompletableFuture<Evaluator> evaluator;
    /** Set when the cell being executed failed; read by {@link StopOnError}. */
    private volatile boolean failed;
    private final LiveOutput out;
    private final LiveOutput err;
    /**
     * Exactly the {@code language_info} the course notebooks carry (kernel/notebook-src/nbgen.py): the
     * notebook page compares it with the kernel's on opening and marks the notebook changed if it
     * differs, so it names no JDK version (the banner does).
     */
    private final LanguageInfo languageInfo = new LanguageInfo.Builder("java")
            .mimetype("text/x-java-source")
            .fileExtension(".jshell")
            .pygments("java")
            .codemirror("text/x-java")
            .build();

    public JavaKernel() {
        // Start JShell while Jupyter connects: the first cell then waits for less.
        this.evaluator = CompletableFuture.supplyAsync(Evaluator::new);
        setShouldReplaceStdStreams(false);
        quietSlf4j();
        LiveOutput.Budget budget = new LiveOutput.Budget(LiveOutput.Budget.JUPYTER_BYTES_PER_WINDOW,
                LiveOutput.Budget.JUPYTER_WINDOW_NANOS);
        this.out = new LiveOutput(getIO().out, budget);
        this.err = new LiveOutput(getIO().err, budget);
        System.setOut(new PrintStream(out, false, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, false, StandardCharsets.UTF_8));
        System.setIn(getIO().in);
        LiveOutput.startFlusher(out, err);
        Evaluator.setDisplaySink(bundle -> {
            flushStreams();
            display(toDisplayData(bundle));
        });
        Progress.install(() -> new ProgressBar(this::showProgress));
    }

    /** A training run's bar: shown once, then updated in place. */
    private void showProgress(MimeBundle bar, String displayId, boolean first) {
        flushStreams();
        DisplayData d = toDisplayData(bar);
        d.setDisplayId(displayId);
        if (first) {
            getIO().display.display(d);
        } else {
            getIO().display.updateDisplay(d);
        }
    }

    /**
     * Tablesaw logs through SLF4J, which without a binding warns on first use; let that happen
     * now, on the kernel's own log, rather than in the first cell that makes a table.
     */
    private static void quietSlf4j() {
        try {
            Class.forName("org.slf4j.LoggerFactory").getMethod("getILoggerFactory").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            // no SLF4J on the classpath: nothing to quiet
        }
    }

    private Evaluator evaluator() throws Exception {
        try {
            return evaluator.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("JShell could not start: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        Evaluator ev = evaluator();
        int count = executionCount.get() - 1;  // BaseKernel counts this request before eval
        failed = false;
        try {
            Optional<MimeBundle> value = ev.eval(code, "In [" + count + "]");
            return value.map(JavaKernel::toDisplayData).orElse(null);
        } catch (CellError e) {
            failed = true;
            throw e.kind() == CellError.Kind.INTERRUPTED ? new Interrupted(e) : e;
        } catch (Exception e) {
            failed = true;
            throw e;
        } finally {
            flushStreams();
        }
    }

    /**
     * Jupyter's handlers, with execute requests queued behind a failed or interrupted cell
     * answered "aborted" ({@link StopOnError}), so Run All stops where a cell fails.
     */
    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        if (connection instanceof LowLatencyConnection c) {
            StopOnError.install(connection, c.shellChannel(), () -> failed);
        }
    }

    private void flushStreams() {
        System.out.flush();
        System.err.flush();
        out.flush();
        err.flush();
    }

    static DisplayData toDisplayData(MimeBundle bundle) {
        DisplayData d = new DisplayData();
        for (Map.Entry<String, String> e : bundle.data().entrySet()) {
            d.putData(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Object> e : bundle.metadata().entrySet()) {
            d.putMetaData(e.getKey(), e.getValue());
        }
        return d;
    }

    /**
     * An interrupted cell's error: Jupyter names an error by the exception's class, so the reply
     * says {@code "ename": "Interrupted"}.
     */
    static final class Interrupted extends Exception {
        private static final long serialVersionUID = 1L;
        final transient CellError error;

        Interrupted(CellError error) {
            super(error.getMessage(), null, false, false);
            this.error = error;
        }
    }

    @Override
    public List<String> formatError(Exception e) {
        if (e instanceof Interrupted i) {
            e = i.error;
        }
        if (e instanceof CellError ce) {
            List<String> lines = new ArrayList<>(ce.traceback());
            if (!lines.isEmpty()) {
                lines.set(0, "\u001b[1;31m" + lines.get(0) + "\u001b[0m");
            }
            return lines;
        }
        return super.formatError(e);
    }

    @Override
    public ReplacementOptions complete(String code, int at) throws Exception {
        Evaluator.Completion c = evaluator().complete(code, at);
        return new ReplacementOptions(c.candidates(), c.start(), c.end());
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) throws Exception {
        return evaluator().inspect(code, at).map(DisplayData::new).orElse(null);
    }

    @Override
    public String isComplete(String code) {
        try {
            return switch (evaluator().isComplete(code)) {
                case "complete" -> IS_COMPLETE_YES;
                case "incomplete" -> "    ";
                default -> IS_COMPLETE_BAD;
            };
        } catch (Exception e) {
            return IS_COMPLETE_MAYBE;
        }
    }

    @Override
    public void interrupt() {
        if (evaluator.isDone() && !evaluator.isCompletedExceptionally()) {
            evaluator.join().interrupt();
        }
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        if (evaluator.isDone() && !evaluator.isCompletedExceptionally()) {
            evaluator.join().close();
        }
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + dlfs.Course.text(" (JShell) with the DLFS library, XChart and Tablesaw; matrix product: ",
                " (JShell)，附带 DLFS 库、XChart 和 Tablesaw；矩阵乘法：") + dlfs.nd.Gemm.backend();
    }

    @Override
    public List<LanguageInfo.Help> getHelpLinks() {
        return List.of(new LanguageInfo.Help("Java 17 API", "https://docs.oracle.com/en/java/javase/17/docs/api/"),
                new LanguageInfo.Help("XChart", "https://knowm.org/open-source/xchart/"),
                new LanguageInfo.Help("Tablesaw", "https://jtablesaw.github.io/tablesaw/"));
    }

    /**
     * Runs the kinds of cells a notebook runs (values, a chart, a table, a compile error, an
     * exception) once, so that {@code start.sh} can record the classes they load in a class-data
     * archive ({@code -XX:ArchiveClassesAtExit}) that later kernel starts map instead of loading.
     */
    static void warmUp() throws Exception {
        List<MimeBundle> shown = new ArrayList<>();
        Evaluator.setDisplaySink(shown::add);
        try (Evaluator ev = new Evaluator()) {
            ev.eval("int x = 41;", "warm-up");
            ev.eval("x + 1", "warm-up");
            ev.eval("var chart = new org.knowm.xchart.XYChartBuilder().width(200).height(100).title(\"t\").build();\n"
                    + "chart.addSeries(\"s\", new double[] {0, 1}, new double[] {0, 1});\ndisplay(chart);", "warm-up");
            ev.eval("tech.tablesaw.api.Table.create(\"t\", tech.tablesaw.api.IntColumn.create(\"i\", new int[] {1, 2}))", "warm-up");
            for (String bad : List.of("int y = x +;", "Integer.parseInt(\"x\")")) {
                try {
                    ev.eval(bad, "warm-up");
                } catch (CellError expected) {
                    // the error path is part of what a notebook loads
                }
            }
            ev.complete("Math.ma", 7);
        }
        if (shown.size() != 1 || !shown.get(0).has(MimeBundle.PNG)) {
            throw new IllegalStateException("warm-up chart did not render: " + shown);
        }
    }

    /** Entry point: {@code JavaKernel <connection file>}, or {@code JavaKernel --warm-up}. */
    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--warm-up")) {
            warmUp();
            System.exit(0);
        }
        if (args.length != 1) {
            System.err.println("usage: java -cp <jars> dlfs.kernel.JavaKernel <jupyter connection file>");
            System.exit(2);
        }
        Logger.getLogger("").setLevel(Level.WARNING);
        for (var h : Logger.getLogger("").getHandlers()) {
            h.setLevel(Level.WARNING);
        }
        String connection = Files.readString(Paths.get(args[0]), StandardCharsets.UTF_8);
        JupyterConnection conn = new LowLatencyConnection(KernelConnectionProperties.parse(connection));
        JavaKernel kernel = new JavaKernel();
        kernel.becomeHandlerForConnection(conn);
        conn.connect();
        conn.waitUntilClose();
        System.exit(0);
    }
}
