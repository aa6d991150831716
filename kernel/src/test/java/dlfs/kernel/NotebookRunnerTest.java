package dlfs.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-JVM notebook runner, on the kernel's own small notebooks. */
class NotebookRunnerTest {
    static final Path NOTEBOOKS = Paths.get("src/test/resources/notebooks");

    @Test
    void smokeNotebookRunsEveryCellAndShowsItsPlots() throws IOException {
        NotebookRunner.NotebookRun run = NotebookRunner.run(NOTEBOOKS.resolve("smoke.ipynb"));
        assertEquals(6, run.cells().size());
        NotebookRunner.CellRun product = run.cells().get(1);
        assertEquals(3, product.index(), "cells count from 1, markdown included");
        assertEquals("array([[22., 28.], [49., 64.]])", product.stdout().strip().replaceAll("\\s+", " "),
                "the (2,2) product, printed by System.out");
        assertEquals("86.0", product.outputs().get(0).get(MimeBundle.TEXT), "22 + 64");
        assertEquals(List.of(4, 6), run.imageCells());
        assertTrue(run.cells().get(3).outputs().get(0).has(MimeBundle.HTML), "the table cell shows HTML");
        NotebookRunner.CellRun live = run.cells().get(4);
        assertEquals("\repoch 1\repoch 2\repoch 3\nquick mode: true\n", live.stdout(), "mvn test runs notebooks in quick mode");
        assertTrue(run.cells().get(5).stdout().startsWith("Wall time: "), run.cells().get(5).stdout());
        assertEquals("6.0", run.cells().get(5).outputs().get(0).get(MimeBundle.TEXT));
        assertEquals("smoke.ipynb: 6 code cells run, image/png in cells [4, 6]", run.summary());
    }

    @Test
    void firstUnexpectedErrorStopsTheRunNamingNotebookCellAndLine() {
        NotebookRunner.NotebookFailure f = assertThrows(NotebookRunner.NotebookFailure.class,
                () -> NotebookRunner.run(NOTEBOOKS.resolve("errors.ipynb")));
        assertEquals(4, f.cell(), "cell 2 raises as tagged, cell 4 is the first unexpected error");
        assertEquals(CellError.Kind.COMPILE, f.cellError().kind());
        assertEquals("errors.ipynb, cell 4 failed:\nCompile error in cell 4, line 1:\n    int broken = total +;\n"
                + "                        ^\nillegal start of expression", f.getMessage());
    }

    @Test
    void taggedExpectationsAreChecked(@TempDir Path dir) throws IOException {
        Path noPlot = dir.resolve("noplot.ipynb");
        Files.writeString(noPlot, notebook("\"no chart here\"", "expect-image"));
        NotebookRunner.NotebookFailure f = assertThrows(NotebookRunner.NotebookFailure.class, () -> NotebookRunner.run(noPlot));
        assertEquals("noplot.ipynb, cell 1 should show a plot (image/png) but showed none", f.getMessage());

        Path noError = dir.resolve("noerror.ipynb");
        Files.writeString(noError, notebook("1 + 1", "raises-exception"));
        f = assertThrows(NotebookRunner.NotebookFailure.class, () -> NotebookRunner.run(noError));
        assertEquals("noerror.ipynb, cell 1 is tagged raises-exception but ran without an error", f.getMessage());

        Path notJson = dir.resolve("bad.ipynb");
        Files.writeString(notJson, "{ not json");
        IOException e = assertThrows(IOException.class, () -> NotebookRunner.run(notJson));
        assertTrue(e.getMessage().startsWith(notJson + " is not a readable .ipynb (JSON) file"), e.getMessage());
    }

    @Test
    void aChineseNotebooksLanguageEndsWithIt(@TempDir Path dir) throws IOException {
        Path zh = dir.resolve("zh.ipynb");
        Files.writeString(zh, notebook("%lang zh\\ndlfs.plot.Plots.lossCurve(new double[] {2, 1}).getXAxisTitle()", "x"));
        NotebookRunner.NotebookRun run = NotebookRunner.run(zh);
        assertEquals("\"迭代次数\"", run.cells().get(0).outputs().get(0).get(MimeBundle.TEXT));
        assertEquals("en", dlfs.Course.lang(), "the next notebook starts in English again");
    }

    static String notebook(String source, String tag) {
        return "{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {\"tags\": [\"" + tag + "\"]}, \"execution_count\": null,"
                + " \"outputs\": [], \"source\": [\"" + source.replace("\"", "\\\"") + "\"]}],"
                + " \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
    }
}
