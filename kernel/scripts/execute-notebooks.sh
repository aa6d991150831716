#!/usr/bin/env bash
# Executes every notebook through real Jupyter with the installed "Java (DLFS)" kernel, the way
# CI (.ci/run) checks them:
#   1. installs the kernelspec (./start.sh --install-only: the same code path students use),
#   2. runs `jupyter nbconvert --to notebook --execute` on each notebooks/*.ipynb and
#      notebooks/zh/*.ipynb (the Chinese edition) (or the files
#      given as arguments) into kernel/target/executed-notebooks/ (never over the sources),
#      failing on the first cell error (cells tagged raises-exception may fail),
#   3. checks each executed notebook: every cell tagged expect-image, or whose saved outputs in
#      the source notebook had an image, now has an image/png output; every %grade cell shows a
#      grade report in which the exercises' tests compiled.
#
#   kernel/scripts/execute-notebooks.sh [--html] [--no-install] [notebook.ipynb...]
#     --html        also render the executed notebooks to static HTML in site/ and site/zh/, each page
#                   with a switch to the other language (no kernel needed to read)
#     --no-install  skip step 1 (the kernelspec is already installed)
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
cd "$ROOT"
# the kernels Jupyter starts get the right OpenBLAS kernels (see lib/blas-env.sh)
source "$ROOT/lib/blas-env.sh"

HTML=0
INSTALL=1
NOTEBOOKS=()
for arg in "$@"; do
  case "$arg" in
    --html) HTML=1 ;;
    --no-install) INSTALL=0 ;;
    -h|--help) sed -n '2,/^[^#]/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) NOTEBOOKS+=("$(readlink -f "$arg")") ;;
  esac
done
if [ ${#NOTEBOOKS[@]} -eq 0 ]; then
  shopt -s nullglob
  NOTEBOOKS=("$ROOT"/notebooks/*.ipynb "$ROOT"/notebooks/zh/*.ipynb)
  shopt -u nullglob
fi
if [ ${#NOTEBOOKS[@]} -eq 0 ]; then
  echo "[notebooks] no notebooks/*.ipynb: nothing to execute"
  exit 0
fi

if [ "$INSTALL" = 1 ]; then
  "$ROOT/start.sh" --install-only
fi

PY=/usr/bin/python3
[ -x "$PY" ] || PY="$(command -v python3)"
OUT="$ROOT/kernel/target/executed-notebooks"
mkdir -p "$OUT"
TIMEOUT="${DLFS_CELL_TIMEOUT:-1800}"

failed=0
# notebooks/zh/<name>.ipynb (the Chinese edition) runs into $OUT/zh/, notebooks/<name>.ipynb into $OUT/
lang_dir() { case "$1" in "$ROOT"/notebooks/zh/*) echo zh/ ;; *) echo "" ;; esac; }
for nb in "${NOTEBOOKS[@]}"; do
  name="$(lang_dir "$nb")$(basename "$nb")"
  mkdir -p "$OUT/$(lang_dir "$nb")"
  start=$(date +%s)
  # Run from the notebook's own folder, as Jupyter does; the kernel is the installed dlfs-java.
  if ! (cd "$(dirname "$nb")" && jupyter nbconvert --to notebook --execute \
        --ExecutePreprocessor.kernel_name=dlfs-java \
        --ExecutePreprocessor.timeout="$TIMEOUT" \
        --output-dir "$OUT/$(lang_dir "$nb")" --output "$(basename "$nb")" "$nb" 2>"$OUT/$name.log"); then
    echo "[notebooks] FAILED: $name (log below, from $OUT/$name.log)"
    if grep -q 'CellExecutionError' "$OUT/$name.log"; then
      sed -n '/^nbclient.exceptions.CellExecutionError/,$p' "$OUT/$name.log"
    else
      grep -v -E 'Debugger warning|frozen modules|PYDEVD|Note: Debugging will proceed|^0\.00s' "$OUT/$name.log" | tail -n 40
    fi
    failed=1
    break
  fi
  # Every expected plot is there, and no cell has an error unless it is tagged raises-exception.
  if ! "$PY" - "$nb" "$OUT/$name" "$name" <<'PYCHECK'
import json, sys
src, done = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
name = sys.argv[3]
problems, images = [], []
for i, (s, d) in enumerate(zip(src["cells"], done["cells"]), start=1):
    if s.get("cell_type") != "code":
        continue
    tags = s.get("metadata", {}).get("tags", [])
    had_image = any("image/png" in o.get("data", {}) for o in s.get("outputs", []))
    has_image = any("image/png" in o.get("data", {}) for o in d.get("outputs", []))
    errors = [o for o in d.get("outputs", []) if o.get("output_type") == "error"]
    if has_image:
        images.append(i)
    if ("expect-image" in tags or had_image) and not has_image:
        problems.append(f"cell {i} should show a plot (image/png) but has none")
    if "%grade" in "".join(s.get("source", "")):
        # the grading cell shows a report, and the kit's own test sources compiled (a missing JUnit
        # jar on the kernel's class path once made every exercise "not compile")
        reports = ["".join(o["data"]["text/markdown"]) for o in d.get("outputs", []) if "text/markdown" in o.get("data", {})]
        if not reports or not reports[0].startswith(("# Grade report", "# 评分报告")):
            problems.append(f"cell {i} (%grade) shows no grade report")
        elif "grading: compiler:" in reports[0]:
            kit = [l for l in reports[0].splitlines() if "grading: compiler:" in l]
            problems.append(f"cell {i} (%grade): the exercises' tests do not compile in the kernel: {kit[0]}")
    if errors and "raises-exception" not in tags:
        problems.append(f"cell {i} failed: {errors[0].get('ename')}: {errors[0].get('evalue')}")
if problems:
    print(f"[notebooks] FAILED: {name}: " + "; ".join(problems))
    sys.exit(1)
print(f"[notebooks] {name}: image/png in cells {images}")
PYCHECK
  then
    failed=1
    break
  fi
  echo "[notebooks] ok: $name ($(( $(date +%s) - start )) s)"
done

if [ "$failed" = 0 ] && [ "$HTML" = 1 ]; then
  for nb in "${NOTEBOOKS[@]}"; do
    mkdir -p "$ROOT/site/$(lang_dir "$nb")"
    jupyter nbconvert --to html --output-dir "$ROOT/site/$(lang_dir "$nb")" "$OUT/$(lang_dir "$nb")$(basename "$nb")" 2>/dev/null
  done
  # each page links to the same notebook in the other language; site/index.html lists both
  "$PY" "$ROOT/kernel/scripts/site-languages.py" "$ROOT/site"
  echo "[notebooks] static HTML in site/ (English) and site/zh/ (中文), with a switch on every page"
fi
exit "$failed"
