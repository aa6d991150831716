#!/usr/bin/env bash
# Starts Jupyter's notebook server the way ./start.sh does, so tests start the same server:
#
#   kernel/scripts/notebook-server.sh PROJECT_ROOT [jupyter notebook arguments...]
#
# It serves the project root (so notebooks/ can link to exercises/) and opens on notebooks/.
# Notebook 6 is configured through NotebookApp, Notebook 7 through ServerApp.
set -euo pipefail
ROOT="$(cd "$1" && pwd)"; shift
# the kernels Jupyter starts get the right OpenBLAS kernels (see lib/blas-env.sh)
source "$ROOT/lib/blas-env.sh"
major="$(jupyter notebook --version 2>/dev/null | cut -d. -f1)"
if [ "${major:-6}" -ge 7 ] 2>/dev/null; then APP=ServerApp; else APP=NotebookApp; fi
exec jupyter notebook --notebook-dir="$ROOT" "--$APP.default_url=/tree/notebooks" "$@"
