#!/usr/bin/python3
"""The notebooks as a student meets them in the browser: headless Chromium (Debian's chromium and
chromium-driver) driven by Selenium (python3-selenium), against the notebook server started as
./start.sh starts it, with the installed "Java (DLFS)" kernel in quick mode.

    kernel/scripts/browser-test.sh          (installs the kernelspec, then runs this)

Checks: the tree opens on notebooks/ without the generator sources; two notebooks open trusted
and without unsaved changes, Run All gives exactly the errors their raises-exception cells expect
and at least the images their expect-image cells expect, and 05's %grade cell shows the grade
report's tables; an exercise link opens the stub in
Jupyter's editor; in a scratch notebook a training cell's bar moves, Kernel > Interrupt stops it
with an Interrupted error and the queued cells do not run. Screenshots go to
kernel/target/browser-test/. Prints one line per check and "N passed, N failed".
"""
import json
import os
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jupyter_test_server import ROOT, NotebookServer  # noqa: E402

OUT = os.path.join(ROOT, "kernel", "target", "browser-test")
NOTEBOOKS = ["01-ndarray.ipynb", "05-backprop.ipynb"]
SCRATCH = "kernel/target/browser-test/interrupt.ipynb"
results = []


def check(name, ok, detail=""):
    results.append(bool(ok))
    print("%s %s%s" % ("PASS" if ok else "FAIL", name, "" if ok else ": " + str(detail)[:500]), flush=True)


def browser():
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,1000",
                 "--user-data-dir=" + tempfile.mkdtemp(prefix="dlfs-chromium-")]:
        opts.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)


def wait(driver, script, timeout, every=0.25):
    """Polls a JavaScript expression until it is truthy; returns its value (or the last falsy one)."""
    deadline, value = time.time() + timeout, None
    while time.time() < deadline:
        try:
            value = driver.execute_script("return " + script)
        except Exception:  # the page is still loading
            value = None
        if value:
            return value
        time.sleep(every)
    return value


def shot(driver, name):
    path = os.path.join(OUT, name + ".png")
    driver.save_screenshot(path)
    return path


KERNEL_READY = "window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()"
IDLE = "document.querySelector('#kernel_indicator_icon').classList.contains('kernel_idle_icon')"
RUNNING = ("Jupyter.notebook.get_cells().filter(c => c.cell_type == 'code' && c.input_prompt_number == '*').length")


def open_notebook(driver, server, path):
    """Opens a notebook and turns its autosave off: the test must not write outputs into the repository."""
    driver.get(server.url("/notebooks/" + path))
    ready = wait(driver, KERNEL_READY, 90)
    driver.execute_script("Jupyter.notebook.set_autosave_interval(0)")
    return ready


def expected(path, tag):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        nb = json.load(f)
    return sum(1 for c in nb["cells"] if c["cell_type"] == "code" and tag in c["metadata"].get("tags", []))


def tree(driver, server):
    driver.get(server.url("/"))
    names = wait(driver, "Array.from(document.querySelectorAll('#notebook_list .item_name')).map(e => e.textContent)", 30)
    shot(driver, "01-tree")
    check("the tree opens on notebooks/", driver.current_url.split("?")[0].rstrip("/").endswith("/tree/notebooks"),
          driver.current_url)
    check("it lists the notebooks and not their generator sources",
          names and all(n in names for n in NOTEBOOKS) and "src" not in names, names)


def run_all(driver, server, name):
    path = "notebooks/" + name
    check(name + ": the kernel starts", open_notebook(driver, server, path))
    time.sleep(1)
    state = driver.execute_script("return [Jupyter.notebook.dirty, Jupyter.notebook.trusted,"
                                  " document.querySelector('#notification_trusted').textContent]")
    check(name + ": opens without unsaved changes, trusted", state[0] is False and state[1] is True
          and "Not Trusted" not in state[2], state)
    driver.find_element(By.LINK_TEXT, "Cell").click()
    driver.find_element(By.ID, "run_all_cells").click()
    started = time.time()
    time.sleep(2)
    done = wait(driver, "(%s) == 0 && %s" % (RUNNING, IDLE), 240, every=0.5)
    seconds = time.time() - started
    errors = driver.execute_script("return document.querySelectorAll('.output_error').length")
    images = driver.execute_script("return document.querySelectorAll('.output_png img').length")
    unrun = driver.execute_script("return Jupyter.notebook.get_cells().filter(c => c.cell_type == 'code'"
                                  " && c.get_text().trim() && typeof c.input_prompt_number != 'number').length")
    shot(driver, "02-" + name.replace(".ipynb", ""))
    want_errors, want_images = expected(path, "raises-exception"), expected(path, "expect-image")
    check("%s: Run All finishes (%.0f s), every cell ran" % (name, seconds), done and unrun == 0, "%s cells not run" % unrun)
    check("%s: %d errors, as its raises-exception cells expect" % (name, errors), errors == want_errors,
          "expected %d" % want_errors)
    check("%s: %d images, its expect-image cells want %d" % (name, images, want_images), images >= want_images)


def grade_cell(driver, name):
    """After Run All: the notebook's %grade cell shows the grade report as rendered tables."""
    report = driver.execute_script("""
        const cell = Jupyter.notebook.get_cells().find(c => c.cell_type == 'code' && c.get_text().includes('%grade'));
        if (!cell) return null;
        cell.element[0].scrollIntoView();
        const out = cell.output_area.element[0];
        return {tables: out.querySelectorAll('table').length, text: out.innerText};""")
    shot(driver, "02-grade-" + name.replace(".ipynb", ""))
    check(name + ": its %grade cell shows the report as tables, the chapter's exercises in it",
          report and report["tables"] >= 2 and "ch5.ReluLayer" in report["text"] and "Grade report" in report["text"]
          and "grading: compiler" not in report["text"], (report or {}).get("text", "no %grade cell")[:400])


def exercise_link(driver, server):
    open_notebook(driver, server, "notebooks/05-backprop.ipynb")
    href = wait(driver, "Array.from(document.querySelectorAll('.rendered_html a')).map(a => a.href)"
                        ".filter(h => h.includes('/edit/exercises/src/main/'))[0]", 30)
    check("the notebook links to an exercise stub in the editor", href, href)
    if not href:
        return
    driver.get(href)  # a click opens a new tab; the same address
    text = wait(driver, "document.querySelector('.CodeMirror') && document.querySelector('.CodeMirror').CodeMirror.getValue()", 30)
    shot(driver, "03-exercise-stub")
    check("the exercise link opens the stub in Jupyter's editor", text and "class " in text and "package dlfs.exercises" in text,
          (href, (text or "")[:200]))


def interrupt(driver, server):
    os.makedirs(os.path.dirname(os.path.join(ROOT, SCRATCH)), exist_ok=True)
    cells = [
        "import dlfs.nd.*; import dlfs.nets.*; import dlfs.optim.*; import dlfs.train.*;\n"
        "var x = NDArray.rand(2000, 100); var t = NDArray.zeros(2000);\n"
        "var net = new MultiLayerNet(100, new int[] {200, 200}, 10, new Rng(1));\n"
        "var h = new Trainer(net, new SGD(0.1)).data(x, t).iterations(1_000_000).batchSize(100).seed(1).train();",
        "int after = 1;",
        "after + 1",
    ]
    nb = {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "dlfs-java", "display_name": "Java (DLFS)",
                                                                          "language": "java"}},
          "cells": [{"cell_type": "code", "id": "c%d" % i, "metadata": {}, "source": src, "outputs": [], "execution_count": None}
                    for i, src in enumerate(cells)]}
    with open(os.path.join(ROOT, SCRATCH), "w", encoding="utf-8") as f:
        json.dump(nb, f)
    open_notebook(driver, server, SCRATCH)
    driver.find_element(By.LINK_TEXT, "Cell").click()
    driver.find_element(By.ID, "run_all_cells").click()
    bar = "(document.querySelector('.dlfs-progress') || {}).textContent"
    first = wait(driver, bar, 60)
    time.sleep(1.5)
    second = driver.execute_script("return " + bar)
    shot(driver, "04-training-bar")
    check("a training cell shows one bar that moves", first and second and first != second
          and driver.execute_script("return document.querySelectorAll('.dlfs-progress').length") == 1
          and "left" in second, (first, second))
    driver.find_element(By.LINK_TEXT, "Kernel").click()
    driver.find_element(By.ID, "int_kernel").click()
    stopped = wait(driver, "(%s) == 0 && %s" % (RUNNING, IDLE), 30)
    time.sleep(1)
    shot(driver, "05-interrupted")
    error = driver.execute_script("return (document.querySelector('.output_error') || {}).textContent")
    prompts = driver.execute_script("return Jupyter.notebook.get_cells().map(c => c.input_prompt_number)")
    outputs = driver.execute_script("return Jupyter.notebook.get_cells().map(c => c.output_area.outputs.length)")
    check("Kernel > Interrupt stops the training cell with an Interrupted error",
          stopped and error and "Interrupted" in error and "was interrupted" in error, error)
    final = driver.execute_script("return " + bar)
    check("the bar's last state says the run stopped", final and "stopped after" in final, final)
    check("the cells queued behind it do not run", all(not isinstance(p, int) for p in prompts[1:]) and outputs[1:] == [0, 0],
          (prompts, outputs))


def contents(names):
    out = {}
    for name in names:
        with open(os.path.join(ROOT, "notebooks", name), "rb") as f:
            out[name] = f.read()
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    t0 = time.time()
    before = contents(NOTEBOOKS)
    with NotebookServer(extra_env={"DLFS_QUICK": "1"}) as server:
        driver = browser()
        try:
            tree(driver, server)
            for name in NOTEBOOKS:
                run_all(driver, server, name)
                if name == "05-backprop.ipynb":
                    grade_cell(driver, name)
            exercise_link(driver, server)
            interrupt(driver, server)
        finally:
            driver.quit()
            for session in server.request("GET", "/api/sessions"):
                server.request("DELETE", "/api/sessions/" + session["id"])
    check("the notebooks on disk are unchanged (nothing saved)", contents(NOTEBOOKS) == before)
    print("screenshots in %s (%.0f s in all)" % (os.path.relpath(OUT, ROOT), time.time() - t0))
    print("%d passed, %d failed" % (results.count(True), results.count(False)))
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
