#!/usr/bin/env bash
# DLFS-Java: build the kit, install the "Java (DLFS)" Jupyter kernel, open the notebooks.
#
#   ./start.sh                  build, install the kernel, start Jupyter on notebooks/
#   ./start.sh --quick          the same, with training cells shortened (quick mode, DLFS_QUICK=1)
#   ./start.sh --no-browser     without opening a browser (print the URL instead)
#   ./start.sh --install-only   build and install the kernel, do not start Jupyter
#
# Jupyter serves the project root and opens on notebooks/, so the notebooks' links to exercises/
# open in Jupyter's editor. Other arguments are passed on to `jupyter notebook`. Running it again
# is harmless: it rebuilds and replaces the kernelspec (without --quick: full length). Works from
# any directory.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
cd "$ROOT"

KERNEL_NAME=dlfs-java
DISPLAY_NAME="Java (DLFS)"
INSTALL_ONLY=0
QUICK=0
JUPYTER_ARGS=()
for arg in "$@"; do
  case "$arg" in
    --install-only) INSTALL_ONLY=1 ;;
    --quick) QUICK=1 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) JUPYTER_ARGS+=("$arg") ;;
  esac
done

say() { printf '\033[1m[start.sh]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[start.sh] %s\033[0m\n' "$*" >&2; exit 1; }

# Run a command as root: directly, or through sudo when there is one.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else return 1
  fi
}

APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  if [ "$APT_UPDATED" = 0 ]; then
    as_root apt-get update -qq || return 1
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# ---- Java 17+ (a JDK: JShell and javac are part of it) and Maven --------------------------
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1
}
find_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then readlink -f "$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then readlink -f "$(command -v java)"
  fi
}
java_ok() {
  local j; j="$(find_java)"
  [ -n "$j" ] || return 1
  local v; v="$(java_major "$j")"
  [ -n "$v" ] && [ "${v%%.*}" -ge 17 ] 2>/dev/null || return 1
  "$j" --list-modules 2>/dev/null | grep -q '^jdk.jshell@' || return 1
}
if ! java_ok || ! command -v mvn >/dev/null 2>&1; then
  say "installing a Java 17 JDK and Maven (apt: openjdk-17-jdk maven)"
  apt_install openjdk-17-jdk-headless maven || die "Java 17+ (a JDK with jshell) and Maven are needed.
  Debian/Ubuntu: sudo apt-get install openjdk-17-jdk maven
  macOS (Homebrew): brew install openjdk@17 maven
  Windows: use WSL (Ubuntu) and the Debian line above, or install Temurin 17 and Maven and use Git Bash."
  java_ok || die "found no Java 17+ JDK with jshell after installing; set JAVA_HOME to one"
fi
JAVA="$(find_java)"
JAVA_MAJOR="$(java_major "$JAVA")"; JAVA_MAJOR="${JAVA_MAJOR%%.*}"
say "java: $JAVA (Java $JAVA_MAJOR)"

# ---- a fast BLAS for matrix products ------------------------------------------------------
# Without OpenBLAS the kit multiplies matrices on its own Java kernel (correct, slower); the
# reference libblas.so.3 that numpy pulls in is slower still and is not used.
if [ "$(uname -s)" = Linux ] && ! ls /usr/lib/*-linux-gnu/openblas-pthread/libblas.so.3 >/dev/null 2>&1; then
  say "installing OpenBLAS (apt: libopenblas0) for fast matrix products"
  apt_install libopenblas0 || say "note: no OpenBLAS (sudo apt-get install libopenblas0); the kit's Java matrix kernel is used"
fi

# OpenBLAS's own choice of kernels, corrected where Debian's OpenBLAS does not know the CPU
# (exports OPENBLAS_CORETYPE only then, never over yours; DLFS_BLAS_CORE names the core)
source "$ROOT/lib/blas-env.sh"
[ -n "${DLFS_BLAS_CORE:-}" ] && say "BLAS: $DLFS_BLAS_CORE"

# ---- a Chinese font for the Chinese notebooks' charts ---------------------------------------
# Charts are drawn by Java2D with its logical SansSerif font, which on Linux takes Chinese glyphs
# from any installed CJK font; with none, the Chinese notebooks' titles and labels are boxes.
if [ "$(uname -s)" = Linux ] && command -v apt-get >/dev/null 2>&1 \
    && ! { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh family 2>/dev/null | head -n1)" ]; }; then
  say "installing a Chinese font (apt: fonts-wqy-microhei, 5 MB) for the charts of notebooks/zh"
  apt_install fonts-wqy-microhei || say "note: no Chinese font (sudo apt-get install fonts-wqy-microhei); Chinese chart text shows as boxes, English notebooks are unaffected"
fi

# ---- Jupyter (notebook, nbconvert, nbclient) ----------------------------------------------
jupyter_ok() {
  command -v jupyter >/dev/null 2>&1 \
    && jupyter notebook --version >/dev/null 2>&1 \
    && jupyter kernelspec --version >/dev/null 2>&1 \
    && jupyter nbconvert --version >/dev/null 2>&1
}
if ! jupyter_ok; then
  say "installing Jupyter (apt: jupyter-notebook jupyter-nbconvert python3-nbclient)"
  apt_install jupyter-notebook jupyter-nbconvert jupyter-client python3-nbclient || die "Jupyter is needed.
  Debian/Ubuntu: sudo apt-get install jupyter-notebook jupyter-nbconvert python3-nbclient
  elsewhere:     python3 -m pip install --user notebook nbconvert nbclient   (then make sure 'jupyter' is on PATH)"
  jupyter_ok || die "'jupyter notebook', 'jupyter kernelspec' and 'jupyter nbconvert' still do not run"
fi

# ---- build the library and the kernel ------------------------------------------------------
say "building lib and kernel (mvn -DskipTests install)"
# kernel/target/lib is the kernelspec's class path: cleared first, so a jar that an update replaced
# or dropped is not left beside its successor
rm -rf kernel/target/lib
mvn -q -B -DskipTests -pl lib,kernel -am install

# ---- install the kernelspec for this user --------------------------------------------------
# The kernelspec folder carries its own copy of the jars, so `mvn clean` cannot break the kernel;
# kernel.json names the exact java and every jar ({resource_dir} is the installed folder).
STAGE="$ROOT/kernel/target/kernelspec/$KERNEL_NAME"
rm -rf "$STAGE"
mkdir -p "$STAGE/jars"
cp kernel/target/dlfs-kernel.jar "$STAGE/jars/"
cp kernel/target/lib/*.jar "$STAGE/jars/"
CLASSPATH_ENTRIES=("{resource_dir}/jars/dlfs-kernel.jar")
for jar in kernel/target/lib/*.jar; do
  CLASSPATH_ENTRIES+=("{resource_dir}/jars/$(basename "$jar")")
done
# dlfs.root: notebooks find data/ from the project root whatever folder Jupyter starts in.
# --add-modules: the Vector API matrix kernel (dlfs.nd.VectorGemm); the JVM prints one "WARNING: Using
# incubator modules" line on its stderr, which Jupyter keeps in its log, not in the notebook.
JVM_FLAGS=(-Djava.awt.headless=true -Dfile.encoding=UTF-8 "-Ddlfs.root=$ROOT" --add-modules=jdk.incubator.vector)
PY="$(command -v python3)"
# --quick: the kernel's environment has DLFS_QUICK=1 (dlfs.Course.quick()); a notebook can still
# switch with %quick on|off or Course.quick(true|false).
# The kernel's environment also carries the OpenBLAS core chosen above when the kit chose it
# (OPENBLAS_CORETYPE, DLFS_BLAS_CORE), and its one OpenBLAS thread (OPENBLAS_NUM_THREADS,
# DLFS_BLAS_THREADS): the kernel gets them however Jupyter was started.
"$PY" - "$STAGE/kernel.json" "$JAVA" "$DISPLAY_NAME" "$QUICK" "$(IFS=:; echo "${CLASSPATH_ENTRIES[*]}")" "${JVM_FLAGS[@]}" <<'EOF'
import json, os, sys
out, java, display, quick, classpath, flags = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6:]
env = {"DLFS_QUICK": "1"} if quick == "1" else {}
if "(set by DLFS" in os.environ.get("DLFS_BLAS_CORE", ""):
    env["OPENBLAS_CORETYPE"] = os.environ["OPENBLAS_CORETYPE"]
    env["DLFS_BLAS_CORE"] = os.environ["DLFS_BLAS_CORE"]
if os.environ.get("DLFS_BLAS_THREADS"):
    env["OPENBLAS_NUM_THREADS"] = os.environ.get("OPENBLAS_NUM_THREADS", "1")
    env["DLFS_BLAS_THREADS"] = os.environ["DLFS_BLAS_THREADS"]
spec = {
    "argv": [java, *flags, "-XX:SharedArchiveFile={resource_dir}/dlfs-kernel.jsa", "-Xshare:auto",
             "-cp", classpath, "dlfs.kernel.JavaKernel", "{connection_file}"],
    "display_name": display,
    "language": "java",
    "interrupt_mode": "message",
    "env": env,
    "metadata": {"project": "DLFS-Java"},
}
with open(out, "w") as f:
    json.dump(spec, f, indent=2)
    f.write("\n")
EOF
jupyter kernelspec install --user --replace --name "$KERNEL_NAME" "$STAGE" >/dev/null 2>&1 \
  || jupyter kernelspec install --user --replace --name "$KERNEL_NAME" "$STAGE"
DEST="$(jupyter kernelspec list 2>/dev/null | awk -v k="$KERNEL_NAME" '$1 == k {print $2}')"
[ -n "$DEST" ] && [ -f "$DEST/kernel.json" ] || die "kernelspec $KERNEL_NAME did not install (see 'jupyter kernelspec list')"
# A class-data archive of what a warm-up run loads, for the installed jars: kernels start with
# less work (about 15% less CPU here). Without it the kernel starts all the same.
INSTALLED_CP="$(IFS=:; echo "${CLASSPATH_ENTRIES[*]}")"
INSTALLED_CP="${INSTALLED_CP//\{resource_dir\}/$DEST}"
rm -f "$DEST/dlfs-kernel.jsa"
if ! "$JAVA" "${JVM_FLAGS[@]}" -XX:ArchiveClassesAtExit="$DEST/dlfs-kernel.jsa" -cp "$INSTALLED_CP" \
     dlfs.kernel.JavaKernel --warm-up >"$ROOT/kernel/target/kernelspec/warm-up.log" 2>&1; then
  rm -f "$DEST/dlfs-kernel.jsa"
  say "note: no class-data archive (see kernel/target/kernelspec/warm-up.log); the kernel starts a little slower"
fi
say "kernel '$DISPLAY_NAME' installed: $DEST$([ "$QUICK" = 1 ] && echo ' (quick mode: training cells shortened)')"

# The notebooks come without outputs and are signed as trusted for this user, so Jupyter opens
# them without "Not Trusted" (a notebook's own HTML output, such as a progress bar, then renders).
# (What `jupyter trust` does; Debian's Jupyter has no `jupyter trust` command.) Signed with
# Jupyter's own Python, which has nbformat.
JUPYTER_PY="$(sed -n '1s/^#! *//p' "$(command -v jupyter)")"
case "$JUPYTER_PY" in */python*) ;; *) JUPYTER_PY="$PY" ;; esac
"$JUPYTER_PY" - "$ROOT"/notebooks/*.ipynb <<'EOF' || say "note: signing the notebooks failed; they open as Not Trusted"
import sys
import nbformat
from nbformat.sign import NotebookNotary
notary = NotebookNotary()
for path in sys.argv[1:]:
    notary.sign(nbformat.read(path, as_version=4))
EOF

if [ "$INSTALL_ONLY" = 1 ]; then
  exit 0
fi

# ---- open the notebooks ----------------------------------------------------------------------
# Jupyter refuses to run as root unless told; root is common in containers and CI.
if [ "$(id -u)" = 0 ]; then JUPYTER_ARGS+=(--allow-root); fi
say "starting Jupyter on notebooks/ (Ctrl-C twice to stop)"
cd "$ROOT"
exec "$ROOT/kernel/scripts/notebook-server.sh" "$ROOT" ${JUPYTER_ARGS[@]+"${JUPYTER_ARGS[@]}"}
