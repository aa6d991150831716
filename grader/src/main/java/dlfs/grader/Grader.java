package dlfs.grader;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Grades one student's exercises in isolation. The plan (exercises, tests, points) is read from
 * the test sources; the student's sources and the tests are compiled with
 * {@link ExerciseCompiler} (an exercise that does not compile gets 0 with javac's message, the
 * others go on); the tests then run in a child JVM ({@link ChildMain}) with a heap limit, a per-test
 * timeout and the {@link Sandbox}. If that JVM dies or stops making progress, the test it was
 * running fails with the reason (System.exit, out of memory, killed after the time limit) and a
 * fresh JVM goes on with the tests after it. Every planned test ends with an outcome; none that
 * did not finish is ever counted as passed.
 */
public final class Grader {
    /** What to grade and how. */
    public record Config(Path srcDir, Path testDir, Path hiddenDir, Path workDir, String classpath, String label,
                         int testTimeoutSeconds, String childXmx, boolean sandbox) {
        public Config {
            if (testTimeoutSeconds <= 0) throw new IllegalArgumentException("grader: the test timeout must be positive, got " + testTimeoutSeconds);
        }

    }

    private final Config cfg;
    private final Isolation isolation;
    private long budgetSeconds;
    private String selector = "all";
    private long deadline = Long.MAX_VALUE;

    /**
     * Limits the whole grading to {@code seconds} of wall time: when it runs out the running test
     * is stopped (timed out) and the tests not yet run score 0 with that reason, so a submission
     * that hangs everywhere still gets the points it earned before.
     */
    public Grader budget(long seconds) {
        this.budgetSeconds = seconds;
        return this;
    }

    /**
     * Grades only the exercises {@code selector} names: one ({@code ch5.ReluLayer}), a chapter
     * ({@code ch5}) or {@code all} (see {@link Plan#only}). The notebook's {@code %grade} uses it.
     */
    public Grader only(String selector) {
        this.selector = selector;
        return this;
    }

    public Grader(Config cfg) {
        // the test JVM runs in the work folder: every path it is given must be absolute
        this.cfg = new Config(cfg.srcDir().toAbsolutePath().normalize(), cfg.testDir().toAbsolutePath().normalize(),
                cfg.hiddenDir() == null ? null : cfg.hiddenDir().toAbsolutePath().normalize(),
                cfg.workDir().toAbsolutePath().normalize(), absolute(cfg.classpath()), cfg.label(), cfg.testTimeoutSeconds(),
                cfg.childXmx(), cfg.sandbox());
        this.isolation = cfg.sandbox() ? Isolation.detect() : Isolation.none("the sandbox was switched off (--no-sandbox)");
    }

    /** The classpath with every entry made absolute. */
    static String absolute(String classpath) {
        List<String> out = new ArrayList<>();
        for (String e : classpath.split(File.pathSeparator))
            if (!e.isBlank()) out.add(Path.of(e).toAbsolutePath().normalize().toString());
        return String.join(File.pathSeparator, out);
    }

    /** The classpath of this JVM (Surefire's test classpath when run under Surefire). */
    public static String currentClasspath() {
        String s = System.getProperty("surefire.test.class.path");
        return s != null && !s.isBlank() ? s : System.getProperty("java.class.path");
    }

    public GradeReport grade() {
        long t0 = System.nanoTime();
        if (budgetSeconds > 0) deadline = t0 + TimeUnit.SECONDS.toNanos(budgetSeconds);
        Plan plan = Plan.read(cfg.testDir(), cfg.hiddenDir()).only(selector);
        List<String> notes = new ArrayList<>();
        Path work = cfg.workDir().toAbsolutePath().normalize();
        Path classes = work.resolve("classes");
        Path run = work.resolve("run");
        ExerciseCompiler.clean(run);
        ExerciseCompiler.Result compiled = ExerciseCompiler.compile(plan, cfg.srcDir(),
                cfg.hiddenDir() == null ? List.of(cfg.testDir()) : List.of(cfg.testDir(), cfg.hiddenDir()), cfg.classpath(), classes);
        notes.addAll(compiled.notes());
        // before anything runs: reflection, Unsafe, class loaders, native code, processes, threads, network,
        // or the library class the exercise replaces, cost that exercise
        Map<String, String> refused = BytecodeCheck.check(plan, cfg.srcDir(), classes);
        refused.forEach((id, why) -> notes.add("refused " + id + ": " + why.substring("refused: ".length())));
        // System.exit / Runtime.halt in the student's code throw instead of ending the test JVM, on every JDK
        ExitCalls.rewriteTree(classes);

        Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
        List<String> testClasses = new ArrayList<>();
        for (Plan.ExerciseSpec e : plan.exercises()) {
            String nc = compiled.notCompiled().get(e.id());
            for (Plan.TestSpec t : e.tests()) {
                TestOutcome planned = e.planned(t);
                String no = refused.get(e.id());
                outcomes.put(t.key(), nc != null ? planned.with(Status.NOT_COMPILED, nc) : no != null ? planned.with(Status.REFUSED, no) : planned);
                if (nc == null && no == null && !testClasses.contains(t.testClass())) testClasses.add(t.testClass());
            }
        }
        if (!testClasses.isEmpty()) runTests(outcomes, testClasses, classes, run, notes);
        return new GradeReport(cfg.label(), new ArrayList<>(outcomes.values()), notes, (System.nanoTime() - t0) / 1e9,
                isolation.status());
    }

    private void runTests(Map<String, TestOutcome> outcomes, List<String> testClasses, Path classes, Path run,
                          List<String> notes) {
        Set<String> violations = new LinkedHashSet<>();
        int forged = 0, printed = 0;
        int attempt = 0;
        int maxAttempts = outcomes.size() + 2;
        while (attempt++ < maxAttempts) {
            Set<String> done = new LinkedHashSet<>();
            for (TestOutcome t : outcomes.values()) if (t.status() != Status.NOT_RUN) done.add(t.key());
            boolean anyLeft = outcomes.values().stream().anyMatch(t -> t.status() == Status.NOT_RUN && testClasses.contains(t.testClass()));
            if (!anyLeft) break;
            if (System.nanoTime() > deadline) {
                for (Map.Entry<String, TestOutcome> e : outcomes.entrySet())
                    if (e.getValue().status() == Status.NOT_RUN && testClasses.contains(e.getValue().testClass()))
                        e.setValue(e.getValue().with(Status.NOT_RUN, "the grading time limit of " + budgetSeconds + " s was reached"));
                notes.add("grading: time limit of " + budgetSeconds + " s reached");
                break;
            }
            ChildRun r = startChild(testClasses, done, classes, run);
            boolean progress = false;
            String pending = null;
            boolean finished = false;
            forged += r.forged;
            printed += r.printedRecords.get();
            for (String[] f : r.records) {
                switch (f[0]) {
                    case "START" -> pending = f[1];
                    case "END" -> {
                        TestOutcome t = outcomes.get(f[1]);
                        if (t != null && t.status() == Status.NOT_RUN) {
                            outcomes.put(f[1], t.with(Status.valueOf(f[2]), f[3]));
                            progress = true;
                        }
                        if (f[1].equals(pending)) pending = null;
                    }
                    case "CLASS_FAILED" -> {
                        for (Map.Entry<String, TestOutcome> e : outcomes.entrySet())
                            if (e.getValue().testClass().equals(f[1]) && e.getValue().status() == Status.NOT_RUN) {
                                e.setValue(e.getValue().with(Status.FAILED, "the test class failed before its tests ran: " + f[2]));
                                progress = true;
                            }
                    }
                    case "VIOLATION" -> violations.add(f[1]);
                    case "NOTE" -> { if (!notes.contains("grading: " + f[1])) notes.add("grading: " + f[1]); }
                    case "DONE" -> finished = true;
                    default -> { }
                }
            }
            if (r.outOfTime) {
                String why = "the grading time limit of " + budgetSeconds + " s was reached";
                if (pending != null && outcomes.get(pending) != null && outcomes.get(pending).status() == Status.NOT_RUN)
                    outcomes.put(pending, outcomes.get(pending).with(Status.TIMED_OUT,
                            "stopped: the grading time limit of " + budgetSeconds + " s was reached during this test"));
                for (Map.Entry<String, TestOutcome> e : outcomes.entrySet())
                    if (e.getValue().status() == Status.NOT_RUN && testClasses.contains(e.getValue().testClass()))
                        e.setValue(e.getValue().with(Status.NOT_RUN, why));
                notes.add("grading: time limit of " + budgetSeconds + " s reached");
                break;
            }
            if (pending != null) {
                TestOutcome t = outcomes.get(pending);
                if (t != null && t.status() == Status.NOT_RUN) {
                    outcomes.put(pending, r.killed
                            ? t.with(Status.TIMED_OUT, "did not finish: the test JVM made no progress for " + r.limitSeconds
                            + " s and was stopped (an endless loop?)")
                            : t.with(Status.CRASHED, "the test JVM ended during this test (" + r.exitDescription() + ")"));
                    progress = true;
                }
            }
            if (finished && r.exitCode == ChildMain.EXIT_DONE) {
                for (Map.Entry<String, TestOutcome> e : outcomes.entrySet())
                    if (e.getValue().status() == Status.NOT_RUN && testClasses.contains(e.getValue().testClass()))
                        e.setValue(e.getValue().with(Status.NOT_RUN, "did not run (not found by JUnit in the compiled test class)"));
                break;
            }
            if (!progress) {
                String why = "the test JVM failed before running any test (" + r.exitDescription() + "): " + r.stderrTail();
                for (Map.Entry<String, TestOutcome> e : outcomes.entrySet())
                    if (e.getValue().status() == Status.NOT_RUN && testClasses.contains(e.getValue().testClass()))
                        e.setValue(e.getValue().with(Status.CRASHED, why));
                notes.add("grading: " + why);
                break;
            }
        }
        if (forged > 0) violations.add(forged + " line(s) on the results channel that the grader did not write (forged results?)");
        if (printed > 0) violations.add(printed + " printed line(s) made to look like result records (forged results?)");
        for (String v : violations) notes.add("sandbox: refused " + v);
    }

    /** One child JVM's run: its result lines, how it ended, the tail of its output. */
    /**
     * The OpenBLAS core for the test JVMs: the one this JVM was given ({@code OPENBLAS_CORETYPE},
     * set by the user or by lib/blas-env.sh), else dlfs.nd.BlasCore's choice when the library is on
     * this JVM's class path (it is what the machine needs, or nothing where OpenBLAS is right).
     */
    static List<String> openBlasEnvPrefix() {
        String set = System.getenv("OPENBLAS_CORETYPE");
        if (set != null && !set.isBlank() && Files.isExecutable(Path.of("/usr/bin/env"))) {
            List<String> out = new ArrayList<>(List.of("/usr/bin/env", "OPENBLAS_CORETYPE=" + set.strip()));
            String line = System.getenv("DLFS_BLAS_CORE");
            if (line != null && !line.isBlank()) out.add("DLFS_BLAS_CORE=" + line.strip());
            return out;
        }
        try {
            @SuppressWarnings("unchecked")
            List<String> prefix = (List<String>) Class.forName("dlfs.nd.BlasCore").getMethod("childEnvPrefix").invoke(null);
            return prefix;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException noLibrary) {
            return List.of();
        }
    }

    private static final class ChildRun {
        List<String[]> records = List.of();
        int forged;
        int exitCode;
        boolean killed;
        boolean outOfTime;
        long limitSeconds;
        String xmx = "";
        final StringBuilder stderr = new StringBuilder();
        /** Lines of the student's printing (the child's standard error) that start like a result record. */
        final AtomicInteger printedRecords = new AtomicInteger();

        String exitDescription() {
            if (killed) return "stopped after " + limitSeconds + " s without progress";
            if (stderr.indexOf("OutOfMemoryError") >= 0) return "out of memory: the test JVM's heap limit is " + xmx;
            if (exitCode == ChildMain.EXIT_RESTART) return "restarted after a timeout";
            return "exit code " + exitCode + (exitCode == ChildMain.EXIT_DONE ? "" : ", System.exit or a JVM crash?");
        }

        String stderrTail() {
            String s = stderr.toString().replaceAll("(?m)^WARNING:.*\\R?", "").strip();
            return s.length() <= 600 ? s : "…" + s.substring(s.length() - 600);
        }
    }

    /**
     * The class path the test JVM gets: the grader's, without folders of compiled tests
     * ({@code test-classes}, which may hold the hidden tests' sources as resources) and without
     * folders holding {@code dlfs/exercises} classes compiled by someone else (the student's
     * classes come only from the folder the grader compiled and checked).
     */
    static List<String> childClasspath(String classpath) {
        List<String> out = new ArrayList<>();
        for (String e : classpath.split(File.pathSeparator)) {
            if (e.isBlank()) continue;
            Path p = Path.of(e);
            if (Files.isDirectory(p) && (p.getFileName().toString().equals("test-classes")
                    || Files.isDirectory(p.resolve(ExerciseIds.PREFIX.replace('.', '/'))))) continue;
            out.add(e);
        }
        return out;
    }

    private ChildRun startChild(List<String> testClasses, Set<String> done, Path classes, Path run) {
        ChildRun r = new ChildRun();
        r.xmx = cfg.childXmx();
        Properties p = new Properties();
        p.setProperty("classes", classes.toString());
        p.setProperty("workDir", run.toString());
        p.setProperty("tests", String.join(",", testClasses));
        p.setProperty("skip", String.join(",", done));
        p.setProperty("timeoutSeconds", Integer.toString(cfg.testTimeoutSeconds()));
        p.setProperty("sandbox", Boolean.toString(cfg.sandbox()));
        byte[] key = ResultChannel.newKey();
        ResultChannel.Verifier verifier = new ResultChannel.Verifier(key);
        StringWriter settings = new StringWriter();
        try {
            p.store(settings, "dlfs grader child run");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> childCp = childClasspath(cfg.classpath());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + cfg.childXmx(), "-Xss4m", "-XX:MaxDirectMemorySize=64m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + run, "--add-modules=jdk.incubator.vector"));
        // the sandbox's file and network checks use the security manager, which Java 18-23 allow
        // only with this flag and Java 24+ refuse at start-up
        if (Runtime.version().feature() < 24) cmd.add("-Djava.security.manager=allow");
        // the right OpenBLAS kernels where Debian's OpenBLAS misdetects the CPU ([/usr/bin/env, OPENBLAS_CORETYPE=...]
        // in front, or nothing): the sandbox clears the environment, so it goes on the command line
        cmd.addAll(0, openBlasEnvPrefix());
        List<String> cp = new ArrayList<>(List.of(classes.toString()));
        cp.addAll(childCp);
        cmd.addAll(List.of("-cp", String.join(File.pathSeparator, cp), ChildMain.class.getName()));
        List<Path> visible = new ArrayList<>();
        for (String e : cp) visible.add(Path.of(e));
        ProcessBuilder pb = new ProcessBuilder(isolation.wrap(cmd, visible, run)).directory(run.toFile());
        long limit = cfg.testTimeoutSeconds() + 20L;
        r.limitSeconds = limit;
        Process[] started = {null};
        try {
            Process proc = pb.start();
            started[0] = proc;
            try (var in = proc.getOutputStream()) {
                in.write((HexFormat.of().formatHex(key) + "\n" + settings).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the child died at once: its output says why
            }
            Arrays.fill(key, (byte) 0);
            long[] lastProgress = {System.nanoTime()};
            List<String[]> records = Collections.synchronizedList(new ArrayList<>());
            Thread results = new Thread(() -> readRecords(proc.getInputStream(), verifier, records, lastProgress), "grader-child-results");
            Thread drain = new Thread(() -> tail(proc.getErrorStream(), r.stderr, r.printedRecords), "grader-child-output");
            for (Thread t : List.of(results, drain)) {
                t.setDaemon(true);
                t.start();
            }
            while (!proc.waitFor(200, TimeUnit.MILLISECONDS)) {
                long since;
                synchronized (lastProgress) {
                    since = System.nanoTime() - lastProgress[0];
                }
                if (since > TimeUnit.SECONDS.toNanos(limit) || System.nanoTime() > deadline) {
                    r.killed = true;
                    r.outOfTime = System.nanoTime() > deadline;
                    proc.descendants().forEach(ProcessHandle::destroyForcibly);
                    proc.destroyForcibly();
                    proc.waitFor(10, TimeUnit.SECONDS);
                    break;
                }
            }
            r.exitCode = proc.isAlive() ? -1 : proc.exitValue();
            results.join(5000);
            drain.join(2000);
            synchronized (records) {
                r.records = new ArrayList<>(records);
            }
            r.forged = verifier.forged();
        } catch (IOException e) {
            throw new UncheckedIOException("grader: cannot start the test JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            // the notebook's %grade was interrupted: the test JVM must not outlive it
            if (started[0] != null) {
                started[0].descendants().forEach(ProcessHandle::destroyForcibly);
                started[0].destroyForcibly();
            }
            Thread.currentThread().interrupt();
            throw new IllegalStateException("grader: interrupted", e);
        }
        return r;
    }

    /**
     * Reads the child's standard output: authentic records are kept (and count as progress), the
     * rest is dropped. Lines are cut at twice a record's size, so a student writing one endless
     * line to the descriptor cannot fill the grader's memory.
     */
    static void readRecords(InputStream in, ResultChannel.Verifier verifier, List<String[]> records, long[] lastProgress) {
        int cap = 2 * ResultChannel.MAX_RECORD;
        byte[] line = new byte[cap];
        int len = 0;
        boolean overflow = false;
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b != '\n') {
                        if (len < cap) line[len++] = b;
                        else overflow = true;
                        continue;
                    }
                    if (!overflow && len > 0) {
                        String[] f = verifier.accept(new String(line, 0, len, StandardCharsets.UTF_8));
                        if (f != null) {
                            records.add(f);
                            synchronized (lastProgress) {
                                lastProgress[0] = System.nanoTime();
                            }
                        }
                    }
                    len = 0;
                    overflow = false;
                }
            }
        } catch (IOException ignored) {
            // the child is gone
        }
    }

    /**
     * Keeps the last 16 KB of a stream (a student printing in a loop must not fill the disk or the
     * heap), and counts its lines that start like a result record: printing goes to standard
     * error, never to the results channel, so such a line can only be an attempt to forge one.
     */
    static void tail(InputStream in, StringBuilder keep, AtomicInteger lookalikes) {
        byte[] prefix = (ResultChannel.PREFIX + "\t").getBytes(StandardCharsets.US_ASCII);
        int col = 0;
        boolean match = true;
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        col = 0;
                        match = true;
                    } else if (col < prefix.length) {
                        match &= buf[i] == prefix[col++];
                        if (match && col == prefix.length) lookalikes.incrementAndGet();
                    }
                }
                synchronized (keep) {
                    keep.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    if (keep.length() > 32_768) keep.delete(0, keep.length() - 16_384);
                }
            }
        } catch (IOException ignored) {
            // the child is gone
        }
    }
}
