package dlfs.grader;

import javax.tools.Diagnostic;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compiles a student's sources with the test sources so that a compile error costs only the
 * exercise it is in: everything is compiled together; when javac reports errors, the exercises
 * whose files (the student's file or one of its test files) have them are set aside with the
 * compiler's message, and the rest is compiled again, until what remains compiles.
 */
final class ExerciseCompiler {
    /** The classes that compiled, and for each exercise that did not, javac's message. */
    record Result(Map<String, String> notCompiled, List<String> notes) {
    }

    private ExerciseCompiler() {
    }

    static Result compile(Plan plan, Path srcDir, List<Path> testDirs, String classpath, Path outDir) {
        JavaCompiler jc = ToolProvider.getSystemJavaCompiler();
        if (jc == null) throw new IllegalStateException("grader: no Java compiler in this runtime; run the grader on a JDK");
        Map<String, String> notCompiled = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        // which exercise each file belongs to
        Map<Path, String> owner = new LinkedHashMap<>();
        Map<String, Set<Path>> files = new LinkedHashMap<>();
        for (Plan.ExerciseSpec e : plan.exercises()) {
            Set<Path> fs = new LinkedHashSet<>();
            Path src = srcDir.resolve(e.relativeSource()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(src)) {
                notCompiled.put(e.id(), "does not compile: the file " + e.relativeSource() + " is missing");
                continue;
            }
            fs.add(src);
            for (Path t : e.testFiles()) fs.add(t.toAbsolutePath().normalize());
            for (Path f : fs) owner.put(f, e.id());
            files.put(e.id(), fs);
        }
        // test support files (helpers shared by the tests, no graded tests of their own): always compiled
        Set<Path> support = new LinkedHashSet<>();
        for (Path dir : testDirs)
            for (Path p : Plan.javaFiles(dir)) {
                Path a = p.toAbsolutePath().normalize();
                if (!owner.containsKey(a) && !plan.leftOut(a)) support.add(a);
            }
        // the student's other files (helpers): compiled with everything, dropped if they do not compile
        Set<Path> extra = new LinkedHashSet<>();
        for (Path p : Plan.javaFiles(srcDir)) {
            Path a = p.toAbsolutePath().normalize();
            if (!owner.containsKey(a)) extra.add(a);
        }
        // a student's file may only declare classes in the exercises' packages: a file that declares
        // org.junit... or dlfs.nd... would shadow the tests' or the library's own classes
        // nor a top-level type named like one of java.lang's: the tests (and their helper Check) in that
        // package would use it in place of java.lang.Math, Double, ...
        Map<Path, Declared> declared = declarations(jc, owner.keySet().stream().filter(f -> f.startsWith(srcDir.toAbsolutePath().normalize())).toList(), extra);
        for (Map.Entry<Path, Declared> e : declared.entrySet()) {
            String pkg = e.getValue().pkg();
            Path f = e.getKey();
            String rel = srcDir.toAbsolutePath().normalize().relativize(f).toString();
            String why = null;
            if (!pkg.equals(ExerciseIds.PREFIX.substring(0, ExerciseIds.PREFIX.length() - 1)) && !pkg.startsWith(ExerciseIds.PREFIX))
                why = rel + " declares package '" + pkg + "': only classes in " + ExerciseIds.PREFIX + "* are graded";
            else for (String t : e.getValue().types())
                if (JavaLang.NAMES.contains(t)) {
                    why = rel + " declares a class named " + t + ", the name of java.lang." + t
                            + ": the tests would use it in place of the JDK's (rename it)";
                    break;
                }
            if (why == null) continue;
            if (extra.remove(f)) notes.add("grading: left out " + why);
            else if (owner.containsKey(f) && files.remove(owner.get(f)) != null) notCompiled.put(owner.get(f), "does not compile: " + why);
        }
        for (int pass = 0; pass < 50; pass++) {
            // the grader's files first, so that a clash with a student's file is blamed on the student's
            List<Path> all = new ArrayList<>(support);
            for (Set<Path> fs : files.values()) for (Path f : fs) if (!f.startsWith(srcDir.toAbsolutePath().normalize())) all.add(f);
            for (Set<Path> fs : files.values()) for (Path f : fs) if (f.startsWith(srcDir.toAbsolutePath().normalize())) all.add(f);
            all.addAll(extra);
            clean(outDir);
            if (files.isEmpty()) break;
            DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
            boolean ok;
            try (StandardJavaFileManager fm = jc.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
                List<String> options = List.of("-proc:none", "-nowarn", "-Xlint:none", "-encoding", "UTF-8", "-g",
                        "-implicit:none", "-classpath", classpath, "-d", outDir.toString());
                ok = jc.getTask(null, fm, diags, options, null, fm.getJavaFileObjectsFromPaths(all)).call();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                // javac itself crashed on this input: nothing compiles
                for (String id : files.keySet()) notCompiled.put(id, "does not compile: the compiler crashed: " + e);
                files.clear();
                clean(outDir);
                break;
            }
            if (ok) break;
            Map<String, List<String>> errorsByExercise = new LinkedHashMap<>();
            Set<Path> badExtra = new LinkedHashSet<>();
            for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) continue;
                Path f = d.getSource() == null ? null : Path.of(d.getSource().toUri()).toAbsolutePath().normalize();
                String text = (f == null ? "" : f.getFileName() + ":" + d.getLineNumber() + ": ") + d.getMessage(Locale.ENGLISH);
                if (f != null && owner.containsKey(f) && files.containsKey(owner.get(f)))
                    errorsByExercise.computeIfAbsent(owner.get(f), k -> new ArrayList<>()).add(text);
                else if (f != null && extra.contains(f)) {
                    badExtra.add(f);
                    notes.add("grading: " + srcDir.relativize(f) + " does not compile and was left out: " + text);
                } else notes.add("grading: compiler: " + text);
            }
            if (errorsByExercise.isEmpty() && badExtra.isEmpty()) {
                // errors we cannot place: nothing can be trusted to compile
                for (String id : files.keySet()) notCompiled.put(id, "does not compile: " + String.join("\n", notes));
                files.clear();
                clean(outDir);
                break;
            }
            extra.removeAll(badExtra);
            for (Map.Entry<String, List<String>> e : errorsByExercise.entrySet()) {
                List<String> errs = e.getValue();
                String msg = String.join("\n", errs.subList(0, Math.min(3, errs.size())))
                        + (errs.size() > 3 ? "\n(" + (errs.size() - 3) + " more errors)" : "");
                notCompiled.put(e.getKey(), "does not compile: " + msg);
                files.remove(e.getKey());
            }
        }
        return new Result(notCompiled, notes);
    }

    /** What a student file declares: its package ("" for none) and its top-level types' simple names. */
    record Declared(String pkg, List<String> types) {
    }

    /** The package and top-level types each student file declares, parsed without compiling. */
    private static Map<Path, Declared> declarations(JavaCompiler jc, List<Path> exerciseFiles, Set<Path> extra) {
        List<Path> all = new ArrayList<>(exerciseFiles);
        all.addAll(extra);
        Map<Path, Declared> out = new LinkedHashMap<>();
        if (all.isEmpty()) return out;
        try (StandardJavaFileManager fm = jc.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            var task = (com.sun.source.util.JavacTask) jc.getTask(null, fm, d -> { }, List.of("-proc:none"), null,
                    fm.getJavaFileObjectsFromPaths(all));
            for (var cu : task.parse()) {
                List<String> types = new ArrayList<>();
                for (var t : cu.getTypeDecls())
                    if (t instanceof com.sun.source.tree.ClassTree ct) types.add(ct.getSimpleName().toString());
                out.put(Path.of(cu.getSourceFile().toUri()).toAbsolutePath().normalize(),
                        new Declared(cu.getPackageName() == null ? "" : cu.getPackageName().toString(), types));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The simple names of java.lang's public types, read from the running JDK. */
    static final class JavaLang {
        static final Set<String> NAMES = read();

        private static Set<String> read() {
            Set<String> names = new java.util.TreeSet<>();
            try (var reader = java.lang.module.ModuleFinder.ofSystem().find("java.base").orElseThrow().open();
                 Stream<String> s = reader.list()) {
                s.filter(n -> n.matches("java/lang/[A-Za-z0-9_]+\\.class")).forEach(n -> {
                    String simple = n.substring("java/lang/".length(), n.length() - ".class".length());
                    try {
                        if (java.lang.reflect.Modifier.isPublic(Class.forName("java.lang." + simple, false, null).getModifiers()))
                            names.add(simple);
                    } catch (ClassNotFoundException | LinkageError ignored) {
                        // not loadable: not a type the tests could use
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("grader: cannot list java.lang: " + e.getMessage(), e);
            }
            return Set.copyOf(names);
        }
    }

    static void clean(Path dir) {
        delete(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Deletes {@code dir} and everything in it (symbolic links are deleted, never followed). */
    static void delete(Path dir) {
        try {
            if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
                }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir + ": " + e.getMessage(), e);
        }
    }
}
