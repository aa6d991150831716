#!/usr/bin/env bash
# The kit's benchmark (the bench/ module, dlfs.bench): builds it and the library, times the book's workloads in Java, runs the numpy
# references (../shared/bench/ref_numpy.py, and ref_torch.py when /usr/bin/python3 has torch) in the same sitting,
# and prints one table. Usage: ./bench.sh [matmul|two_layer|bp1024|simple_conv|all] [--no-numpy] [--no-torch]
set -euo pipefail
cd "$(dirname "$0")"
# the right OpenBLAS kernels on CPUs Debian's OpenBLAS does not know (exports OPENBLAS_CORETYPE, DLFS_BLAS_CORE)
source lib/blas-env.sh
# a reactor build, nothing installed into ~/.m2
# (one reactor run: the bench module's classpath names dlfs-lib as lib/target/classes, compiled in the same run)
mvn -q -B -DskipTests -pl bench -am compile dependency:build-classpath -DincludeScope=runtime \
  -Dmdep.outputFile=target/bench.classpath >/dev/null
# --add-modules: the Vector API kernel (dlfs.nd.VectorGemm); it prints "WARNING: Using incubator modules" on stderr
exec java --add-modules=jdk.incubator.vector -Xmx1g -XX:+UseParallelGC -Djava.awt.headless=true -cp "bench/target/classes:$(cat bench/target/bench.classpath)" dlfs.bench.Benchmark "$@"
