# Sourced by the kit's launchers (start.sh, bench.sh, kernel/scripts/*.sh, .ci/run) before they start
# a JVM: gives OpenBLAS the right kernels on CPUs it does not know. OpenBLAS picks its kernels from
# the CPU model when it loads; Debian 12's 0.3.21 falls back to generic SSE3 ones ("Prescott",
# several times slower) on newer CPUs such as Sapphire Rapids. Only then, and only when the user
# set no OPENBLAS_CORETYPE, this exports OPENBLAS_CORETYPE from the CPU's flags (AVX-512:
# SkylakeX, or Cooperlake with BF16; AVX2+FMA: Haswell; AVX: Sandybridge). It also exports
# DLFS_BLAS_CORE, the line the benchmark header and the kernel's banner show, e.g.
# "OpenBLAS 0.3.21, core Cooperlake (detected)". The same decision in Java: dlfs.nd.BlasCore.
# It also starts OpenBLAS single-threaded unless the user chose a thread count (the end of this file).
# OpenBLAS's own choice comes from openblas_get_corename() through python3's ctypes; without
# python3 it is unknown and nothing is changed (ARM: nothing known to fix either).
dlfs_blas_env() {
  local lib="" l
  for l in /usr/lib/*-linux-gnu/openblas-pthread/libopenblas.so.0 /usr/lib/*-linux-gnu/libopenblas.so.0 /usr/lib64/libopenblas.so.0; do
    if [ -e "$l" ]; then lib=$l; break; fi
  done
  [ -n "$lib" ] || return 0
  [ -x /usr/bin/python3 ] || return 0
  local out core config
  out=$(/usr/bin/python3 -c '
import ctypes, sys
l = ctypes.CDLL(sys.argv[1])
l.openblas_get_corename.restype = ctypes.c_char_p
l.openblas_get_config.restype = ctypes.c_char_p
print(l.openblas_get_corename().decode() + "|" + l.openblas_get_config().decode())' "$lib" 2>/dev/null) || return 0
  core=${out%%|*}
  config=${out#*|}
  local version
  version=$(echo "$config" | awk '{print $1 " " $2}')
  if [ -n "${OPENBLAS_CORETYPE:-}" ]; then
    export DLFS_BLAS_CORE="$version, core $core (set by OPENBLAS_CORETYPE=$OPENBLAS_CORETYPE)"
    return 0
  fi
  local set="" simd=""
  case "$(echo "$core" | tr '[:upper:]' '[:lower:]')" in
    prescott|core2|penryn|dunnington|nehalem|atom|katmai|coppermine|northwood|banias|athlon|opteron|opteron_sse3|barcelona|unknown)
      local flags=" $(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null | cut -d: -f2) "
      has() { case "$flags" in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
      if has avx512f && has avx512bw && has avx512vl && has avx512dq; then
        simd=AVX-512; if has avx512_bf16; then set=Cooperlake; else set=SkylakeX; fi
      elif has avx2 && has fma; then simd=AVX2; set=Haswell
      elif has avx; then simd=AVX; set=Sandybridge
      fi
      unset -f has ;;
  esac
  if [ -n "$set" ]; then
    export OPENBLAS_CORETYPE=$set
    export DLFS_BLAS_CORE="$version, core $set (set by DLFS: CPU has $simd, OpenBLAS detected $core)"
  else
    export DLFS_BLAS_CORE="$version, core $core (detected)"
  fi
}
dlfs_blas_env
unset -f dlfs_blas_env
# One OpenBLAS thread, unless the user set a thread count (OPENBLAS_NUM_THREADS, GOTO_NUM_THREADS or
# OMP_NUM_THREADS): the kit's Java code then splits large products over the cores itself
# (dlfs.nd.Gemm, from 8M multiply-adds). OpenBLAS's own threads cost more than they save on the
# book's small products, and its idle workers spin on the core the JVM needs (a convolution block,
# (30x25)(25x4032), took 285 us on two OpenBLAS threads and 105 us on one). DLFS_BLAS_THREADS says
# the kit set it, so that the benchmark gives numpy its usual threads back.
if [ -z "${OPENBLAS_NUM_THREADS:-}${GOTO_NUM_THREADS:-}${OMP_NUM_THREADS:-}" ]; then
  export OPENBLAS_NUM_THREADS=1
  export DLFS_BLAS_THREADS="one OpenBLAS thread (set by DLFS); the kit splits large products over the cores"
fi
