package dlfs.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * What a student reads when a snippet goes wrong, in their own terms rather than JShell's: compile
 * errors with the cell, line and a caret under the column; exceptions with only the frames of their
 * cells (named by cell and line) and of the library; a variable named as they wrote it, not as
 * JShell's wrapper field; and notes on {@code System.err} when a declaration another cell depends
 * on changed. To do so it remembers where each snippet came from and which variables an
 * interrupted cell left without a value; {@link Evaluator} tells it both as it runs snippets.
 */
final class SnippetReports {

    /** A field of JShell's wrapper classes, as a helpful NullPointerException names it: {@code "REPL.$JShell$69.history"}. */
    private static final Pattern JSHELL_FIELD = Pattern.compile("\"REPL\\.\\$JShell\\$\\w+\\.(\\w+)\"");

    private final JShell shell;
    /** Where each snippet came from, for error reports: snippet id to (cell, first line). */
    private final Map<String, Origin> origins = new HashMap<>();
    /** Variables declared by a cell that was interrupted before it assigned them: name to that cell's label. */
    private final Map<String, String> unassigned = new HashMap<>();

    private record Origin(String cell, int firstLine) {
    }

    SnippetReports(JShell shell) {
        this.shell = shell;
    }

    /** Snippet {@code id} came from cell {@code label}, starting at its 0-based line {@code firstLine}. */
    void cameFrom(String id, String label, int firstLine) {
        origins.put(id, new Origin(label, firstLine));
    }

    /** Cell {@code label} declared {@code variable} but was interrupted before it assigned it. */
    void leftUnassigned(String variable, String label) {
        unassigned.put(variable, label);
    }

    /** {@code variable} was declared or assigned again, so it has a value now. */
    void assigned(String variable) {
        unassigned.remove(variable);
    }

    /** A declaration that another cell changed: never let a variable be reset silently. */
    void noteUpdate(SnippetEvent e) {
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

    /** A declaration that compiled but uses something not declared yet: say what it waits for. */
    void noteUnresolved(DeclarationSnippet d, String what) {
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

    /** A rejected snippet as its compiler errors, each with the cell, line, source line and caret. */
    CellError compileError(Snippet sn, String label, int startLine, String text) {
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

    /** An exception a snippet threw, with its causes and the student's frames only. */
    CellError exceptionError(JShellException ex, String label, int startLine) {
        if (ex instanceof EvalException ee && ee.getExceptionClassName() == null) {
            // cannot happen with JShell's EvalException, but keep the report honest
            return new CellError(CellError.Kind.EXCEPTION, "Exception", String.valueOf(ex.getMessage()), List.of(String.valueOf(ex)));
        }
        List<String> lines = new ArrayList<>();
        String name;
        String message;
        if (ex instanceof EvalException ee && "jdk.jshell.spi.ExecutionControl$StoppedException".equals(ee.getExceptionClassName())) {
            return CellError.interrupted(label);
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
        Matcher m = JSHELL_FIELD.matcher(message);
        StringBuilder sb = new StringBuilder();
        Set<String> interrupted = new LinkedHashSet<>();
        while (m.find()) {
            String var = m.group(1);
            if (unassigned.containsKey(var)) {
                interrupted.add(var);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement("\"" + var + "\""));
        }
        m.appendTail(sb);
        for (String var : interrupted) {
            sb.append(dlfs.Course.text(". " + var + " has no value: " + unassigned.get(var)
                    + " was interrupted before it assigned " + var + "; run that cell again",
                    "。" + var + " 没有值：" + unassigned.get(var) + " 在给 " + var + " 赋值之前被中断了；请重新运行那个单元格"));
        }
        return sb.toString();
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

    /** The number of line breaks in {@code s} before offset {@code end}: the 0-based line that offset is on. */
    static int countLines(String s, int end) {
        int n = 0;
        for (int i = 0; i < end && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
