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


# The languages of the course: every notebook is written in each, from one generator (one set of
# code cells, the prose in both). English notebooks are notebooks/<name>.ipynb, Chinese ones
# notebooks/zh/<name>.ipynb.
LANGS = ("en", "zh")
FOLDER = {"en": "", "zh": "zh/"}

# Notebooks open at /notebooks/notebooks/<name>.ipynb on the server ./start.sh starts (it serves the
# project root); a project file opens in Jupyter's editor at /edit/<path>, two levels up from there
# (three from notebooks/zh/). Links name the editor as {EDITOR}, filled in per language.
EDITOR = "{EDITOR}"
EDITOR_FROM = {"en": "../../edit/", "zh": "../../../edit/"}

# In a code cell, «English|中文» is the English text in the English notebook and the Chinese text in
# the Chinese one (chart titles, axis labels, printed labels); the English part has no "|".
BILINGUAL = re.compile(r"«([^|«»]*)\|([^«»]*)»")


def editor_link(path):
    """A link from a notebook to a project file (``exercises/README.md``), opening in Jupyter's editor."""
    return EDITOR + path


def in_language(text, lang):
    """A code cell's source in one language: each «en|zh» replaced by its part."""
    return BILINGUAL.sub(lambda m: m.group(1) if lang == "en" else m.group(2), text)


class MissingTranslation(SystemExit):
    pass


# the exercise stubs, for the exercises section's titles and its checks
STUBS = pathlib.Path(__file__).resolve().parent.parent.parent / "exercises" / "src" / "main" / "java" / "dlfs" / "exercises"


def exercises_of(package):
    """The exercise ids of one package of the stubs ("ch5" -> ["ch5.AdditionLayer", ...])."""
    return sorted("%s.%s" % (package, f.stem) for f in (STUBS / package).glob("*.java"))


def exercise_title(exercise_id, lang="en"):
    """What the stub's Javadoc calls the exercise: "the ReLU layer" from "Exercise ch5 — the ReLU layer
    ("ReLU层")."; in Chinese the quoted term ("ReLU层"), or the English title where there is none."""
    stub = STUBS / (exercise_id.replace(".", "/") + ".java")
    if not stub.is_file():
        raise SystemExit("the notebooks name exercise %s, but %s does not exist" % (exercise_id, stub))
    text = stub.read_text(encoding="utf-8")
    m = re.search(r"Exercise [^\u2014\n]+\u2014 (.*?)(?: \(\"|:|,|\n)", text)
    if not m:
        raise SystemExit("%s: its Javadoc does not start with 'Exercise <id> \u2014 <title>'" % stub)
    if lang == "zh":
        term = re.search(r"Exercise [^\u2014\n]+\u2014 [^\n]*?\(\"([^\"]+)\"", text)
        if term:
            return term.group(1)
    return m.group(1).strip().rstrip(".,")


def _clean(text):
    return textwrap.dedent(text).strip("\n").rstrip()


class Notebook:
    """An ordered list of markdown and Java code cells, written as an nbformat-4 notebook in each
    of :data:`LANGS`. A markdown cell has its English and its Chinese text; a code cell is the
    same in both but for its «English|中文» parts."""

    def __init__(self, name):
        if name.endswith(".ipynb"):
            raise ValueError("Notebook name is without .ipynb: " + name)
        self.name = name
        self.cells = []

    def md(self, text, zh=None):
        """A markdown cell (LaTeX between $...$ or $$...$$ renders in Jupyter and in the HTML site);
        ``zh`` is its Chinese text, the terms as the seeds and the book's Chinese edition use them."""
        self.cells.append({"kind": "md", "en": _clean(text), "zh": _clean(zh) if zh is not None else None})
        return self

    def code(self, source, tags=()):
        """A Java (JShell) code cell; its last expression is shown (chart, image, table, value)."""
        self.cells.append({"kind": "code", "source": _clean(source), "tags": list(tags)})
        return self

    def long(self, source, full, plot=False, full_zh=None):
        """A code cell that runs long at full length: its first lines say how long (``full``, e.g.
        "about 2 min", measured on 2 cores; ``full_zh`` the same in Chinese, e.g. "约 2 分钟") and how
        to shorten it; ``plot``: it must show an image."""
        zh = full_zh if full_zh is not None else full
        note = ("// «At full length this cell takes %s on 2 cores.|完整运行时，这个单元格在 2 核上需要%s。»\n"
                "// «To shorten it: %%quick on in the notebook's first cell, or ./start.sh --quick."
                "|想缩短时间：在笔记本的第一个单元格写 %%quick on，或用 ./start.sh --quick 启动。»\n" % (full, zh))
        return self.code(note + _clean(source), tags=(EXPECT_IMAGE,) if plot else ())

    def plot(self, source):
        """A code cell that must show at least one plot or image (image/png): CI checks it."""
        return self.code(source, tags=(EXPECT_IMAGE,))

    def fails(self, source):
        """A code cell that is meant to throw (e.g. to show a shape error); the run goes on."""
        return self.code(source, tags=(RAISES_EXCEPTION,))

    def exercises(self, chapter_title, what, classes, zh=None):
        """This chapter's exercises: what to write, a link to each stub (it opens in Jupyter's editor),
        its graded test and its hints, and a cell that grades them with ``%grade``.

        ``classes`` names exercise classes under exercises/src/main/java/dlfs/exercises/, e.g.
        ("ch2.Gates",); a name that is not there stops the generator. When they are all of one
        package's exercises the cell grades the package (``%grade ch5``), else each one.
        ``zh`` is (chapter_title, what) in Chinese.
        """
        def rows(lang):
            out = []
            for c in classes:
                path = c.replace(".", "/")
                stub = editor_link("exercises/src/main/java/dlfs/exercises/%s.java" % path)
                test = editor_link("exercises/src/test/java/dlfs/exercises/%sTest.java" % path)
                if lang == "en":
                    out.append("- `%s`, %s: [open the stub](%s) · [its graded test](%s) · hints: `%%hint %s 1`"
                               % (c, exercise_title(c), stub, test, c))
                else:
                    out.append("- `%s`，%s：[打开习题文件](%s) · [评分测试](%s) · 提示：`%%hint %s 1`"
                               % (c, exercise_title(c, "zh"), stub, test, c))
            return "\n".join(out)
        packages = {c.split(".")[0] for c in classes}
        if len(packages) == 1 and set(classes) == set(exercises_of(next(iter(packages)))):
            grade = ["%grade " + next(iter(packages))]
        else:
            grade = ["%grade " + c for c in classes]
        en = ("## Exercises\n\n"
              "The exercises for %s: %s\n\n%s\n\n"
              "Each stub throws `UnsupportedOperationException` until you write it; its Javadoc gives the task, the "
              "formula and the shapes, and `%%hint <exercise> 2` (then 3) gives more when you are stuck. Save the file "
              "and run the next cell: it compiles your code and grades it with the grader `mvn test` uses (each test "
              "in an isolated JVM, with a time limit), and shows the points and every test's message here. "
              "`%%grade %s` grades one exercise; `mvn test` from the project root grades them all "
              "(see [exercises/README.md](%s))."
              % (chapter_title, what, rows("en"), classes[0], editor_link("exercises/README.md")))
        zh_text = None
        if zh is not None:
            zh_text = ("## 练习\n\n"
                       "%s的练习：%s\n\n%s\n\n"
                       "每个习题文件在你实现之前都会抛出 `UnsupportedOperationException`；它的 Javadoc 给出任务、公式和形状，"
                       "卡住时 `%%hint <练习> 2`（再到 3）给出更多提示。保存文件后运行下一个单元格：它编译你的代码，"
                       "用 `mvn test` 所用的同一个评分器评分（每个测试在隔离的 JVM 中运行，有时间限制），"
                       "并在这里显示得分和每个测试的信息。`%%grade %s` 只评一个练习；在项目根目录运行 `mvn test` "
                       "评全部练习（见 [exercises/README.md](%s)）。"
                       % (zh[0], zh[1], rows("zh"), classes[0], editor_link("exercises/README.md")))
        self.cells.append({"kind": "md", "en": en, "zh": zh_text})
        return self.code("// «grades the exercises above (run it again after each change)|为上面的练习评分（每次修改后再运行一次）»\n"
                         + "\n".join(grade))

    def translated(self, lang):
        """True when every markdown cell has its ``lang`` text (a partial translation stops the generator)."""
        have = [c[lang] is not None for c in self.cells if c["kind"] == "md"]
        if any(have) and not all(have):
            self.to_nbformat(lang)  # raises MissingTranslation naming the first cell without it
        return all(have)

    def to_nbformat(self, lang="en"):
        cells = []
        for i, c in enumerate(self.cells):
            if c["kind"] == "md":
                text = c[lang]
                if text is None:
                    first = c["en"].splitlines()[0] if c["en"] else ""
                    raise MissingTranslation("%s: markdown cell %d (%r) has no %s text" % (self.name, i + 1, first[:60], lang))
                cell = new_markdown_cell(text.replace(EDITOR, EDITOR_FROM[lang]))
            else:
                source = in_language(c["source"], lang)
                if lang != "en" and not any(x["kind"] == "code" for x in self.cells[:i]):
                    # the first code cell sets the language of charts, tables and messages (dlfs.Course.lang)
                    source = "%%lang %s\n%s" % (lang, source)
                cell = new_code_cell(source)
                if c["tags"]:
                    cell.metadata["tags"] = list(c["tags"])
            cell["id"] = "%s-%03d" % (self.name.replace(".", "-"), i + 1)
            cells.append(cell)
        nb = new_notebook(cells=cells)
        nb.metadata["kernelspec"] = dict(KERNELSPEC)
        nb.metadata["language_info"] = dict(LANGUAGE_INFO)
        if lang != "en":
            nb.metadata["dlfs"] = {"language": lang}
        nbformat.validate(nb)
        return nb

    def text(self, lang="en"):
        """The .ipynb file's contents (JSON, one-space indent like Jupyter, ending in a newline)."""
        return nbformat.writes(self.to_nbformat(lang)) + "\n"
