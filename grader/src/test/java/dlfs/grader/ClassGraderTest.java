package dlfs.grader;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Grades a class of submissions built from the shipped stubs (a fixture copy) and the solutions: correct, partial,
 * unimplemented, zipped, and broken or malicious ones (endless loop, System.exit, compile error,
 * huge allocation, reading the solutions, shadowing JUnit), and checks every row's score and
 * reason. The number of students is {@code -Ddlfs.grader.students} (default 10, which covers every
 * kind once; 30 is the target, see exercises/README.md). Prints the wall time.
 */
class ClassGraderTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /**
     * The stubs as shipped: a fixture copy, never {@code exercises/src/main/java}, which is the
     * student's work in progress ({@code .ci/run} checks on a clean clone that the two are equal).
     */
    static final Path STUBS = Path.of("src/test/fixtures/stubs").toAbsolutePath();
    static final Path TESTS = ROOT.resolve("exercises/src/test/java");
    static final Path SOLUTIONS = ROOT.resolve("solutions/src/main/java");
    static final Path HIDDEN = Path.of("src/test/resources/hidden").toAbsolutePath();
    static final String EX = "dlfs/exercises/";

    /** Java 17-23 run the sandbox's file checks on the security manager; Java 24+ has none. */
    static final boolean SECURITY_MANAGER = Runtime.version().feature() < 24;
    /** Whether this machine runs the test JVMs in bubblewrap (every report says which). */
    static final boolean ISOLATED = Isolation.detect().isolated();

    static Plan plan;
    static Map<String, Double> max = new LinkedHashMap<>();

    @BeforeAll
    static void readPlan() {
        plan = Plan.read(TESTS, HIDDEN);
        for (Plan.ExerciseSpec e : plan.exercises())
            max.put(e.id(), e.tests().stream().mapToDouble(Plan.TestSpec::points).sum());
    }

    /** What one fixture student should get: per-exercise scores and words the reason must contain. */
    record Expect(Map<String, Double> scores, List<String> reasonHas) {
        double total() {
            return scores.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    static Map<String, Double> all(double fractionOfMax) {
        Map<String, Double> m = new LinkedHashMap<>();
        max.forEach((k, v) -> m.put(k, v * fractionOfMax));
        return m;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    /** A student folder: the solutions, with the first {@code solved} exercises solved and the rest left as stubs. */
    static Path student(Path dir, String name, int solved) throws IOException {
        Path src = dir.resolve(name).resolve("src/main/java");
        copyTree(STUBS, src);
        for (int i = 0; i < solved; i++) {
            Path rel = plan.exercises().get(i).relativeSource();
            Files.copy(SOLUTIONS.resolve(rel), src.resolve(rel), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return src;
    }

    static void edit(Path src, String exerciseFile, String from, String to) throws IOException {
        Path f = src.resolve(EX + exerciseFile);
        String s = Files.readString(f);
        assertTrue(s.contains(from), "fixture: " + exerciseFile + " does not contain " + from);
        Files.writeString(f, s.replace(from, to));
    }

    static void zip(Path folder, Path zipFile) throws IOException {
        try (OutputStream os = Files.newOutputStream(zipFile); ZipOutputStream z = new ZipOutputStream(os);
             Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                z.putNextEntry(new ZipEntry("exercises/src/main/java/" + folder.relativize(p).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(p));
                z.closeEntry();
            }
        }
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void gradesAClassWithBrokenAndMaliciousSubmissions(@TempDir Path tmp) throws IOException {
        int n = Math.max(10, Integer.getInteger("dlfs.grader.students", 10));
        Path subs = tmp.resolve("submissions");
        Files.createDirectories(subs);
        Map<String, Expect> expected = new LinkedHashMap<>();
        int total = plan.exercises().size();
        String gates = "ch2.Gates", softmax = "ch3.SoftmaxFunction", affine = "ch5.AffineLayer", relu = "ch5.ReluLayer";

        // every solution: 100 %
        student(subs, "s01-correct", total);
        expected.put("s01-correct", new Expect(all(1), List.of("ok")));
        // the fresh stubs: 0, "not implemented"
        student(subs, "s02-stubs", 0);
        expected.put("s02-stubs", new Expect(all(0), List.of(total + " exercise(s) not implemented")));
        // an endless loop in Gates.and: the and and xor tests (and the hidden xor test) time out, the rest pass
        Path s = student(subs, "s03-endless-loop", total);
        edit(s, "ch2/Gates.java", "return perceptron(x1, x2, 0.5, 0.5, -0.7);", "while (x1 >= 0) { x2++; } return x2;");
        Map<String, Double> m = all(1);
        m.put(gates, 4.0);   // nand 2 + or 2
        expected.put("s03-endless-loop", new Expect(m, List.of("timed out: " + gates)));
        // System.exit in softmax: costs that exercise only
        s = student(subs, "s04-system-exit", total);
        edit(s, "ch3/SoftmaxFunction.java", "if (a.ndim() == 1) {", "if (a.ndim() > 0) System.exit(3);\n        if (a.ndim() == 1) {");
        m = all(1);
        m.put(softmax, 0.0);
        expected.put("s04-system-exit", new Expect(m, List.of("sandbox: refused System.exit(3)")));
        // a compile error in AffineLayer: that exercise reports javac's message, the others are graded
        s = student(subs, "s05-compile-error", total);
        edit(s, "ch5/AffineLayer.java", "return dx.reshape(xShape);", "return dx.reshape(xShape)   // missing semicolon");
        m = all(1);
        m.put(affine, 0.0);
        expected.put("s05-compile-error", new Expect(m, List.of("does not compile: " + affine)));
        // a huge allocation in ReLU: out of memory in those tests, the JVM survives
        s = student(subs, "s06-huge-allocation", total);
        edit(s, "ch5/ReluLayer.java", "mask = x.le(0);",
                "java.util.List<double[]> hog = new java.util.ArrayList<>(); while (hog.size() >= 0) hog.add(new double[1 << 24]);\n        mask = x.le(0);");
        m = all(1);
        m.put(relu, 0.0);
        // (JUnit treats OutOfMemoryError as unrecoverable and ends its JVM: the engine restarts after each such test)
        expected.put("s06-huge-allocation", new Expect(m, List.of("crashed the test JVM: " + relu)));
        // reading the solutions folder: refused before it runs, on every JDK, that exercise scores 0 (the OS sandbox
        // would hide the file, but a read whose failure the student ignores would leave no trace)
        s = student(subs, "s07-reads-solutions", total);
        edit(s, "ch2/Gates.java", "public static int and(int x1, int x2) {",
                "public static int and(int x1, int x2) {\n        try { java.nio.file.Files.readString(java.nio.file.Path.of(\""
                        + SOLUTIONS.resolve(EX + "ch2/Gates.java") + "\")); } catch (java.io.IOException e) { throw new RuntimeException(e); }");
        m = all(1);
        m.put(gates, 0.0);
        expected.put("s07-reads-solutions", new Expect(m, List.of("refused " + gates + ": Gates calls java.nio.file.Path.of (the file system)")));
        // a file that shadows JUnit's Assertions to make every test pass: left out, graded normally (stubs: 0)
        s = student(subs, "s08-shadows-junit", 0);
        Files.createDirectories(s.resolve("org/junit/jupiter/api"));
        Files.writeString(s.resolve(EX + "Evil.java"), "package org.junit.jupiter.api;\npublic class Evil {}\n");
        expected.put("s08-shadows-junit", new Expect(all(0), List.of("declares package 'org.junit.jupiter.api'")));
        // a zip of a whole correct exercises folder
        Path zipped = student(tmp.resolve("zips"), "s09-zipped", total);
        zip(zipped, subs.resolve("s09-zipped.zip"));
        expected.put("s09-zipped", new Expect(all(1), List.of("ok")));
        // a submission without sources
        Files.createDirectories(subs.resolve("s10-empty"));
        Files.writeString(subs.resolve("s10-empty/notes.txt"), "forgot to upload");
        expected.put("s10-empty", new Expect(all(0), List.of("no Java sources")));
        // the rest: partial submissions, k exercises solved
        for (int i = 11; i <= n; i++) {
            int k = (i * 7) % (total + 1);
            String name = String.format("s%02d-partial-%d", i, k);
            student(subs, name, k);
            m = all(0);
            for (int j = 0; j < k; j++) m.put(plan.exercises().get(j).id(), max.get(plan.exercises().get(j).id()));
            expected.put(name, new Expect(m, List.of()));
        }

        Path out = tmp.resolve("out");
        long t0 = System.nanoTime();
        ClassGrader.ClassReport report = new ClassGrader(subs, TESTS, HIDDEN, out, Grader.currentClasspath(), 2, 300, 8, "256m").gradeAll();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.print(report.table());
        System.out.printf("ClassGraderTest: %d submissions graded in %.1f s (2 jobs, 8 s per-test timeout)%n", report.rows().size(), seconds);

        assertEquals(expected.size(), report.rows().size(), "one row per submission");
        List<String> problems = new ArrayList<>();
        for (ClassGrader.Row row : report.rows()) {
            Expect e = expected.get(row.student());
            Map<String, Double> got = new LinkedHashMap<>();
            for (GradeReport.ExerciseSummary x : row.report().exercises()) got.put(x.id(), x.score());
            for (Map.Entry<String, Double> x : e.scores().entrySet())
                if (Math.abs(got.getOrDefault(x.getKey(), -1.0) - x.getValue()) > 1e-9)
                    problems.add(row.student() + ": " + x.getKey() + " expected " + x.getValue() + ", got " + got.get(x.getKey())
                            + " (" + row.report().exercises().stream().filter(z -> z.id().equals(x.getKey())).map(GradeReport.ExerciseSummary::status).findFirst().orElse("-") + ")");
            if (Math.abs(row.report().maxScore() - plan.maxScore()) > 1e-9)
                problems.add(row.student() + ": max " + row.report().maxScore() + " != " + plan.maxScore());
            for (String r : e.reasonHas())
                if (!row.reason().contains(r)) problems.add(row.student() + ": reason '" + row.reason() + "' lacks '" + r + "'");
            if (row.report().isolated() != ISOLATED || row.report().isolation().isBlank())
                problems.add(row.student() + ": isolation '" + row.report().isolation() + "', expected " + (ISOLATED ? "isolated" : "not isolated"));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));

        // the class files, and each student's reports with Gradescope's results.json
        String csv = Files.readString(out.resolve("class-report.csv"), StandardCharsets.UTF_8);
        assertEquals(expected.size() + 1, csv.strip().split("\n").length, csv);
        assertTrue(csv.startsWith("student,score,max_score,percent,ch1.Broadcasting,"), csv);
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",isolated,reason"), csv);
        assertTrue(csv.contains(ISOLATED ? ",yes," : ",no,"), csv);
        assertTrue(Files.readString(out.resolve("class-report.json")).contains("\"student\": \"s04-system-exit\""));
        String gs = Files.readString(out.resolve("students/s01-correct/results.json"));
        assertTrue(gs.contains("\"score\": " + Json.number(plan.maxScore())), gs);
        assertTrue(gs.contains("\"visibility\": \"hidden\""), "the hidden test is listed as hidden: " + gs);
        assertTrue(Files.readString(out.resolve("students/s03-endless-loop/grade-report.md")).contains("timed out"));
    }
}
