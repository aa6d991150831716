package dlfs.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %grade} grades from the notebook with the grader {@code mvn test} uses. Each test builds
 * a project of its own (the shipped tests and hints, and a student folder made from the solutions
 * or the stubs), so what is in this clone's {@code exercises/} never decides the result.
 */
class GradeMagicTest extends EvaluatorSession {
    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private String oldRoot;

    @TempDir
    Path root;

    @BeforeEach
    void project() throws IOException {
        copy(PROJECT.resolve("exercises/src/test/java"), root.resolve("exercises/src/test/java"));
        copy(PROJECT.resolve("exercises/hints"), root.resolve("exercises/hints"));
        oldRoot = System.getProperty("dlfs.root");
        System.setProperty("dlfs.root", root.toString());
    }

    @AfterEach
    void restore() {
        if (oldRoot == null) System.clearProperty("dlfs.root");
        else System.setProperty("dlfs.root", oldRoot);
    }

    @Test
    void aCorrectExerciseScoresFullMarksWithThePerTestTable() throws Exception {
        student(PROJECT.resolve("solutions/src/main/java"));
        ev.eval("%grade ch5.ReluLayer", "In [1]");
        MimeBundle b = only();
        String md = b.get("text/markdown");
        assertTrue(md.contains("| ch5.ReluLayer |") && md.contains("## Tests"), md);
        assertTrue(b.get(MimeBundle.TEXT).contains("TOTAL"), b.get(MimeBundle.TEXT));
        assertTrue(md.contains("**9 / 9 points (100%)**"), "ReluLayer's 9 points, all earned: " + md.lines().limit(4).toList());
        assertTrue(!md.contains("ch5.AffineLayer"), "only the exercise asked for is graded");
    }

    @Test
    void aChapterGradesEachOfItsExercisesAndAStubLosesPointsWithItsFirstHint() throws Exception {
        student(PROJECT.resolve("grader/src/test/fixtures/stubs"));
        ev.eval("%grade ch2", "In [1]");
        String md = only().get("text/markdown");
        assertTrue(md.contains("| ch2.Gates |"), md);
        assertTrue(md.contains("**0 / "), md);
        assertTrue(md.contains("## Hints") && md.contains("%hint ch2.Gates 2"), "the first hint and where the next are: " + md);
    }

    @Test
    void anotherExercisesCompileErrorDoesNotCostTheOneGraded() throws Exception {
        student(PROJECT.resolve("solutions/src/main/java"));
        Files.writeString(root.resolve("exercises/src/main/java/dlfs/exercises/ch5/AffineLayer.java"),
                "package dlfs.exercises.ch5;\npublic final class AffineLayer { int x = ; }\n", StandardCharsets.UTF_8);
        ev.eval("%grade ch5.ReluLayer", "In [1]");
        assertTrue(only().get("text/markdown").contains("**9 / 9 points (100%)**"));
    }

    @Test
    void inAChineseNotebookTheReportAndTheHintsAreInChinese() throws Exception {
        student(PROJECT.resolve("grader/src/test/fixtures/stubs"));
        PrintStream old = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            ev.eval("%lang zh", "In [1]");
            ev.eval("%grade ch2.Gates", "In [2]");
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            ev.eval("%hint ch2.Gates 1", "In [3]");
        } finally {
            System.setOut(old);
            dlfs.Course.lang(null);
        }
        String md = only().get("text/markdown");
        assertTrue(md.startsWith("# 评分报告") && md.contains("尚未实现") && md.contains("## 提示"), md);
        String zhIdea = dlfs.grader.Hints.of(root.resolve("exercises/hints/zh"), "ch2.Gates").level(1);
        assertTrue(md.contains(zhIdea), "the first hint from exercises/hints/zh: " + md);
        String hint = printed.toString(StandardCharsets.UTF_8);
        assertTrue(hint.startsWith("ch2.Gates 的提示") && hint.contains(zhIdea), hint);
    }

    @Test
    void aNameThatIsNoExerciseIsRefusedWithTheChapters() throws Exception {
        student(PROJECT.resolve("grader/src/test/fixtures/stubs"));
        CellError e = assertThrows(CellError.class, () -> ev.eval("%grade ch5.ReLU", "In [1]"));
        assertTrue(e.getMessage().contains("no exercise is called 'ch5.ReLU'") && e.getMessage().contains("ch5"), e.getMessage());
        CellError usage = assertThrows(CellError.class, () -> ev.eval("%grade", "In [2]"));
        assertTrue(usage.getMessage().contains("%grade takes an exercise"), usage.getMessage());
        assertTrue(displayed.isEmpty());
    }

    @Test
    void anInterruptStopsTheGradingAndItsTestJvm() throws Exception {
        student(PROJECT.resolve("grader/src/test/fixtures/stubs"));
        // an endless loop: without the interrupt this exercise would take its full time limit
        Path gates = root.resolve("exercises/src/main/java/dlfs/exercises/ch2/Gates.java");
        Files.writeString(gates, Files.readString(gates).replaceFirst("\\{\\s*throw new UnsupportedOperationException",
                "{ while (true) { Math.sqrt(2); } } int unused() { throw new UnsupportedOperationException"));
        CompletableFuture<CellError> run = CompletableFuture.supplyAsync(() -> {
            try {
                ev.eval("%grade ch2.Gates", "In [1]");
                return null;
            } catch (CellError e) {
                return e;
            }
        });
        // wait for the test JVM, then interrupt as Jupyter's interrupt does
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ProcessHandle.current().descendants().noneMatch(p -> p.info().command().orElse("").contains("java"))
                && System.nanoTime() < until) Thread.sleep(50);
        ev.interrupt();
        CellError e = run.get(30, TimeUnit.SECONDS);
        assertTrue(e != null && e.kind() == CellError.Kind.INTERRUPTED, "interrupted, not a grade: " + e);
        until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < until) Thread.sleep(50);
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse("?")).toList(), "no test JVM outlives the interrupt");
        assertTrue(ev.eval("1 + 1", "In [2]").isPresent(), "the kernel goes on");
    }

    private MimeBundle only() {
        assertEquals(1, displayed.size(), "one report is displayed");
        return displayed.get(0);
    }

    private void student(Path from) throws IOException {
        copy(from, root.resolve("exercises/src/main/java"));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
