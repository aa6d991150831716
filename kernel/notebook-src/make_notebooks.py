#!/usr/bin/python3
"""Writes every course notebook from its generator module, without outputs.

    /usr/bin/python3 kernel/notebook-src/make_notebooks.py            # write all notebooks/<name>.ipynb
    /usr/bin/python3 kernel/notebook-src/make_notebooks.py 01 04      # only names starting with 01 or 04
    /usr/bin/python3 kernel/notebook-src/make_notebooks.py --check    # exit 1 if a committed notebook is stale

Each generator writes its notebook in English (notebooks/<name>.ipynb) and in Chinese
(notebooks/zh/<name>.ipynb, see nbgen.LANGS); --strict fails where the Chinese text is missing.

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
import nbgen  # noqa: E402


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
    ap.add_argument("--strict", action="store_true", help="fail if a notebook lacks a language's text")
    args = ap.parse_args()

    stale, names = [], set()
    for path, module in generators():
        nb = module.build()
        if nb.name in names:
            raise SystemExit("two generators write %s.ipynb" % nb.name)
        names.add(nb.name)
        if args.prefixes and not any(nb.name.startswith(p) for p in args.prefixes):
            continue
        for lang in nbgen.LANGS:
            target = OUT / nbgen.FOLDER[lang] / (nb.name + ".ipynb")
            if lang != "en" and not nb.translated(lang):
                if args.strict:
                    raise SystemExit("%s has no %s text" % (nb.name, lang))
                print("no %s text yet for %s" % (lang, nb.name))
                continue
            text = nb.text(lang)
            old = target.read_text(encoding="utf-8") if target.exists() else None
            if args.check:
                if old != text:
                    stale.append(str(target.relative_to(OUT)))
                continue
            if old != text:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
                print("wrote %s (%d cells) from %s" % (target.relative_to(OUT.parent), len(nb.cells), path.name))
            else:
                print("unchanged %s" % target.relative_to(OUT.parent))
    if stale:
        print("stale or missing (run kernel/notebook-src/make_notebooks.py): " + ", ".join(stale), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
