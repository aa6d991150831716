package dlfs.grader;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Grades a class: a folder with one entry per student, each a folder (a copy of
 * {@code exercises/src/main/java}, or any folder above it) or a {@code .zip} of one. Only the
 * {@code .java} files are copied (zips are unpacked with size and path checks) into a work folder
 * of the student's own; each student is graded by {@code Main grade} in a JVM of its own with a
 * heap limit and a wall-clock limit, so a broken or malicious submission gets its score and a
 * reason and never stops the others. Writes {@code class-report.csv} and {@code class-report.json}
 * (one row per student) and, per student, the full reports under {@code students/NAME/}.
 */
public final class ClassGrader {
    private static final long MAX_UNZIPPED = 20L << 20;
    private static final int MAX_FILES = 2000;

    private final Path submissions;
    private final Path tests;
    private final Path hidden;
    private final Path out;
    private final String classpath;
    private final int jobs;
    private final int studentTimeout;
    private final int testTimeout;
    private final String xmx;

    public ClassGrader(Path submissions, Path tests, Path hidden, Path out, String classpath, int jobs,
                       int studentTimeoutSeconds, int testTimeoutSeconds, String xmx) {
        if (!Files.isDirectory(submissions)) throw new IllegalArgumentException("grader: the submissions folder " + submissions + " does not exist");
        if (!Files.isDirectory(tests)) throw new IllegalArgumentException("grader: the tests folder " + tests + " does not exist");
        this.submissions = submissions.toAbsolutePath().normalize();
        this.tests = tests.toAbsolutePath().normalize();
        this.hidden = hidden == null ? null : hidden.toAbsolutePath().normalize();
        this.out = out.toAbsolutePath().normalize();
        this.classpath = classpath;
        this.jobs = Math.max(1, jobs);
        this.studentTimeout = studentTimeoutSeconds;
        this.testTimeout = testTimeoutSeconds;
        this.xmx = xmx;
    }

    /** One student's row. */
    public record Row(String student, GradeReport report, String reason) {
    }

    /** All rows, with the exercise columns in plan order. */
    public record ClassReport(List<String> exerciseIds, List<Row> rows, double seconds) {
        public String csv() {
            StringBuilder sb = new StringBuilder("student,score,max_score,percent");
            for (String id : exerciseIds) sb.append(',').append(GradeReport.csv(id));
            sb.append(",isolated,reason\n");
            for (Row r : rows) {
                GradeReport g = r.report();
                sb.append(GradeReport.csv(r.student())).append(',').append(Json.number(g.score())).append(',')
                        .append(Json.number(g.maxScore())).append(',').append(Json.number(Math.round(g.percent() * 10) / 10.0));
                Map<String, Double> byEx = new LinkedHashMap<>();
                for (GradeReport.ExerciseSummary e : g.exercises()) byEx.put(e.id(), e.score());
                for (String id : exerciseIds) sb.append(',').append(Json.number(byEx.getOrDefault(id, 0.0)));
                sb.append(',').append(g.isolated() ? "yes" : "no").append(',').append(GradeReport.csv(GradeReport.oneLine(r.reason(), 600))).append('\n');
            }
            return sb.toString();
        }

        public Map<String, Object> toJson() {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("students", rows.size());
            root.put("seconds", Math.round(seconds * 10) / 10.0);
            List<Object> list = new ArrayList<>();
            for (Row r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("student", r.student());
                m.put("score", r.report().score());
                m.put("max_score", r.report().maxScore());
                m.put("percent", Math.round(r.report().percent() * 100) / 100.0);
                m.put("reason", r.reason());
                m.put("isolation", r.report().isolation());
                Map<String, Object> ex = new LinkedHashMap<>();
                for (GradeReport.ExerciseSummary e : r.report().exercises()) ex.put(e.id(), e.score());
                m.put("exercises", ex);
                list.add(m);
            }
            root.put("rows", list);
            return root;
        }

        public String table() {
            StringBuilder sb = new StringBuilder();
            int w = Math.max(8, rows.stream().mapToInt(r -> r.student().length()).max().orElse(8));
            sb.append(String.format(Locale.ROOT, "%-" + w + "s  %12s  %s%n", "Student", "Points", "Reason"));
            for (Row r : rows)
                sb.append(String.format(Locale.ROOT, "%-" + w + "s  %12s  %s%n", r.student(),
                        Json.number(r.report().score()) + "/" + Json.number(r.report().maxScore()), GradeReport.oneLine(r.reason(), 160)));
            sb.append(String.format(Locale.ROOT, "%d students graded in %.1f s%n", rows.size(), seconds));
            List<Row> open = rows.stream().filter(r -> !r.report().isolated()).toList();
            sb.append(open.isEmpty() ? "isolation: every student's tests ran in the OS sandbox\n"
                    : String.format(Locale.ROOT, "isolation: %d of %d students NOT isolated: %s%n", open.size(), rows.size(),
                    GradeReport.oneLine(open.get(0).report().isolation().replaceFirst("^not isolated: ", ""), 200)));
            return sb.toString();
        }
    }

    public ClassReport gradeAll() {
        long t0 = System.nanoTime();
        Plan plan = Plan.read(tests, hidden);
        List<Path> entries;
        try (Stream<Path> s = Files.list(submissions)) {
            entries = s.filter(p -> Files.isDirectory(p) || p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<Future<Row>> futures = new ArrayList<>();
        for (Path entry : entries) futures.add(pool.submit(() -> gradeOne(entry, plan)));
        List<Row> rows = new ArrayList<>();
        try {
            for (Future<Row> f : futures) rows.add(f.get());
        } catch (Exception e) {
            throw new IllegalStateException("grader: " + e, e);
        } finally {
            pool.shutdownNow();
        }
        List<String> ids = plan.exercises().stream().map(Plan.ExerciseSpec::id).toList();
        ClassReport report = new ClassReport(ids, rows, (System.nanoTime() - t0) / 1e9);
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("class-report.csv"), report.csv(), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("class-report.json"), Json.write(report.toJson()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return report;
    }

    static String studentName(Path entry) {
        String n = entry.getFileName().toString();
        if (n.toLowerCase(Locale.ROOT).endsWith(".zip")) n = n.substring(0, n.length() - 4);
        return n.replaceAll("[^A-Za-z0-9._@-]", "_");
    }

    private Row gradeOne(Path entry, Plan plan) {
        String student = studentName(entry);
        Path work = out.resolve("work").resolve(student);
        Path studentOut = out.resolve("students").resolve(student);
        Path src = work.resolve("src");
        try {
            ExerciseCompiler.clean(work);
            ExerciseCompiler.clean(studentOut);
            Path staged = work.resolve("submitted");
            Files.createDirectories(staged);
            if (Files.isDirectory(entry)) copyJava(entry, staged);
            else unzipJava(entry, staged);
            Path root = sourceRoot(staged);
            if (root == null) return failed(student, plan, "no Java sources with a dlfs/ package folder in the submission", studentOut);
            copyJava(root, src);
        } catch (IOException | RuntimeException e) {
            return failed(student, plan, "unreadable submission: " + e.getMessage(), studentOut);
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classpath, Main.class.getName(), "grade",
                "--src", src.toString(), "--tests", tests.toString(), "--out", studentOut.toString(),
                "--work", work.resolve("grading").toString(), "--label", student,
                "--timeout", Integer.toString(testTimeout), "--xmx", xmx,
                // the engine stops itself in time to report partial results; the kill below is the backstop
                "--budget", Integer.toString(Math.max(10, studentTimeout - Math.min(60, studentTimeout / 4))), "--classpath", classpath, "--quiet", "--save", "true"));
        if (hidden != null) cmd.addAll(List.of("--hidden", hidden.toString()));
        Path log = work.resolve("grader.log");
        try {
            Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(studentTimeout, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                return failed(student, plan, "grading: stopped after the time limit of " + studentTimeout + " s", studentOut);
            }
            Path saved = studentOut.resolve("grade-report.ser");
            if (p.exitValue() != 0 || !Files.exists(saved))
                return failed(student, plan, "grading: the grader failed (exit " + p.exitValue() + "): " + tailOf(log), studentOut);
            GradeReport g;
            try (InputStream in = Files.newInputStream(saved); ObjectInputStream ois = new ObjectInputStream(in)) {
                g = (GradeReport) ois.readObject();
            }
            Files.deleteIfExists(saved);
            return new Row(student, g, g.reason());
        } catch (IOException | ClassNotFoundException e) {
            return failed(student, plan, "grading: " + e.getMessage(), studentOut);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(student, plan, "grading: interrupted", studentOut);
        }
    }

    private static String tailOf(Path log) {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8).strip();
            return s.length() <= 400 ? s : "…" + s.substring(s.length() - 400);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** A row with every planned test at 0 and the reason, for a submission that could not be graded. */
    private static Row failed(String student, Plan plan, String reason, Path studentOut) {
        List<TestOutcome> outs = new ArrayList<>();
        for (Plan.ExerciseSpec e : plan.exercises())
            for (Plan.TestSpec t : e.tests()) outs.add(e.planned(t).with(Status.NOT_RUN, reason));
        GradeReport g = new GradeReport(student, outs, List.of(reason.startsWith("grading:") ? reason : "grading: " + reason), 0,
                Isolation.detect().status());
        g.write(studentOut);
        return new Row(student, g, reason);
    }

    /** The shallowest folder under {@code dir} that holds a {@code dlfs} package folder. */
    static Path sourceRoot(Path dir) throws IOException {
        Deque<Path> queue = new ArrayDeque<>(List.of(dir));
        while (!queue.isEmpty()) {
            Path d = queue.poll();
            if (Files.isDirectory(d.resolve("dlfs"))) return d;
            try (Stream<Path> s = Files.list(d)) {
                s.filter(Files::isDirectory).sorted().forEach(queue::add);
            }
        }
        return null;
    }

    private static void copyJava(Path from, Path to) throws IOException {
        int[] count = {0};
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && f.toString().endsWith(".java")).toList()) {
                if (++count[0] > MAX_FILES) throw new IOException("more than " + MAX_FILES + " Java files");
                Path target = to.resolve(from.relativize(p).toString()).normalize();
                if (!target.startsWith(to)) throw new IOException("bad path " + p);
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
    }

    private static void unzipJava(Path zip, Path to) throws IOException {
        long total = 0;
        int files = 0;
        Files.createDirectories(to);
        try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            byte[] buf = new byte[8192];
            while ((e = zin.getNextEntry()) != null) {
                if (e.isDirectory() || !e.getName().endsWith(".java")) continue;
                Path target = to.resolve(e.getName().replace('\\', '/')).normalize();
                if (!target.startsWith(to)) throw new IOException("zip entry outside the folder: " + e.getName());
                if (++files > MAX_FILES) throw new IOException("more than " + MAX_FILES + " Java files");
                Files.createDirectories(target.getParent());
                try (var os = Files.newOutputStream(target)) {
                    int n;
                    while ((n = zin.read(buf)) > 0) {
                        total += n;
                        if (total > MAX_UNZIPPED) throw new IOException("more than " + (MAX_UNZIPPED >> 20) + " MB of sources");
                        os.write(buf, 0, n);
                    }
                }
            }
        }
    }
}
