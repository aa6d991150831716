#!/usr/bin/env bash
# The kit's benchmark: builds the library, times the book's workloads in Java, runs the numpy
# reference (../shared/bench/ref_numpy.py with Debian's /usr/bin/python3) in the same sitting,
# and prints one table. Usage: ./bench.sh [matmul|two_layer|bp1024|simple_conv|all] [--no-numpy]
set -euo pipefail
cd "$(dirname "$0")"
mvn -q -B -DskipTests install -pl lib -am
mvn -q -B -pl lib dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java -Xmx1g -XX:+UseParallelGC -Djava.awt.headless=true -cp "lib/target/classes:$(cat lib/target/bench.classpath)" dlfs.bench.Benchmark "$@"
