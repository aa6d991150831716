#!/usr/bin/env bash
# The kit's benchmark: builds the library, times the book's workloads in Java, runs the numpy
# references (../shared/bench/ref_numpy.py, and ref_torch.py when /usr/bin/python3 has torch) in the same sitting,
# and prints one table. Usage: ./bench.sh [matmul|two_layer|bp1024|simple_conv|all] [--no-numpy] [--no-torch]
set -euo pipefail
cd "$(dirname "$0")"
# the right OpenBLAS kernels on CPUs Debian's OpenBLAS does not know (exports OPENBLAS_CORETYPE, DLFS_BLAS_CORE)
source lib/blas-env.sh
# a reactor build, nothing installed into ~/.m2
mvn -q -B -DskipTests compile -pl lib -am
mvn -q -B -pl lib dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
# --add-modules: the Vector API kernel (dlfs.nd.VectorGemm); it prints "WARNING: Using incubator modules" on stderr
exec java --add-modules=jdk.incubator.vector -Xmx1g -XX:+UseParallelGC -Djava.awt.headless=true -cp "lib/target/classes:$(cat lib/target/bench.classpath)" dlfs.bench.Benchmark "$@"
