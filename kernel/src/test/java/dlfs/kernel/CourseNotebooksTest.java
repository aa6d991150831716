package dlfs.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dlfs.Course;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every notebook in the course's {@code notebooks/} folder, cell by cell, through the
 * kernel's evaluator (quick mode, set by this module's surefire configuration). A failing cell
 * fails its notebook's test with the notebook, cell, line and message. Each run prints which
 * cells showed a plot.
 */
class CourseNotebooksTest {
    @TestFactory
    Stream<DynamicTest> everyCourseNotebookRuns() throws IOException {
        List<Path> notebooks = NotebookRunner.courseNotebooks(Course.projectRoot());
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> {
            NotebookRunner.NotebookRun run = NotebookRunner.run(nb);
            System.out.println(run.summary());
        }));
    }
}
