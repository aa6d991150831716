#!/usr/bin/env bash
# Executes every notebook through real Jupyter with the installed "Java (DLFS)" kernel, the way
# CI (.ci/run) checks them:
#   1. installs the kernelspec (./start.sh --install-only: the same code path students use),
#   2. runs `jupyter nbconvert --to notebook --execute` on each notebooks/*.ipynb (or the files
#      given as arguments) into kernel/target/executed-notebooks/ (never over the sources),
#      failing on the first cell error (cells tagged raises-exception may fail),
#   3. checks each executed notebook: every cell tagged expect-image, or whose saved outputs in
#      the source notebook had an image, now has an image/png output.
#
#   kernel/scripts/execute-notebooks.sh [--html] [--no-install] [notebook.ipynb...]
#     --html        also render the executed notebooks to static HTML in site/ (no kernel needed to read)
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
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) NOTEBOOKS+=("$(readlink -f "$arg")") ;;
  esac
done
if [ ${#NOTEBOOKS[@]} -eq 0 ]; then
  shopt -s nullglob
  NOTEBOOKS=("$ROOT"/notebooks/*.ipynb)
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
for nb in "${NOTEBOOKS[@]}"; do
  name="$(basename "$nb")"
  start=$(date +%s)
  # Run from the notebook's own folder, as Jupyter does; the kernel is the installed dlfs-java.
  if ! (cd "$(dirname "$nb")" && jupyter nbconvert --to notebook --execute \
        --ExecutePreprocessor.kernel_name=dlfs-java \
        --ExecutePreprocessor.timeout="$TIMEOUT" \
        --output-dir "$OUT" --output "$name" "$nb" 2>"$OUT/$name.log"); then
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
  if ! "$PY" - "$nb" "$OUT/$name" <<'PYCHECK'
import json, sys
src, done = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
name = sys.argv[1].rsplit("/", 1)[-1]
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
  mkdir -p "$ROOT/site"
  for nb in "${NOTEBOOKS[@]}"; do
    jupyter nbconvert --to html --output-dir "$ROOT/site" "$OUT/$(basename "$nb")" 2>/dev/null
  done
  echo "[notebooks] static HTML in site/"
fi
exit "$failed"
