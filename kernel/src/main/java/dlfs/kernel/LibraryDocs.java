package dlfs.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;

/**
 * The library's Javadoc for Shift-Tab. JShell shows Javadoc only for the JDK (from its
 * {@code src.zip}); the library's sources are packed into the kernel jar under
 * {@value #SOURCES} (kernel/pom.xml), and the comment of the class or member that JShell names in a
 * signature ({@code int dlfs.Course.pick(int full, int quick)}) is read from them, parsed by javac,
 * and turned into plain text.
 */
final class LibraryDocs {
    static final String SOURCES = "dlfs-lib-sources";

    /** Doc comments of one source file: key "Outer.Inner" for a class, "Outer.member(p1,p2)" for a member (parameter names). */
    private static final Map<String, Map<String, String>> FILES = new ConcurrentHashMap<>();

    private LibraryDocs() {
    }

    /**
     * The Javadoc, as plain text, of what {@code signature} (as JShell prints it) declares, if it is
     * the library's. A name JShell prints unqualified ({@code Trainer(...)} after
     * {@code import dlfs.train.*;}) is looked up in each of {@code packages}. A constructor
     * without its own comment shows its class's.
     */
    static Optional<String> of(String signature, List<String> packages) {
        // JDK 25 names a record's member with the record's components: Progress.Status(String title, ...).fraction()
        signature = signature.replaceAll("\\([^()]*\\)\\.", ".");
        int paren = signature.indexOf('(');
        String head = paren < 0 ? signature : signature.substring(0, paren);
        String name = head.substring(head.lastIndexOf(' ') + 1);  // after the return type
        String params = paren < 0 ? null : parameterNames(signature.substring(paren + 1, signature.lastIndexOf(')')));
        List<String> candidates = new ArrayList<>();
        candidates.add(name);
        packages.forEach(p -> candidates.add(p + "." + name));
        for (String qualified : candidates) {
            if (qualified.startsWith("dlfs.")) {
                Optional<String> doc = lookup(qualified.split("\\."), params);
                if (doc.isPresent()) {
                    return doc.map(LibraryDocs::plainText);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> lookup(String[] parts, String params) {
        // the longest package prefix with a source file: dlfs.train.Progress.Status -> dlfs/train/Progress.java
        for (int cls = parts.length - 1; cls >= 1; cls--) {
            Map<String, String> docs = file(String.join("/", List.of(parts).subList(0, cls + 1)) + ".java");
            if (docs == null) {
                continue;
            }
            String rest = String.join(".", List.of(parts).subList(cls, parts.length));
            if (params == null) {
                return Optional.ofNullable(docs.get(rest));
            }
            String simple = parts[parts.length - 1];
            String doc = docs.get(rest + "(" + params + ")");
            if (doc == null && docs.containsKey(rest)) {  // a constructor: JShell names it like its class
                doc = docs.getOrDefault(rest + "." + simple + "(" + params + ")", docs.get(rest));
            }
            return Optional.ofNullable(doc);
        }
        return Optional.empty();
    }

    /** "int full, int quick" -> "full,quick"; generics and arrays in the types are skipped over. */
    static String parameterNames(String list) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : (list + ",").toCharArray()) {
            if (c == '<') depth++;
            if (c == '>') depth--;
            if (c == ',' && depth == 0) {
                String p = cur.toString().strip();
                if (!p.isEmpty()) names.add(p.substring(p.lastIndexOf(' ') + 1));
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        return String.join(",", names);
    }

    /** The doc comments of one of the library's source files, or null if there is no such file. */
    private static Map<String, String> file(String path) {
        Map<String, String> docs = FILES.computeIfAbsent(path, p -> {
            try (InputStream in = LibraryDocs.class.getClassLoader().getResourceAsStream(SOURCES + "/" + p)) {
                return in == null ? Map.of() : parse(p, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                return Map.of();  // no documentation is better than a failing Shift-Tab
            }
        });
        return docs.isEmpty() ? null : docs;
    }

    /** Every doc comment of a source file, by {@code Outer.Inner} and {@code Outer.member(names)}. */
    static Map<String, String> parse(String path, String source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavacTask task = (JavacTask) javac.getTask(null, null, d -> { }, List.of("-proc:none"), null, List.of(file));
        DocTrees trees = DocTrees.instance(task);
        Map<String, String> docs = new ConcurrentHashMap<>();
        try {
            for (CompilationUnitTree unit : task.parse()) {
                new TreePathScanner<Void, String>() {
                    @Override
                    public Void visitClass(ClassTree c, String outer) {
                        String name = outer.isEmpty() ? c.getSimpleName().toString() : outer + "." + c.getSimpleName();
                        put(name);
                        for (Tree member : c.getMembers()) {
                            scan(member, name);
                        }
                        return null;
                    }

                    @Override
                    public Void visitMethod(MethodTree m, String owner) {
                        String name = m.getName().contentEquals("<init>") ? owner.substring(owner.lastIndexOf('.') + 1)
                                : m.getName().toString();
                        List<String> params = m.getParameters().stream().map(p -> p.getName().toString()).toList();
                        put(owner + "." + name + "(" + String.join(",", params) + ")");
                        return null;
                    }

                    @Override
                    public Void visitVariable(VariableTree v, String owner) {
                        put(owner + "." + v.getName());
                        return null;
                    }

                    private void put(String key) {
                        String doc = trees.getDocComment(getCurrentPath());
                        if (doc != null && !doc.isBlank()) {
                            docs.put(key, doc);
                        }
                    }
                }.scan(new TreePath(unit), "");
            }
        } catch (IOException e) {
            return Map.of();
        }
        return docs;
    }

    /** Javadoc markup as plain text: {@code {@code x}} and {@code {@link x}} as x, tags dropped, entities decoded. */
    static String plainText(String doc) {
        String s = doc.replaceAll("\\{@(?:code|literal|link|linkplain|value)\\s+([^{}]*(?:\\{[^{}]*\\}[^{}]*)*)\\}", "$1")
                .replaceAll("(?i)<p>|<br\\s*/?>", "\n")
                .replaceAll("(?i)</?(pre|ul|ol)>", "\n")
                .replaceAll("(?i)<li>", "\n- ")
                .replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ").replace("&amp;", "&")
                .replaceAll("\n[ \t]*\n([ \t]*\n)+", "\n\n");
        return s.strip();
    }
}
