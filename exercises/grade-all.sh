#!/usr/bin/env bash
# Grade a class: one folder or .zip per student in SUBMISSIONS (each a copy of exercises/src/main/java,
# or any folder above it). Writes OUT/class-report.csv and OUT/class-report.json (one row per student)
# and OUT/students/NAME/ (grade-report.md/.json/.csv and Gradescope results.json).
#   exercises/grade-all.sh SUBMISSIONS [OUT] [-Ddlfs.hidden=DIR] [-Ddlfs.jobs=2] [-Ddlfs.timeout=10] ...
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
cd "$root"
exec mvn -q -pl exercises -am test -DskipTests -Pgrade-all -Ddlfs.submissions="$subs" -Ddlfs.out="$out" "$@"
