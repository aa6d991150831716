package dlfs.grader;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JUnit Platform listener that grades a normal test run (registered through
 * {@code META-INF/services}, so Surefire and IDEs pick it up): every {@link Points} test in the
 * plan is counted, passed or not, and when the plan finishes the report is printed as a table and
 * written to {@code target/} ({@code -Ddlfs.grade.out}) as Markdown, JSON, CSV and Gradescope
 * {@code results.json}, labelled {@code -Ddlfs.grade.label}. Runs without graded tests are left
 * alone. The isolating engine ({@link Grader}) does not use this listener; its child JVM reports
 * test by test instead, so that a run that dies half way still has the tests before.
 */
public class GradeListener implements TestExecutionListener {
    /** Outcomes of every plan run in this JVM so far (Surefire may run several plans). */
    private static final Map<String, TestOutcome> ALL = new LinkedHashMap<>();
    private static final long START = System.nanoTime();

    private final Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        for (TestIdentifier root : testPlan.getRoots())
            for (TestIdentifier id : testPlan.getDescendants(root)) {
                if (!id.isTest() || id.getSource().isEmpty() || !(id.getSource().get() instanceof MethodSource ms)) continue;
                TestOutcome planned = planned(ms, id.getDisplayName());
                if (planned != null) outcomes.put(id.getUniqueId(), planned);
            }
    }

    /** The planned (not yet run) outcome of a graded test method, or null if it carries no points. */
    static TestOutcome planned(MethodSource ms, String displayName) {
        Class<?> cls;
        Method m;
        try {
            cls = ms.getJavaClass();
            m = ms.getJavaMethod();
        } catch (RuntimeException e) {
            return null;
        }
        Points p = m.getAnnotation(Points.class);
        Exercise ex = cls.getAnnotation(Exercise.class);
        if (p == null && ex == null) return null;
        String id = ex != null ? ExerciseIds.shortName(ex.value().getName())
                : ExerciseIds.shortName(cls.getName().replaceAll("Test$", ""));
        String title = ex != null ? ex.title() : "";
        String name = displayName == null || displayName.isBlank() || displayName.equals(m.getName() + "()") ? m.getName() : displayName;
        return new TestOutcome(id, title, cls.getName(), m.getName(), name, p == null ? 0 : p.value(), 0, Status.NOT_RUN,
                "did not run", p == null ? Visibility.VISIBLE : p.visibility());
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        mark(id, Status.NOT_RUN, "skipped: " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        TestOutcome t = outcomes.get(id.getUniqueId());
        if (t != null) {
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) outcomes.put(id.getUniqueId(), t.with(Status.PASSED, ""));
            else {
                Throwable th = result.getThrowable().orElse(null);
                outcomes.put(id.getUniqueId(), t.with(th == null ? Status.FAILED : Messages.statusOf(th),
                        th == null ? "aborted" : Messages.describe(th)));
            }
        } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && id.getSource().isPresent()
                && id.getSource().get() instanceof ClassSource) {
            String msg = "the test class failed before its tests ran: "
                    + result.getThrowable().map(Messages::describe).orElse("aborted");
            mark(id, Status.FAILED, msg);
        }
    }

    /** Marks the still-unrun graded tests under {@code id} (or {@code id} itself). */
    private void mark(TestIdentifier id, Status status, String message) {
        if (plan == null) return;
        List<TestIdentifier> ids = new ArrayList<>(plan.getDescendants(id));
        ids.add(id);
        for (TestIdentifier d : ids) {
            TestOutcome t = outcomes.get(d.getUniqueId());
            if (t != null && t.status() == Status.NOT_RUN) outcomes.put(d.getUniqueId(), t.with(status, message));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (outcomes.isEmpty()) return;
        GradeReport report;
        synchronized (ALL) {
            ALL.putAll(outcomes);
            report = new GradeReport(System.getProperty("dlfs.grade.label", "tests"), new ArrayList<>(ALL.values()),
                    List.of(), (System.nanoTime() - START) / 1e9,
                    "not isolated: graded by the JUnit listener inside this test run, not by the grader's sandbox");
        }
        Path out = Path.of(System.getProperty("dlfs.grade.out", "target"));
        report.write(out);
        PrintStream ps = System.out;
        ps.print(report.table());
        ps.println(report.summaryLine() + "   (report: " + out.toAbsolutePath().resolve("grade-report.md") + ")");
        ps.flush();
    }
}
