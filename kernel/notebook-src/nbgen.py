"""Small helpers to write the course notebooks from Python (nbformat), reproducibly.

Each notebook has its own module ``kernel/notebook-src/nb_<name>.py`` (e.g. ``nb_01_ndarray.py``)
with a ``build()`` function returning a :class:`Notebook`. ``make_notebooks.py`` finds every
such module and writes ``notebooks/<name>.ipynb`` without outputs.

    from nbgen import Notebook

    def build():
        nb = Notebook("01-ndarray")
        nb.md(r'''
            # Chapter 1 ...
            Text with $\\LaTeX$.
        ''')
        nb.code('''
            import dlfs.nd.*;
            var x = NDArray.of(1.0, 2.0, 3.0);
            x
        ''')
        nb.plot('''
            chart   // a cell that must show a plot (tag expect-image, checked by the runners)
        ''')
        nb.fails('''
            x.matmul(NDArray.zeros(2, 2))   // a cell meant to throw (tag raises-exception)
        ''')
        return nb

Sources are dedented and stripped, so they can be indented like the Python around them.
Cell ids are derived from the notebook name and the cell's position, so regenerating a
notebook that did not change gives the same bytes (reviewable diffs).
"""

import pathlib
import re
import textwrap

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

KERNELSPEC = {"name": "dlfs-java", "display_name": "Java (DLFS)", "language": "java"}
# Exactly the kernel's language_info (dlfs.kernel.JavaKernel): the notebook page compares the two on
# opening and marks the notebook as having unsaved changes if they differ.
LANGUAGE_INFO = {
    "name": "java",
    "file_extension": ".jshell",
    "mimetype": "text/x-java-source",
    "codemirror_mode": "text/x-java",
    "pygments_lexer": "java",
}

# Cell tags understood by the kernel's NotebookRunner and by kernel/scripts/execute-notebooks.sh.
EXPECT_IMAGE = "expect-image"
RAISES_EXCEPTION = "raises-exception"


# Notebooks open at /notebooks/notebooks/<name>.ipynb on the server ./start.sh starts (it serves the
# project root); a project file opens in Jupyter's editor at /edit/<path>, two levels up from there.
EDITOR = "../../edit/"


def editor_link(path):
    """A link from a notebook to a project file (``exercises/README.md``), opening in Jupyter's editor."""
    return EDITOR + path


# the exercise stubs, for the exercises section's titles and its checks
STUBS = pathlib.Path(__file__).resolve().parent.parent.parent / "exercises" / "src" / "main" / "java" / "dlfs" / "exercises"


def exercises_of(package):
    """The exercise ids of one package of the stubs ("ch5" -> ["ch5.AdditionLayer", ...])."""
    return sorted("%s.%s" % (package, f.stem) for f in (STUBS / package).glob("*.java"))


def exercise_title(exercise_id):
    """What the stub's Javadoc calls the exercise: "the ReLU layer" from "Exercise ch5 — the ReLU layer (...)."."""
    stub = STUBS / (exercise_id.replace(".", "/") + ".java")
    if not stub.is_file():
        raise SystemExit("the notebooks name exercise %s, but %s does not exist" % (exercise_id, stub))
    m = re.search(r"Exercise [^\u2014\n]+\u2014 (.*?)(?: \(\"|:|,|\n)", stub.read_text(encoding="utf-8"))
    if not m:
        raise SystemExit("%s: its Javadoc does not start with 'Exercise <id> \u2014 <title>'" % stub)
    return m.group(1).strip().rstrip(".,")


def _clean(text):
    return textwrap.dedent(text).strip("\n").rstrip()


class Notebook:
    """An ordered list of markdown and Java code cells, written as an nbformat-4 notebook."""

    def __init__(self, name):
        if name.endswith(".ipynb"):
            raise ValueError("Notebook name is without .ipynb: " + name)
        self.name = name
        self.cells = []

    def md(self, text):
        """A markdown cell (LaTeX between $...$ or $$...$$ renders in Jupyter and in the HTML site)."""
        self.cells.append(new_markdown_cell(_clean(text)))
        return self

    def code(self, source, tags=()):
        """A Java (JShell) code cell; its last expression is shown (chart, image, table, value)."""
        cell = new_code_cell(_clean(source))
        if tags:
            cell.metadata["tags"] = list(tags)
        self.cells.append(cell)
        return self

    def long(self, source, full, plot=False):
        """A code cell that runs long at full length: its first lines say how long (``full``, e.g.
        "about 2 min", measured on 2 cores) and how to shorten it; ``plot``: it must show an image."""
        note = ("// At full length this cell takes %s on 2 cores.\n"
                "// To shorten it: %%quick on in the notebook's first cell, or ./start.sh --quick.\n" % full)
        return self.code(note + _clean(source), tags=(EXPECT_IMAGE,) if plot else ())

    def plot(self, source):
        """A code cell that must show at least one plot or image (image/png): CI checks it."""
        return self.code(source, tags=(EXPECT_IMAGE,))

    def fails(self, source):
        """A code cell that is meant to throw (e.g. to show a shape error); the run goes on."""
        return self.code(source, tags=(RAISES_EXCEPTION,))

    def exercises(self, chapter_title, what, classes):
        """This chapter's exercises: what to write, a link to each stub (it opens in Jupyter's editor),
        its graded test and its hints, and a cell that grades them with ``%grade``.

        ``classes`` names exercise classes under exercises/src/main/java/dlfs/exercises/, e.g.
        ("ch2.Gates",); a name that is not there stops the generator. When they are all of one
        package's exercises the cell grades the package (``%grade ch5``), else each one.
        """
        rows = []
        for c in classes:
            path = c.replace(".", "/")
            rows.append("- `%s`, %s: [open the stub](%s) · [its graded test](%s) · hints: `%%hint %s 1`" % (
                c, exercise_title(c), editor_link("exercises/src/main/java/dlfs/exercises/%s.java" % path),
                editor_link("exercises/src/test/java/dlfs/exercises/%sTest.java" % path), c))
        packages = {c.split(".")[0] for c in classes}
        if len(packages) == 1 and set(classes) == set(exercises_of(next(iter(packages)))):
            grade = ["%grade " + next(iter(packages))]
        else:
            grade = ["%grade " + c for c in classes]
        self.md(
            "## Exercises\n\n"
            "The exercises for %s: %s\n\n%s\n\n"
            "Each stub throws `UnsupportedOperationException` until you write it; its Javadoc gives the task, the "
            "formula and the shapes, and `%%hint <exercise> 2` (then 3) gives more when you are stuck. Save the file "
            "and run the next cell: it compiles your code and grades it with the grader `mvn test` uses (each test "
            "in an isolated JVM, with a time limit), and shows the points and every test's message here. "
            "`%%grade %s` grades one exercise; `mvn test` from the project root grades them all "
            "(see [exercises/README.md](%s))."
            % (chapter_title, what, "\n".join(rows), classes[0], editor_link("exercises/README.md")))
        return self.code("// grades the exercises above (run it again after each change)\n" + "\n".join(grade))

    def to_nbformat(self):
        nb = new_notebook(cells=[c.copy() for c in self.cells])
        nb.metadata["kernelspec"] = dict(KERNELSPEC)
        nb.metadata["language_info"] = dict(LANGUAGE_INFO)
        for i, cell in enumerate(nb.cells):
            cell["id"] = "%s-%03d" % (self.name.replace(".", "-"), i + 1)
        nbformat.validate(nb)
        return nb

    def text(self):
        """The .ipynb file's contents (JSON, one-space indent like Jupyter, ending in a newline)."""
        return nbformat.writes(self.to_nbformat()) + "\n"
