#!/usr/bin/python3
"""Follows every link of every notebook against a live notebook server, started as ./start.sh
starts it (it serves the project root and opens on notebooks/):

    /usr/bin/python3 kernel/scripts/notebook-links-test.py

A relative link is resolved as the browser resolves it from the notebook's page
(/notebooks/notebooks/<name>.ipynb, and the Chinese edition's /notebooks/notebooks/zh/<name>.ipynb)
and must answer 200; a link into Jupyter's editor, tree or
notebook pages must name a file that exists (the pages answer 200 for missing files too in
some versions). Links to other sites are listed, not fetched (no network here). The landing page
must be notebooks/. Prints one line per failure and a closing "N passed, N failed".
"""
import glob
import json
import os
import re
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jupyter_test_server import ROOT, NotebookServer  # noqa: E402

LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)|href=\"([^\"]+)\"")
PAGES = ("/edit/", "/tree/", "/notebooks/", "/files/", "/view/")


def links(notebook):
    with open(notebook, encoding="utf-8") as f:
        nb = json.load(f)
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            for m in LINK.finditer("".join(cell["source"])):
                yield m.group(1) or m.group(2)


def main():
    passed, failed, external = 0, 0, set()
    with NotebookServer() as server:
        landing = server.landing()
        ok = landing.rstrip("/") == "/tree/notebooks"
        print(("PASS" if ok else "FAIL") + " the server opens on notebooks/ (%s)" % landing)
        passed, failed = (passed + 1, failed) if ok else (passed, failed + 1)
        for path in sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb"))
                           + glob.glob(os.path.join(ROOT, "notebooks", "zh", "*.ipynb"))):
            name = os.path.relpath(path, os.path.join(ROOT, "notebooks"))
            page = "/notebooks/notebooks/" + urllib.parse.quote(name)
            for href in links(path):
                if href.startswith(("http://", "https://", "mailto:")):
                    external.add(href)
                    continue
                if href.startswith("#"):
                    continue
                target = urllib.parse.urljoin(page, href.split("#")[0])
                status, _ = server.get(target)
                problem = None if status == 200 else "answers %d" % status
                if problem is None and target.startswith(PAGES):
                    file_path = urllib.parse.unquote(target.split("/", 2)[2])
                    if server.get("/api/contents/" + urllib.parse.quote(file_path) + "?content=0")[0] != 200:
                        problem = "names %s, which does not exist" % file_path
                if problem:
                    failed += 1
                    print("FAIL %s: link %s -> %s %s" % (name, href, target, problem))
                else:
                    passed += 1
    print("links to other sites, not fetched: %s" % ", ".join(sorted(external)))
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
