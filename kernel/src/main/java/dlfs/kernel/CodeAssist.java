package dlfs.kernel;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;

/**
 * What Jupyter asks about code before it runs: Tab completion, Shift-Tab signatures and Javadoc
 * (the library's from its sources in the kernel jar, {@link LibraryDocs}), and whether a console
 * line is complete. All of it comes from JShell's source analysis of the snippet the cursor is in;
 * magic lines ({@code %...}) are left alone.
 */
final class CodeAssist {

    private final JShell shell;
    private final SourceCodeAnalysis analysis;

    CodeAssist(JShell shell) {
        this.shell = shell;
        this.analysis = shell.sourceCodeAnalysis();
    }

    /** Tab completion from JShell's source analysis of the snippet the cursor is in. */
    Evaluator.Completion complete(String code, int cursor) {
        int base = snippetStart(code, cursor);
        if (base < 0) {
            return new Evaluator.Completion(List.of(), cursor, cursor);
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
        return new Evaluator.Completion(candidates, base + anchor[0], end);
    }

    /** Shift-Tab: signatures at the cursor with their Javadoc (the library's always, the JDK's when its src.zip is installed), or the expression's type. */
    Optional<String> inspect(String code, int cursor) {
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
    String isComplete(String code) {
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
}
