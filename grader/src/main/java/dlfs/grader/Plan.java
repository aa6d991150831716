package dlfs.grader;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.JavacTask;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What there is to grade, read from the test sources alone (parsed, not compiled, so it does not
 * depend on the student's code): each exercise, the student file it lives in, its test classes,
 * and every {@code @Test @Points} method with its points and visibility. The maximum score never
 * depends on what the student wrote.
 */
public final class Plan {
    /** One graded test method as written in the test source. */
    public record TestSpec(String testClass, String method, String name, double points, Visibility visibility) {
        public String key() {
            return testClass + "#" + method;
        }
    }

    /** One exercise: the student's class, the file it must be in, the test files and tests that grade it. */
    public record ExerciseSpec(String className, String title, Path relativeSource, List<Path> testFiles,
                               List<TestSpec> tests, List<String> replaces) {
        public String id() {
            return ExerciseIds.shortName(className);
        }

        public TestOutcome planned(TestSpec t) {
            return new TestOutcome(id(), title, t.testClass(), t.method(), t.name(), t.points(), 0, Status.NOT_RUN,
                    "did not run", t.visibility());
        }
    }

    private final List<ExerciseSpec> exercises;
    /** Test files of exercises left out by {@link #only}: neither graded nor compiled as test helpers. */
    private final Set<Path> leftOut;

    private Plan(List<ExerciseSpec> exercises, Set<Path> leftOut) {
        this.exercises = exercises;
        this.leftOut = leftOut;
    }

    /**
     * The exercises whose id ({@code ch5.ReluLayer}) is {@code selector}, or whose chapter
     * ({@code ch5}, {@code seeds}) is; {@code all} keeps every one. A selector that names no exercise
     * is refused with the ids there are, so a typo never grades nothing silently.
     */
    public Plan only(String selector) {
        String s = selector.trim();
        if (s.equals("all")) return this;
        List<ExerciseSpec> kept = new ArrayList<>();
        Set<Path> out = new LinkedHashSet<>(leftOut);
        for (ExerciseSpec e : exercises) {
            String id = e.id();
            if (id.equals(s) || id.startsWith(s + ".")) {
                kept.add(e);
            } else {
                for (Path f : e.testFiles()) out.add(f.toAbsolutePath().normalize());
            }
        }
        if (kept.isEmpty()) {
            Set<String> chapters = new TreeSet<>();
            for (ExerciseSpec e : exercises) chapters.add(e.id().substring(0, Math.max(0, e.id().indexOf('.'))));
            throw new IllegalArgumentException("no exercise is called '" + s + "': give an exercise such as "
                    + (exercises.isEmpty() ? "ch5.ReluLayer" : exercises.get(0).id()) + ", a chapter (" + String.join(", ", chapters)
                    + ") or all");
        }
        return new Plan(List.copyOf(kept), Set.copyOf(out));
    }

    /** Whether {@code file} is a test file of an exercise {@link #only} left out. */
    boolean leftOut(Path file) {
        return leftOut.contains(file.toAbsolutePath().normalize());
    }

    public List<ExerciseSpec> exercises() {
        return exercises;
    }

    public double maxScore() {
        return exercises.stream().flatMap(e -> e.tests().stream()).mapToDouble(TestSpec::points).sum();
    }

    public int testCount() {
        return exercises.stream().mapToInt(e -> e.tests().size()).sum();
    }

    /**
     * Reads the plan from the visible test folder and, when given and present, the hidden one
     * (whose tests default to {@link Visibility#HIDDEN}).
     */
    public static Plan read(Path testDir, Path hiddenDir) {
        Map<String, Builder> byClass = new LinkedHashMap<>();
        parseInto(testDir, false, byClass);
        if (hiddenDir != null && Files.isDirectory(hiddenDir)) parseInto(hiddenDir, true, byClass);
        List<ExerciseSpec> out = new ArrayList<>();
        for (Builder b : byClass.values())
            out.add(new ExerciseSpec(b.className, b.title, Path.of(b.className.replace('.', '/') + ".java"),
                    List.copyOf(b.testFiles), List.copyOf(b.tests), List.copyOf(b.replaces)));
        return new Plan(List.copyOf(out), Set.of());
    }

    private static final class Builder {
        final String className;
        String title = "";
        final List<Path> testFiles = new ArrayList<>();
        final List<TestSpec> tests = new ArrayList<>();
        final List<String> replaces = new ArrayList<>();

        Builder(String className) {
            this.className = className;
        }
    }

    static List<Path> javaFiles(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void parseInto(Path dir, boolean hidden, Map<String, Builder> byClass) {
        List<Path> files = javaFiles(dir);
        if (files.isEmpty()) return;
        JavaCompiler jc = ToolProvider.getSystemJavaCompiler();
        if (jc == null) throw new IllegalStateException("grader: no Java compiler in this runtime (" + System.getProperty("java.home") + "); run it on a JDK");
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = jc.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) jc.getTask(null, fm, diags, List.of("-proc:none"), null, fm.getJavaFileObjectsFromPaths(files));
            for (CompilationUnitTree cu : task.parse()) {
                Path file = Path.of(cu.getSourceFile().toUri());
                String pkg = cu.getPackageName() == null ? "" : cu.getPackageName().toString();
                for (Tree t : cu.getTypeDecls())
                    if (t instanceof ClassTree ct) parseClass(file, pkg, ct, hidden, byClass);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void parseClass(Path file, String pkg, ClassTree ct, boolean hidden, Map<String, Builder> byClass) {
        String testClass = (pkg.isEmpty() ? "" : pkg + ".") + ct.getSimpleName();
        AnnotationTree exAnn = annotation(ct.getModifiers().getAnnotations(), "Exercise");
        List<TestSpec> tests = new ArrayList<>();
        for (Tree m : ct.getMembers()) {
            if (!(m instanceof MethodTree mt)) continue;
            List<? extends AnnotationTree> anns = mt.getModifiers().getAnnotations();
            AnnotationTree pts = annotation(anns, "Points");
            boolean isTest = annotation(anns, "Test") != null;
            if (pts != null && !isTest)
                throw new IllegalArgumentException("grader: " + file.getFileName() + ": @Points on " + mt.getName()
                        + "() needs a plain @Test (parameterized and dynamic tests cannot be graded)");
            if (!isTest || (pts == null && exAnn == null)) continue;
            double points = 0;
            Visibility vis = hidden ? Visibility.HIDDEN : Visibility.VISIBLE;
            if (pts != null) {
                Object v = argument(pts, "value");
                if (!(v instanceof Number n)) throw new IllegalArgumentException("grader: " + file.getFileName()
                        + ": @Points on " + mt.getName() + "() must be a number literal");
                points = n.doubleValue();
                Object vv = argument(pts, "visibility");
                if (vv != null) vis = Visibility.valueOf(vv.toString());
            }
            String name = mt.getName().toString();
            AnnotationTree dn = annotation(anns, "DisplayName");
            if (dn != null && argument(dn, "value") instanceof String s) name = s;
            tests.add(new TestSpec(testClass, mt.getName().toString(), name, points, vis));
        }
        if (tests.isEmpty()) return;
        String exClass;
        String title = "";
        if (exAnn != null) {
            Object v = argument(exAnn, "value");
            if (!(v instanceof ClassRef ref)) throw new IllegalArgumentException("grader: " + file.getFileName()
                    + ": @Exercise needs the exercise class, as in @Exercise(AffineLayer.class)");
            exClass = ref.name.contains(".") ? ref.name : (pkg.isEmpty() ? "" : pkg + ".") + ref.name;
            if (argument(exAnn, "title") instanceof String s) title = s;
        } else exClass = testClass.replaceAll("Test$", "");
        Builder b = byClass.computeIfAbsent(exClass, Builder::new);
        if (b.title.isEmpty()) b.title = title;
        if (exAnn != null) {
            Object r = argument(exAnn, "replaces");
            List<?> names = r instanceof List<?> l ? l : r == null ? List.of() : List.of(r);
            for (Object n : names) {
                if (!(n instanceof String name) || !name.matches("[\\w.]+(\\.\\*|#\\w+)?"))
                    throw new IllegalArgumentException("grader: " + file.getFileName() + ": @Exercise(replaces = ...) takes fully "
                            + "qualified class names as strings (\"dlfs.layers.Sigmoid\", \"dlfs.nets.*\", \"dlfs.functions.Activations#sigmoid\"), got " + n);
                if (!b.replaces.contains(name)) b.replaces.add(name);
            }
        }
        b.testFiles.add(file);
        b.tests.addAll(tests);
    }

    private record ClassRef(String name) {
    }

    private static AnnotationTree annotation(List<? extends AnnotationTree> anns, String simpleName) {
        for (AnnotationTree a : anns) {
            String n = a.getAnnotationType().toString();
            if (n.equals(simpleName) || n.endsWith("." + simpleName)) return a;
        }
        return null;
    }

    /** The literal value of an annotation argument: Number, String, ClassRef, or an enum constant's name. */
    private static Object argument(AnnotationTree a, String name) {
        for (ExpressionTree e : a.getArguments()) {
            ExpressionTree value;
            if (e instanceof AssignmentTree as) {
                if (!as.getVariable().toString().equals(name)) continue;
                value = as.getExpression();
            } else if (name.equals("value")) value = e;
            else continue;
            return literal(value);
        }
        return null;
    }

    private static Object literal(ExpressionTree value) {
        if (value instanceof LiteralTree lt) return lt.getValue();
        if (value instanceof NewArrayTree na) {
            List<Object> items = new ArrayList<>();
            if (na.getInitializers() != null) for (ExpressionTree e : na.getInitializers()) items.add(literal(e));
            return items;
        }
        if (value instanceof UnaryTree ut && ut.getKind() == Tree.Kind.UNARY_MINUS && literal(ut.getExpression()) instanceof Number n)
            return -n.doubleValue();
        if (value instanceof MemberSelectTree ms) {
            if (ms.getIdentifier().contentEquals("class")) return new ClassRef(ms.getExpression().toString());
            return ms.getIdentifier().toString();
        }
        if (value instanceof IdentifierTree it) return it.getName().toString();
        return null;
    }
}
