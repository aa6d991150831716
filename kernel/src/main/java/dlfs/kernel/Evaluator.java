package dlfs.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
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
    private final Set<String> classpath = new LinkedHashSet<>();
    /** Where each snippet came from, for error reports: snippet id to (cell, first line). */
    private final Map<String, Origin> origins = new HashMap<>();

    private record Origin(String cell, int firstLine) {
    }

    /** Variables declared by a cell that was interrupted before it assigned them: name to that cell's label. */
    private final Map<String, String> unassigned = new HashMap<>();

    /** A field of JShell's wrapper classes, as a helpful NullPointerException names it: {@code "REPL.$JShell$69.history"}. */
    private static final java.util.regex.Pattern JSHELL_FIELD =
            java.util.regex.Pattern.compile("\"REPL\\.\\$JShell\\$\\w+\\.(\\w+)\"");

    /** A JShell with this JVM's classpath (the kernel, the library, XChart, Tablesaw). */
    public Evaluator() {
        this(classpathOfThisJvm());
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
            String body = String.join("\n", java.util.Arrays.asList(lines).subList(first + 1, lines.length));
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
                throw magicError(label, lineOffset + i, "%%" + stripped.substring(2).split("\\s+")[0]
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
            int startLine = lineOffset + countLines(code, consumed + lead);
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
                    unassigned.put(v.name(), label);
                }
            }
            throw interrupted(label);
        }
        Optional<Object> value = Optional.empty();
        for (SnippetEvent e : events) {
            Snippet sn = e.snippet();
            if (e.causeSnippet() != null) {
                noteUpdate(e);
                continue;
            }
            origins.put(sn.id(), new Origin(label, startLine));
            if (e.exception() == null && sn instanceof VarSnippet v) {
                unassigned.remove(v.name());  // declared again
            } else if (e.exception() == null && sn instanceof ExpressionSnippet x
                    && sn.subKind() == Snippet.SubKind.ASSIGNMENT_SUBKIND) {
                unassigned.remove(x.name());  // history = ...
            }
            if (e.status() == Snippet.Status.REJECTED) {
                throw compileError(sn, label, startLine, text);
            }
            if (e.exception() != null) {
                throw exceptionError(e.exception(), label, startLine);
            }
            if (e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                noteUnresolved((DeclarationSnippet) sn, "was created");
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

    /** A declaration that another cell changed: never let a variable be reset silently. */
    private void noteUpdate(SnippetEvent e) {
        Snippet sn = e.snippet();
        if (e.status() == Snippet.Status.OVERWRITTEN || e.status() == Snippet.Status.DROPPED) {
            return;
        }
        if (sn instanceof VarSnippet v && sn.subKind() != Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            if (e.status() == Snippet.Status.VALID && e.previousStatus() == Snippet.Status.VALID) {
                System.err.println("note: variable " + v.name() + " was re-declared because a definition it depends on"
                        + " changed; its value is now " + shell.varValue(v)
                        + ". Re-run the cell that sets it.");
            } else if (!e.status().isActive() || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                System.err.println("note: variable " + v.name() + " can no longer be used: " + unresolvedText(v));
            }
        } else if (sn instanceof DeclarationSnippet d && e.status() == Snippet.Status.RECOVERABLE_DEFINED
                && e.previousStatus() == Snippet.Status.VALID) {
            noteUnresolved(d, "still exists");
        }
    }

    private void noteUnresolved(DeclarationSnippet d, String what) {
        System.err.println("note: " + describe(d) + " " + what + ", but cannot be used until " + unresolvedText(d));
    }

    private String unresolvedText(DeclarationSnippet d) {
        List<String> missing = shell.unresolvedDependencies(d).collect(Collectors.toList());
        if (missing.isEmpty()) {
            List<String> diags = shell.diagnostics(d).map(x -> x.getMessage(Locale.ROOT)).collect(Collectors.toList());
            return diags.isEmpty() ? "its dependencies are fixed" : String.join("; ", diags);
        }
        return String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " declared";
    }

    private static String describe(DeclarationSnippet d) {
        if (d instanceof MethodSnippet m) {
            return "method " + m.name() + "(" + m.parameterTypes() + ")";
        }
        if (d instanceof TypeDeclSnippet t) {
            return "type " + t.name();
        }
        if (d instanceof VarSnippet v) {
            return "variable " + v.name();
        }
        return d.name();
    }

    private CellError compileError(Snippet sn, String label, int startLine, String text) {
        List<Diag> diags = shell.diagnostics(sn).filter(Diag::isError).collect(Collectors.toList());
        if (diags.isEmpty()) {
            diags = shell.diagnostics(sn).collect(Collectors.toList());
        }
        List<String> lines = new ArrayList<>();
        String firstMessage = "rejected";
        if (diags.isEmpty()) {
            lines.add("Compile error in " + label + ", line " + (startLine + 1) + ": JShell rejected this snippet:");
            lines.add("    " + sn.source().strip().split("\n")[0]);
        }
        String[] srcLines = text.split("\n", -1);
        for (Diag d : diags) {
            long pos = d.getStartPosition() >= 0 ? d.getStartPosition() : d.getPosition();
            int line = 0;
            int col = 0;
            if (pos >= 0) {
                int p = (int) Math.min(pos, text.length());
                line = countLines(text, p);
                col = p - (text.lastIndexOf('\n', p - 1) + 1);
            }
            String message = d.getMessage(Locale.ROOT);
            if (firstMessage.equals("rejected")) {
                firstMessage = label + ", line " + (startLine + line + 1) + ": " + message.split("\n")[0];
            }
            lines.add("Compile error in " + label + ", line " + (startLine + line + 1) + ":");
            if (line < srcLines.length) {
                lines.add("    " + srcLines[line]);
                lines.add("    " + " ".repeat(Math.max(0, col)) + "^");
            }
            for (String m : message.split("\n")) {
                lines.add(m);
            }
        }
        return new CellError(CellError.Kind.COMPILE, "CompileError", firstMessage, lines);
    }

    private CellError exceptionError(JShellException ex, String label, int startLine) {
        if (ex instanceof EvalException ee && ee.getExceptionClassName() == null) {
            // cannot happen with JShell's EvalException, but keep the report honest
            return new CellError(CellError.Kind.EXCEPTION, "Exception", String.valueOf(ex.getMessage()), List.of(String.valueOf(ex)));
        }
        List<String> lines = new ArrayList<>();
        String name;
        String message;
        if (ex instanceof EvalException ee && "jdk.jshell.spi.ExecutionControl$StoppedException".equals(ee.getExceptionClassName())) {
            return interrupted(label);
        }
        if (ex instanceof UnresolvedReferenceException ure) {
            name = "UnresolvedReference";
            message = describe(ure.getSnippet()) + " cannot be used until " + unresolvedText(ure.getSnippet());
            lines.add(name + ": " + message);
            appendFrames(lines, ure.getStackTrace());
            return new CellError(CellError.Kind.EXCEPTION, name, message, lines);
        }
        EvalException ee = (EvalException) ex;
        name = ee.getExceptionClassName();
        message = studentTerms(ee.getMessage());
        if (CellExits.isRefusal(name, message)) {
            lines.add(message);
            return new CellError(CellError.Kind.EXCEPTION, name, message, lines);
        }
        lines.add(message == null ? name : name + ": " + message);
        appendFrames(lines, ee.getStackTrace());
        Throwable cause = ee.getCause();
        int depth = 0;
        while (cause != null && depth++ < 10) {
            String cname = cause instanceof EvalException c ? c.getExceptionClassName() : cause.getClass().getName();
            lines.add("Caused by: " + (cause.getMessage() == null ? cname : cname + ": " + cause.getMessage()));
            appendFrames(lines, cause.getStackTrace());
            cause = cause.getCause();
        }
        String where = lines.stream().filter(l -> l.startsWith("    at ") && l.endsWith(")") && l.contains("(" + label))
                .findFirst().map(l -> " (" + l.substring(l.lastIndexOf('(') + 1)).orElse("");
        return new CellError(CellError.Kind.EXCEPTION, name, name + (message == null ? "" : ": " + message) + where, lines);
    }

    /**
     * An exception message with JShell's wrapper names ({@code "REPL.$JShell$69.history"}) replaced
     * by the variable's name; a variable whose cell was interrupted before assigning it is named
     * with that cell.
     */
    String studentTerms(String message) {
        if (message == null) {
            return null;
        }
        java.util.regex.Matcher m = JSHELL_FIELD.matcher(message);
        StringBuilder sb = new StringBuilder();
        Set<String> interrupted = new LinkedHashSet<>();
        while (m.find()) {
            String var = m.group(1);
            if (unassigned.containsKey(var)) {
                interrupted.add(var);
            }
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement("\"" + var + "\""));
        }
        m.appendTail(sb);
        for (String var : interrupted) {
            sb.append(dlfs.Course.text(". " + var + " has no value: " + unassigned.get(var)
                    + " was interrupted before it assigned " + var + "; run that cell again",
                    "。" + var + " 没有值：" + unassigned.get(var) + " 在给 " + var + " 赋值之前被中断了；请重新运行那个单元格"));
        }
        return sb.toString();
    }

    static CellError interrupted(String label) {
        String msg = label + dlfs.Course.text(" was interrupted; the kernel is still running and keeps its variables.",
                " 被中断了；内核仍在运行，变量都还在。");
        return new CellError(CellError.Kind.INTERRUPTED, "Interrupted", msg, List.of("Interrupted: " + msg));
    }

    static CellError magicError(String label, int line, String message) {
        return new CellError(CellError.Kind.MAGIC, "MagicError", message,
                List.of("Magic error in " + label + ", line " + (line + 1) + ": " + message));
    }

    /** The user's frames: snippet frames named by cell and line, library frames as Java prints them. */
    private void appendFrames(List<String> lines, StackTraceElement[] frames) {
        for (StackTraceElement f : frames) {
            String cls = f.getClassName();
            if (cls.startsWith("dlfs.kernel.") || cls.startsWith("jdk.jshell.") || cls.startsWith("jdk.internal.reflect.")
                    || cls.startsWith("java.lang.reflect.") || cls.startsWith("REPL.")) {
                continue;
            }
            String file = f.getFileName();
            if (file != null && file.startsWith("#")) {
                Origin o = origins.get(file.substring(1));
                String where = o == null ? "an earlier cell" : o.cell;
                String lineText = o == null || f.getLineNumber() < 0 ? "" : ", line " + (o.firstLine + f.getLineNumber());
                String method = f.getMethodName().isEmpty() ? "" : (cls.isEmpty() ? "" : cls + ".") + f.getMethodName() + " ";
                lines.add("    at " + method + "(" + where + lineText + ")");
            } else {
                lines.add("    at " + f);
            }
        }
    }

    private static int countLines(String s, int end) {
        int n = 0;
        for (int i = 0; i < end && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** Stops the running cell, if any (an interrupt from Jupyter). */
    public void interrupt() {
        control.stop();
        Thread magic = magicThread;
        if (magic != null) magic.interrupt();
    }

    /** The thread running a long magic ({@code %grade}), which {@link #interrupt()} interrupts too. */
    private volatile Thread magicThread;

    /** Runs a magic's work so that Jupyter's interrupt reaches it. */
    <T> T interruptibly(java.util.function.Supplier<T> work) {
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

    // ---- completion and inspection ------------------------------------------------------

    /** Completions at {@code cursor}: the candidates and the range of {@code code} they replace. */
    public record Completion(List<String> candidates, int start, int end) {
    }

    /** Tab completion from JShell's source analysis of the snippet the cursor is in. */
    public Completion complete(String code, int cursor) {
        int base = snippetStart(code, cursor);
        if (base < 0) {
            return new Completion(List.of(), cursor, cursor);
        }
        String snippet = code.substring(base, cursor);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(snippet, snippet.length(), anchor);
        boolean anyMatchesType = suggestions.stream().anyMatch(SourceCodeAnalysis.Suggestion::matchesType);
        List<String> candidates = suggestions.stream()
                .filter(s -> !anyMatchesType || s.matchesType())
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .sorted()
                .collect(Collectors.toList());
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        return new Completion(candidates, base + anchor[0], end);
    }

    /** Shift-Tab: signatures at the cursor with their Javadoc (the library's always, the JDK's when its src.zip is installed), or the expression's type. */
    public Optional<String> inspect(String code, int cursor) {
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        int base = snippetStart(code, end);
        if (base < 0) {
            return Optional.empty();
        }
        String snippet = code.substring(base, end);
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(snippet, snippet.length(), true);
        if (!docs.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (SourceCodeAnalysis.Documentation d : docs) {
                if (sb.length() > 0) {
                    sb.append("\n\n");
                }
                sb.append(d.signature());
                String javadoc = d.javadoc() != null && !d.javadoc().isBlank() ? d.javadoc()
                        : LibraryDocs.of(d.signature(), importedPackages()).orElse(null);
                if (javadoc != null) {
                    sb.append("\n").append(javadoc.strip());
                }
            }
            return Optional.of(sb.toString());
        }
        String type = analysis.analyzeType(snippet, snippet.length());
        return type == null || type.isEmpty() ? Optional.empty() : Optional.of(snippet.strip() + " : " + type);
    }

    /** The packages of the cells' imports ({@code import dlfs.train.*;}, {@code import dlfs.train.Trainer;}). */
    private List<String> importedPackages() {
        return shell.imports().map(i -> i.fullname())
                .map(n -> n.endsWith(".*") ? n.substring(0, n.length() - 2) : n.substring(0, Math.max(0, n.lastIndexOf('.'))))
                .filter(p -> p.startsWith("dlfs."))
                .distinct()
                .collect(Collectors.toList());
    }

    /** Offset in {@code code} where the snippet containing {@code cursor} starts, or -1 in a magic line. */
    private int snippetStart(String code, int cursor) {
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        if (code.substring(lineStart, cursor).stripLeading().startsWith("%")) {
            return -1;
        }
        // code after the last magic line before the cursor
        int base = 0;
        int pos = 0;
        while (pos < cursor) {
            int nl = code.indexOf('\n', pos);
            int lineEnd = nl < 0 ? code.length() : nl;
            if (code.substring(pos, Math.min(lineEnd, cursor)).stripLeading().startsWith("%") && lineEnd < cursor) {
                base = lineEnd + 1;
            }
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
        }
        String prefix = code.substring(base, cursor);
        int consumed = 0;
        while (true) {
            String rest = prefix.substring(consumed);
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (!info.completeness().isComplete() || info.remaining().isEmpty()) {
                break;
            }
            int used = rest.length() - info.remaining().length();
            if (used <= 0) {
                break;
            }
            consumed += used;
        }
        return base + consumed;
    }

    /** For Jupyter consoles: "complete", "incomplete" (with an indent), or "invalid". */
    public String isComplete(String code) {
        if (code.strip().startsWith("%")) {
            return "complete";
        }
        String rest = code;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> rest = info.remaining();
                case EMPTY -> {
                    return "complete";
                }
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return "incomplete";
                }
                default -> {
                    return "invalid";
                }
            }
        }
        return "complete";
    }

    /** Output of {@link Display#display} during {@link #eval}; the kernel sends it to Jupyter. */
    public static void setDisplaySink(Consumer<MimeBundle> sink) {
        Display.setSink(sink);
    }

    @Override
    public void close() {
        shell.close();
    }

    // ---- classpath ------------------------------------------------------------------------

    /**
     * This JVM's classpath, with the {@code Class-Path} of a manifest-only jar (as Maven's
     * surefire uses) expanded, so cells compile against exactly what the kernel runs with.
     */
    static List<String> classpathOfThisJvm() {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            out.add(entry);
            Path p = Paths.get(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                out.addAll(manifestClassPath(p));
            }
        }
        return out;
    }

    private static List<String> manifestClassPath(Path jar) {
        List<String> out = new ArrayList<>();
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest mf = jf.getManifest();
            String cp = mf == null ? null : mf.getMainAttributes().getValue("Class-Path");
            if (cp == null) {
                return out;
            }
            for (String url : cp.trim().split("\\s+")) {
                try {
                    java.net.URI uri = jar.toUri().resolve(url);
                    out.add(Paths.get(uri).toString());
                } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                    // not a file URL: nothing a compiler could use
                }
            }
        } catch (IOException e) {
            // an unreadable jar adds nothing
        }
        return out;
    }
}
