#!/usr/bin/env bash
# Build a Gradescope autograder zip (setup.sh, run_autograder, the grader's jars, the tests; runs offline).
#   exercises/gradescope-zip.sh [ZIP] [-Ddlfs.hidden=DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
zip=$(realpath -m "${1:-$here/target/gradescope-autograder.zip}")
[ $# -gt 0 ] && [[ "$1" != -D* ]] && shift
cd "$root"
exec mvn -q -pl exercises -am test -DskipTests -Pgradescope -Ddlfs.zip="$zip" "$@"
