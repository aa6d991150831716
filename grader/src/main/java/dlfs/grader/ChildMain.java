package dlfs.grader;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The grader's test JVM: runs the compiled test classes with JUnit's per-test timeout in a
 * separate thread, inside the {@link Sandbox}, and writes one line per event to the results file
 * as it goes ({@code START key}, {@code END key status message}), so that if this JVM dies the
 * engine knows which test killed it and restarts after it. A test that times out ends this JVM
 * (its thread may still be spinning) after its line is written; the engine starts a fresh one for
 * the rest. Started by {@link Grader}, never by hand.
 */
public final class ChildMain {
    static final int EXIT_DONE = 0;
    static final int EXIT_RESTART = 42;

    private ChildMain() {
    }

    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Path classes = Path.of(p.getProperty("classes"));
        Path workDir = Path.of(p.getProperty("workDir")).toAbsolutePath().normalize();
        List<String> testClasses = split(p.getProperty("tests"));
        Set<String> skip = new LinkedHashSet<>(split(p.getProperty("skip")));
        String timeout = p.getProperty("timeoutSeconds", "10");
        PrintStream out = new PrintStream(Files.newOutputStream(Path.of(p.getProperty("results"))), true, StandardCharsets.UTF_8);

        ChildExits.reportTo(what -> line(out, "VIOLATION", what));
        if (Boolean.parseBoolean(p.getProperty("sandbox", "true"))) {
            Set<String> tests = new LinkedHashSet<>(testClasses);
            Set<String> student = new LinkedHashSet<>();
            try (Stream<Path> s = Files.walk(classes)) {
                s.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                    String rel = classes.relativize(f).toString();
                    String name = Sandbox.topLevel(rel.substring(0, rel.length() - 6).replace('/', '.'));
                    if (!tests.contains(name)) student.add(name);
                });
            }
            List<Path> roots = Sandbox.defaultReadRoots(System.getProperty("java.class.path"));
            Sandbox sb = new Sandbox(roots, workDir, student, what -> line(out, "VIOLATION", what));
            if (!Sandbox.install(sb)) line(out, "ISOLATION", "not isolated: Java " + Runtime.version().feature()
                    + " has no security manager, so the test JVM's file and network checks are off (exit calls are still refused)");
        }
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());
        LauncherDiscoveryRequestBuilder b = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("junit.jupiter.execution.timeout.default", timeout + " s")
                .configurationParameter("junit.jupiter.execution.timeout.mode", "enabled")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .filters((PostDiscoveryFilter) d -> d.getSource().filter(s -> s instanceof MethodSource ms
                                && skip.contains(ms.getClassName() + "#" + ms.getMethodName())).isPresent()
                        ? FilterResult.excluded("already graded") : FilterResult.included("to grade"));
        for (String c : testClasses) b.selectors(DiscoverySelectors.selectClass(c));
        LauncherDiscoveryRequest request = b.build();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier id) {
                if (key(id) != null) line(out, "START", key(id));
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                String k = key(id);
                if (k != null) line(out, "END", k, "NOT_RUN", "skipped: " + reason);
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                String k = key(id);
                Throwable th = result.getThrowable().orElse(null);
                if (k == null) {
                    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && id.getSource().isPresent()
                            && id.getSource().get() instanceof ClassSource cs)
                        line(out, "CLASS_FAILED", cs.getClassName(), th == null ? "aborted" : Messages.describe(th));
                    return;
                }
                if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) line(out, "END", k, "PASSED", "");
                else {
                    Status st = th == null ? Status.FAILED : Messages.statusOf(th);
                    line(out, "END", k, st.name(), th == null ? "aborted" : Messages.describe(th));
                    if (st == Status.TIMED_OUT) {
                        // the hung thread may still be running: stop this JVM, the engine goes on in a fresh one
                        Sandbox.exit(EXIT_RESTART);
                    }
                }
            }
        });
        line(out, "DONE");
        out.flush();
        Sandbox.exit(EXIT_DONE);
    }

    private static String key(TestIdentifier id) {
        if (!id.isTest() || id.getSource().isEmpty() || !(id.getSource().get() instanceof MethodSource ms)) return null;
        return ms.getClassName() + "#" + ms.getMethodName();
    }

    private static List<String> split(String s) {
        if (s == null || s.isBlank()) return List.of();
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    static synchronized void line(PrintStream out, String... fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) sb.append('\t');
            sb.append(escape(fields[i]));
        }
        out.println(sb);
        out.flush();
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(switch (n) { case 't' -> '\t'; case 'n' -> '\n'; case 'r' -> '\r'; default -> n; });
            } else sb.append(c);
        }
        return sb.toString();
    }
}
