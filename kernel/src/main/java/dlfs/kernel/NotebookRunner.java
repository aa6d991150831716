package dlfs.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dlfs.Course;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Runs a notebook's code cells in order through the kernel's own {@link Evaluator}, without
 * Jupyter or Python: what {@code mvn test} uses to check every notebook in {@code notebooks/}.
 *
 * <p>The first cell that fails stops the run with a {@link NotebookFailure} naming the notebook,
 * the cell and the line. Two cell tags (Jupyter's cell metadata {@code "tags"}) are understood,
 * the same way by {@code kernel/scripts/execute-notebooks.sh}:
 * <ul>
 *   <li>{@code raises-exception}: the cell is meant to fail (nbconvert's own tag); its error is
 *       recorded and the run goes on; if it does not fail, the run fails.</li>
 *   <li>{@code expect-image}: the cell must show an {@code image/png} (a plot); the run fails if
 *       it does not. A cell whose saved outputs in the {@code .ipynb} have an image counts as tagged.</li>
 * </ul>
 * Command line: {@code java -cp <kernel classpath> dlfs.kernel.NotebookRunner [notebook.ipynb...]}
 * (default: every notebook of the course, found from {@link Course#projectRoot()}).
 */
public final class NotebookRunner {
    public static final String RAISES_EXCEPTION = "raises-exception";
    public static final String EXPECT_IMAGE = "expect-image";

    private NotebookRunner() {
    }

    /** One executed code cell. {@code index} counts all cells from 1, as a reader counts them. */
    public record CellRun(int index, String source, List<MimeBundle> outputs, String stdout, String stderr,
                          Optional<CellError> error) {
        /** True if the cell showed a PNG (a chart or an image). */
        public boolean hasImage() {
            return outputs.stream().anyMatch(b -> b.has(MimeBundle.PNG));
        }
    }

    /** A whole notebook's run. */
    public record NotebookRun(Path notebook, List<CellRun> cells) {
        /** Indexes (counting all cells from 1) of the cells that showed an {@code image/png}. */
        public List<Integer> imageCells() {
            return cells.stream().filter(CellRun::hasImage).map(CellRun::index).collect(Collectors.toList());
        }

        public String summary() {
            return notebook.getFileName() + ": " + cells.size() + " code cells run, image/png in cells " + imageCells();
        }
    }

    /** A notebook cell failed (or a tagged expectation was not met). */
    public static final class NotebookFailure extends AssertionError {
        private static final long serialVersionUID = 1L;
        private final transient Path notebook;
        private final int cell;
        private final transient CellError cause;

        NotebookFailure(Path notebook, int cell, String message, CellError cause) {
            super(message);
            this.notebook = notebook;
            this.cell = cell;
            this.cause = cause;
        }

        public Path notebook() {
            return notebook;
        }

        /** The failing cell, counting all cells from 1. */
        public int cell() {
            return cell;
        }

        /** The cell's error, or null when an expectation (a tag) failed. */
        public CellError cellError() {
            return cause;
        }
    }

    /** Runs every code cell of {@code notebook} in a fresh JShell. */
    public static NotebookRun run(Path notebook) throws IOException {
        JsonObject nb;
        try {
            nb = new JsonParser().parse(Files.readString(notebook, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(notebook + " is not a readable .ipynb (JSON) file: " + e.getMessage(), e);
        }
        JsonArray cells = nb.getAsJsonArray("cells");
        if (cells == null) {
            throw new IOException(notebook + " has no \"cells\" list: not a Jupyter notebook (nbformat 4)");
        }
        String name = notebook.getFileName().toString();
        List<CellRun> runs = new ArrayList<>();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        List<MimeBundle> outputs = new ArrayList<>();
        Evaluator.setDisplaySink(outputs::add);
        try (Evaluator evaluator = new Evaluator()) {
            for (int i = 0; i < cells.size(); i++) {
                JsonObject cell = cells.get(i).getAsJsonObject();
                if (!"code".equals(text(cell.get("cell_type")))) {
                    continue;
                }
                int index = i + 1;
                String source = text(cell.get("source"));
                List<String> tags = tags(cell);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                outputs.clear();
                Optional<CellError> error = Optional.empty();
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                try {
                    evaluator.eval(source, "cell " + index).ifPresent(outputs::add);
                } catch (CellError e) {
                    error = Optional.of(e);
                } finally {
                    System.setOut(oldOut);
                    System.setErr(oldErr);
                }
                CellRun run = new CellRun(index, source, List.copyOf(outputs), out.toString(StandardCharsets.UTF_8),
                        err.toString(StandardCharsets.UTF_8), error);
                runs.add(run);
                boolean expectsError = tags.contains(RAISES_EXCEPTION);
                if (error.isPresent() && !expectsError) {
                    throw new NotebookFailure(notebook, index, name + ", cell " + index + " failed:\n"
                            + error.get().report() + stdoutTail(run), error.get());
                }
                if (error.isEmpty() && expectsError) {
                    throw new NotebookFailure(notebook, index, name + ", cell " + index
                            + " is tagged " + RAISES_EXCEPTION + " but ran without an error", null);
                }
                if ((tags.contains(EXPECT_IMAGE) || savedImage(cell)) && !run.hasImage()) {
                    throw new NotebookFailure(notebook, index, name + ", cell " + index
                            + " should show a plot (image/png) but showed none", null);
                }
            }
        } finally {
            // a notebook's %lang (the Chinese notebooks' first cell) ends with it, as its kernel would
            dlfs.Course.lang(null);
            Evaluator.setDisplaySink(bundle -> System.out.println(bundle.get(MimeBundle.TEXT)));
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new NotebookRun(notebook, runs);
    }

    private static String stdoutTail(CellRun run) {
        String all = (run.stdout() + run.stderr()).strip();
        if (all.isEmpty()) {
            return "";
        }
        String[] lines = all.split("\n");
        int from = Math.max(0, lines.length - 10);
        return "\n--- last output of the cell ---\n" + String.join("\n", java.util.Arrays.asList(lines).subList(from, lines.length));
    }

    private static String text(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "";
        }
        if (e.isJsonArray()) {
            StringBuilder sb = new StringBuilder();
            e.getAsJsonArray().forEach(x -> sb.append(x.getAsString()));
            return sb.toString();
        }
        return e.getAsString();
    }

    private static List<String> tags(JsonObject cell) {
        List<String> tags = new ArrayList<>();
        JsonObject meta = cell.getAsJsonObject("metadata");
        if (meta != null && meta.has("tags") && meta.get("tags").isJsonArray()) {
            meta.getAsJsonArray("tags").forEach(t -> tags.add(t.getAsString()));
        }
        return tags;
    }

    private static boolean savedImage(JsonObject cell) {
        JsonArray outputs = cell.getAsJsonArray("outputs");
        if (outputs == null) {
            return false;
        }
        for (JsonElement o : outputs) {
            JsonObject data = o.getAsJsonObject().getAsJsonObject("data");
            if (data != null && data.has(MimeBundle.PNG)) {
                return true;
            }
        }
        return false;
    }

    // ---- finding the course's notebooks --------------------------------------------------

    /** {@code notebooks/*.ipynb} under the project root, sorted by name; none is an empty list. */
    public static List<Path> courseNotebooks(Path root) throws IOException {
        Path dir = root.resolve("notebooks");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().collect(Collectors.toList());
        }
    }

    /** Runs the notebooks named on the command line (default: the course's), exits 1 on the first failure. */
    public static void main(String[] args) throws IOException {
        List<Path> notebooks = new ArrayList<>();
        for (String a : args) {
            notebooks.add(Paths.get(a));
        }
        if (notebooks.isEmpty()) {
            notebooks = courseNotebooks(Course.projectRoot());
        }
        for (Path nb : notebooks) {
            try {
                System.out.println(run(nb).summary());
            } catch (NotebookFailure f) {
                System.err.println(f.getMessage());
                System.exit(1);
            }
        }
    }
}
