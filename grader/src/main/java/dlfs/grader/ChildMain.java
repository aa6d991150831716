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

import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The grader's test JVM: runs the compiled test classes with JUnit's per-test timeout in a
 * separate thread, inside the {@link Sandbox} (Java 17-23; the OS sandbox is {@link Isolation}),
 * and sends one record per event over the {@link ResultChannel} as it goes ({@code START key},
 * {@code END key status message}), so that if this JVM dies the engine knows which test killed it
 * and restarts after it. Its settings and the channel's key come on standard input, read to the
 * end before any student class loads; {@code System.out} and {@code System.err} go to standard
 * error, so the student's printing never reaches the channel. A test that times out ends this JVM
 * (its thread may still be spinning) after its line is written; the engine starts a fresh one for
 * the rest. Started by {@link Grader}, never by hand.
 */
public final class ChildMain {
    static final int EXIT_DONE = 0;
    static final int EXIT_RESTART = 42;

    private ChildMain() {
    }

    public static void main(String[] args) throws Exception {
        // the key's line, then the settings; after this, standard input is empty
        byte[] input = System.in.readAllBytes();
        System.setIn(new ByteArrayInputStream(new byte[0]));
        String text = new String(input, StandardCharsets.UTF_8);
        java.util.Arrays.fill(input, (byte) 0);
        int nl = text.indexOf('\n');
        if (nl < 0) throw new IllegalStateException("grader: the test JVM is started by the grader, never by hand");
        ResultChannel.open(HexFormat.of().parseHex(text.substring(0, nl).strip()));
        Properties p = new Properties();
        p.load(new StringReader(text.substring(nl + 1)));
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.setOut(err);
        System.setErr(err);
        Path classes = Path.of(p.getProperty("classes"));
        Path workDir = Path.of(p.getProperty("workDir")).toAbsolutePath().normalize();
        List<String> testClasses = split(p.getProperty("tests"));
        Set<String> skip = new LinkedHashSet<>(split(p.getProperty("skip")));
        String timeout = p.getProperty("timeoutSeconds", "10");

        ExitCalls.refuseWith(what -> {
            line("VIOLATION", what);
            return Sandbox.refusal(what);
        });
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
            Sandbox sb = new Sandbox(roots, workDir, student, what -> line("VIOLATION", what));
            Sandbox.install(sb);
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
                if (key(id) != null) line("START", key(id));
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                String k = key(id);
                if (k != null) line("END", k, "NOT_RUN", "skipped: " + reason);
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                String k = key(id);
                Throwable th = result.getThrowable().orElse(null);
                if (k == null) {
                    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && id.getSource().isPresent()
                            && id.getSource().get() instanceof ClassSource cs)
                        line("CLASS_FAILED", cs.getClassName(), th == null ? "aborted" : Messages.describe(th));
                    return;
                }
                if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) line("END", k, "PASSED", "");
                else {
                    Status st = th == null ? Status.FAILED : Messages.statusOf(th);
                    // what the OS sandbox stopped leaves no trace but a missing file: name it for the report
                    String outside = Sandbox.outsideAttempt(th, workDir);
                    if (outside != null) line("VIOLATION", outside);
                    line("END", k, st.name(), th == null ? "aborted" : Messages.describe(th));
                    if (st == Status.TIMED_OUT) {
                        // the hung thread may still be running: stop this JVM, the engine goes on in a fresh one
                        Sandbox.exit(EXIT_RESTART);
                    }
                }
            }
        });
        line("DONE");
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

    private static void line(String... fields) {
        ResultChannel.send(fields);
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
