#!/usr/bin/python3
"""Writes every course notebook from its generator module, without outputs.

    /usr/bin/python3 kernel/notebook-src/make_notebooks.py            # write all notebooks/<name>.ipynb
    /usr/bin/python3 kernel/notebook-src/make_notebooks.py 01 04      # only names starting with 01 or 04
    /usr/bin/python3 kernel/notebook-src/make_notebooks.py --check    # exit 1 if a committed notebook is stale

A generator module is kernel/notebook-src/nb_<anything>.py with a build() returning nbgen.Notebook;
to add a notebook, add such a module (copy nb_01_ndarray.py's shape) and run this script.
Needs nbformat (Debian: python3-nbformat, installed with Jupyter).
"""

import argparse
import importlib.util
import pathlib
import sys

SRC = pathlib.Path(__file__).resolve().parent
OUT = SRC.parent.parent / "notebooks"  # from kernel/notebook-src/ to notebooks/
sys.path.insert(0, str(SRC))


def generators():
    for path in sorted(SRC.glob("nb_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        if not hasattr(module, "build"):
            raise SystemExit("%s has no build() function" % path.name)
        yield path, module


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("prefixes", nargs="*", help="only notebooks whose name starts with one of these")
    ap.add_argument("--check", action="store_true", help="do not write; fail if a notebook differs from its generator")
    args = ap.parse_args()

    stale, names = [], set()
    for path, module in generators():
        nb = module.build()
        if nb.name in names:
            raise SystemExit("two generators write %s.ipynb" % nb.name)
        names.add(nb.name)
        if args.prefixes and not any(nb.name.startswith(p) for p in args.prefixes):
            continue
        target = OUT / (nb.name + ".ipynb")
        text = nb.text()
        old = target.read_text(encoding="utf-8") if target.exists() else None
        if args.check:
            if old != text:
                stale.append(target.name)
            continue
        if old != text:
            target.write_text(text, encoding="utf-8")
            print("wrote %s (%d cells) from %s" % (target.relative_to(OUT.parent), len(nb.cells), path.name))
        else:
            print("unchanged %s" % target.relative_to(OUT.parent))
    if stale:
        print("stale or missing (run kernel/notebook-src/make_notebooks.py): " + ", ".join(stale), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
