#!/usr/bin/env bash
# Grade a class: one folder or .zip per student in SUBMISSIONS (each a copy of exercises/src/main/java,
# or any folder above it). Writes OUT/class-report.csv and OUT/class-report.json (one row per student)
# and OUT/students/NAME/ (grade-report.md/.json/.csv and Gradescope results.json); with
# -Ddlfs.roster=roster.csv also OUT/canvas-gradebook.csv for Canvas's gradebook import.
#   exercises/grade-all.sh SUBMISSIONS [OUT] [-Ddlfs.hidden=DIR] [-Ddlfs.jobs=2] [-Ddlfs.timeout=10] [-Ddlfs.roster=FILE] ...
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 SUBMISSIONS_DIR [OUT_DIR] [-Dproperty=value ...]" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
subs=$(realpath "$1")
out=$(realpath -m "${2:-$here/target/class-grades}")
shift; [ $# -gt 0 ] && [[ "$1" != -D* ]] && shift
# the test JVMs run in bubblewrap where it works; offer to install it where it is missing (Debian/Ubuntu)
if ! command -v bwrap >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "grade-all: installing bubblewrap (the OS sandbox for the test JVMs)" >&2
    apt-get install -y bubblewrap >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y bubblewrap >/dev/null 2>&1; } || true
  fi
  command -v bwrap >/dev/null 2>&1 || echo "grade-all: bubblewrap (bwrap) is missing: grading runs NOT isolated and every report says so (Debian/Ubuntu: sudo apt-get install bubblewrap)" >&2
fi
cd "$root"
exec mvn -q -pl exercises -am test -DskipTests -Pgrade-all -Ddlfs.submissions="$subs" -Ddlfs.out="$out" "$@"
