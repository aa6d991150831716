package dlfs.kernel;

import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

/**
 * Evaluates notebook cells with the JDK's JShell, in this JVM. The kernel and the in-JVM notebook
 * runner share it, so a notebook that passes {@code mvn test} runs the same way in Jupyter.
 *
 * <p>A cell is split into snippets (JShell's own source analysis) and run in order; the first
 * snippet that fails to compile or throws stops the cell with a {@link CellError}. The value of a
 * cell is the value of its last expression. Lines starting with {@code %} are magics
 * ({@link Magics}). Every cell sees {@code import static dlfs.kernel.Display.*}, JShell's usual
 * imports, and the library, XChart and Tablesaw on its classpath.
 *
 * <p>The evaluator coordinates; each job has its class: {@link CellExecutionControl} runs each
 * snippet on a cell thread and stops it on an interrupt, {@link SnippetReports} turns what went
 * wrong into the student's terms, {@link CodeAssist} answers completion and inspection,
 * {@link Renderers} shows a value, {@link Display} sends what a cell displays, and
 * {@link JvmClasspath} finds what cells compile against.
 */
public final class Evaluator implements AutoCloseable {

    /** The imports JShell's own tool starts with, plus {@code display(...)}. */
    static final List<String> STARTUP = List.of(
            "import java.io.*;",
            "import java.math.*;",
            "import java.net.*;",
            "import java.nio.file.*;",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import java.util.function.*;",
            "import java.util.regex.*;",
            "import java.util.stream.*;",
            "import static dlfs.kernel.Display.*;");

    private final CellExecutionControl control = new CellExecutionControl();
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final Magics magics;
    private final SnippetReports reports;
    private final CodeAssist assist;
    private final Set<String> classpath = new LinkedHashSet<>();

    /** A JShell with this JVM's classpath (the kernel, the library, XChart, Tablesaw). */
    public Evaluator() {
        this(JvmClasspath.entries());
    }

    /** A JShell whose compiler sees {@code classpath}; the classes themselves load from this JVM. */
    public Evaluator(List<String> classpath) {
        CellExits.install();
        this.shell = JShell.builder()
                .executionEngine(new CellExecutionControl.Provider(control), null)
                .compilerOptions("-Xlint:none")
                .build();
        this.analysis = shell.sourceCodeAnalysis();
        this.magics = new Magics(this);
        this.reports = new SnippetReports(shell);
        this.assist = new CodeAssist(shell);
        for (String entry : classpath) {
            addToClasspath(entry);
        }
        for (String s : STARTUP) {
            List<SnippetEvent> events = shell.eval(s);
            if (events.isEmpty() || events.get(0).status() != Snippet.Status.VALID) {
                throw new IllegalStateException("kernel start-up import failed: " + s
                        + " (is dlfs-kernel on the classpath?)");
            }
        }
    }

    /**
     * Evaluates one cell.
     *
     * @param cell the cell's source
     * @param label how errors name the cell, e.g. {@code "In [3]"} or {@code "cell 3"}
     * @return the rendered value of the last expression, if the cell ends in one
     * @throws CellError if a snippet does not compile, throws, or is interrupted
     */
    public Optional<MimeBundle> eval(String cell, String label) throws CellError {
        Optional<Object> value = evalToObject(cell, label, 0);
        return value.map(Renderers::render);
    }

    /**
     * Like {@link #eval} but returns the raw value; {@code lineOffset} is the cell line {@code cell} starts at ({@code Optional.of(null)} is impossible, so a
     * {@code null} value comes back as {@link #NULL}).
     */
    Optional<Object> evalToObject(String cell, String label, int lineOffset) throws CellError {
        String[] lines = cell.split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first < lines.length && lines[first].stripLeading().startsWith("%%")) {
            String header = lines[first].strip().substring(2);
            String body = String.join("\n", Arrays.asList(lines).subList(first + 1, lines.length));
            return magics.cellMagic(header, body, lineOffset + first + 1, label);
        }
        // Code runs in chunks between line magics, in order.
        Optional<Object> last = Optional.empty();
        StringBuilder chunk = new StringBuilder();
        int chunkStart = 0;
        for (int i = 0; i < lines.length; i++) {
            String stripped = lines[i].strip();
            if (stripped.startsWith("%") && !stripped.startsWith("%%")) {
                if (!chunk.toString().isBlank()) {
                    last = evalCode(chunk.toString(), label, lineOffset + chunkStart);
                }
                chunk.setLength(0);
                chunkStart = i + 1;
                magics.lineMagic(stripped.substring(1), label, lineOffset + i);
                last = Optional.empty();
            } else if (stripped.startsWith("%%")) {
                throw CellError.magicError(label, lineOffset + i, "%%" + stripped.substring(2).split("\\s+")[0]
                        + " is a cell magic: it must be the first line of the cell");
            } else {
                chunk.append(lines[i]).append('\n');
            }
        }
        if (!chunk.toString().isBlank()) {
            last = evalCode(chunk.toString(), label, lineOffset + chunkStart);
        }
        return last;
    }

    /** Stands for a {@code null} cell value. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** Evaluates plain Java (no magics); {@code lineOffset} is the 0-based line of {@code code} in its cell. */
    Optional<Object> evalCode(String code, String label, int lineOffset) throws CellError {
        Optional<Object> last = Optional.empty();
        String rest = code;
        int consumed = 0;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            String source;
            int length;
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            if (info.completeness().isComplete()) {
                source = info.source();
                length = rest.length() - info.remaining().length();
            } else {
                source = rest;  // incomplete or unknown: let the compiler say what is wrong
                length = rest.length();
            }
            // JShell counts diagnostics and stack-frame lines from the first non-blank character
            int lead = 0;
            while (lead < rest.length() && Character.isWhitespace(rest.charAt(lead))) {
                lead++;
            }
            int startLine = lineOffset + SnippetReports.countLines(code, consumed + lead);
            last = evalSnippet(source.stripLeading(), label, startLine, rest.substring(lead));
            consumed += length;
            rest = code.substring(consumed);
        }
        return last;
    }

    private Optional<Object> evalSnippet(String source, String label, int startLine, String text) throws CellError {
        control.takeLastValue();
        control.takeStopped();
        List<SnippetEvent> events = shell.eval(source);
        if (control.takeStopped()) {
            for (SnippetEvent e : events) {
                if (e.snippet() instanceof VarSnippet v) {
                    reports.leftUnassigned(v.name(), label);
                }
            }
            throw CellError.interrupted(label);
        }
        Optional<Object> value = Optional.empty();
        for (SnippetEvent e : events) {
            Snippet sn = e.snippet();
            if (e.causeSnippet() != null) {
                reports.noteUpdate(e);
                continue;
            }
            reports.cameFrom(sn.id(), label, startLine);
            if (e.exception() == null && sn instanceof VarSnippet v) {
                reports.assigned(v.name());  // declared again
            } else if (e.exception() == null && sn instanceof ExpressionSnippet x
                    && sn.subKind() == Snippet.SubKind.ASSIGNMENT_SUBKIND) {
                reports.assigned(x.name());  // history = ...
            }
            if (e.status() == Snippet.Status.REJECTED) {
                throw reports.compileError(sn, label, startLine, text);
            }
            if (e.exception() != null) {
                throw reports.exceptionError(e.exception(), label, startLine);
            }
            if (e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                reports.noteUnresolved((DeclarationSnippet) sn, "was created");
            }
            value = Optional.empty();
            if (isExpression(sn) && e.status() == Snippet.Status.VALID) {
                Object v = control.takeLastValue();
                if (v == CellExecutionControl.NO_VALUE) {
                    value = e.value() == null ? Optional.empty() : Optional.of(new MimeBundle().put(MimeBundle.TEXT, e.value()));
                } else if (v instanceof java.io.PrintStream || v instanceof java.io.PrintWriter) {
                    // a cell ending in System.out.printf(...) or .format(...) printed its output; the stream it
                    // returns for chaining is not a result (as print() returns None in Python)
                    value = Optional.empty();
                } else {
                    value = Optional.of(v == null ? NULL : v);
                }
            }
        }
        return value;
    }

    private static boolean isExpression(Snippet sn) {
        return sn.kind() == Snippet.Kind.EXPRESSION
                || sn.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    // ---- interrupt ---------------------------------------------------------------------------

    /** Stops the running cell, if any (an interrupt from Jupyter). */
    public void interrupt() {
        control.stop();
        Thread magic = magicThread;
        if (magic != null) magic.interrupt();
    }

    /** The thread running a long magic ({@code %grade}), which {@link #interrupt()} interrupts too. */
    private volatile Thread magicThread;

    /** Runs a magic's work so that Jupyter's interrupt reaches it. */
    <T> T interruptibly(Supplier<T> work) {
        magicThread = Thread.currentThread();
        T result;
        try {
            result = work.get();
        } finally {
            magicThread = null;
        }
        Thread.interrupted();  // an interrupt that came as the work ended must not reach the next cell
        return result;
    }

    /** True while a cell's code runs. */
    public boolean isRunning() {
        return control.isRunning();
    }

    // ---- classpath ---------------------------------------------------------------------------

    /** Adds a jar or class directory to what cells compile and run against. */
    public void addToClasspath(String entry) {
        String abs = Paths.get(entry).toAbsolutePath().normalize().toString();
        if (classpath.add(abs)) {
            shell.addToClasspath(abs);
        }
    }

    /** The classpath cells see, in order. */
    public List<String> classpath() {
        return List.copyOf(classpath);
    }

    // ---- completion and inspection (CodeAssist) ----------------------------------------------

    /** Completions at {@code cursor}: the candidates and the range of {@code code} they replace. */
    public record Completion(List<String> candidates, int start, int end) {
    }

    /** Tab completion from JShell's source analysis of the snippet the cursor is in. */
    public Completion complete(String code, int cursor) {
        return assist.complete(code, cursor);
    }

    /** Shift-Tab: signatures at the cursor with their Javadoc (the library's always, the JDK's when its src.zip is installed), or the expression's type. */
    public Optional<String> inspect(String code, int cursor) {
        return assist.inspect(code, cursor);
    }

    /** For Jupyter consoles: "complete", "incomplete" (with an indent), or "invalid". */
    public String isComplete(String code) {
        return assist.isComplete(code);
    }

    /** Output of {@link Display#display} during {@link #eval}; the kernel sends it to Jupyter. */
    public static void setDisplaySink(Consumer<MimeBundle> sink) {
        Display.setSink(sink);
    }

    @Override
    public void close() {
        shell.close();
    }
}
