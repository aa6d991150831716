package dlfs.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import dlfs.Course;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Runs every notebook in the course's {@code notebooks/} folder, cell by cell, through the
 * kernel's evaluator. A failing cell fails its notebook's test with the notebook, cell, line and
 * message. Each run prints which cells showed a plot.
 *
 * <p>{@code mvn test} runs them in quick mode (this module's Surefire sets {@code DLFS_QUICK=1});
 * {@code mvn verify -Pnotebooks-full} runs them at full length ({@code DLFS_QUICK=0}).
 * {@code -Ddlfs.notebooks=07,08} runs only the notebooks whose names start with those prefixes
 * (CI uses it to rerun the numerically delicate ones on other matrix kernels).
 */
class CourseNotebooksTest {
    static List<Path> selected() throws IOException {
        List<Path> all = NotebookRunner.courseNotebooks(Course.projectRoot());
        assertFalse(all.isEmpty(), "no notebooks in " + Course.projectRoot().resolve("notebooks"));
        String only = System.getProperty("dlfs.notebooks", "").strip();
        if (only.isEmpty()) return all;
        List<String> prefixes = Arrays.stream(only.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<Path> some = all.stream().filter(p -> prefixes.stream().anyMatch(p.getFileName().toString()::startsWith)).toList();
        assertFalse(some.isEmpty(), "-Ddlfs.notebooks=" + only + " names none of " + all.stream().map(Path::getFileName).toList());
        return some;
    }

    static Stream<DynamicTest> runEach(List<Path> notebooks) {
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> {
            NotebookRunner.NotebookRun run = NotebookRunner.run(nb);
            System.out.println(run.summary());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyCourseNotebookRunsInQuickMode() throws IOException {
        assertEquals(true, Course.quick(), "the fast tier runs the notebooks in quick mode (DLFS_QUICK=1)");
        return runEach(selected());
    }

    @Tag("notebooks-full")
    @TestFactory
    Stream<DynamicTest> everyCourseNotebookRunsAtFullLength() throws IOException {
        assertEquals(false, Course.quick(), "-Pnotebooks-full runs the notebooks at full length (DLFS_QUICK=0)");
        return runEach(selected());
    }
}
