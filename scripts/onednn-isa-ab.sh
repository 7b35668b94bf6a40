#!/usr/bin/env bash
# The A/B behind docs/RESULTS.md's "What SSE4.1 costs": oneDNN's SSE4.1 kernels against its default
# ISA, compact x2 training step (batch 16, LR 32) and forward, DJL, one thread; alternating rounds so
# that a change in the machine's load falls on both sides.
#   scripts/onednn-isa-ab.sh [ROUNDS]     (default 2; about 100 s per run)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -q -B -o -pl srgrn-bench -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dassembly.skipAssembly=true
CP="srgrn-bench/target/classes:$(cat srgrn-bench/target/classpath.txt)"
for round in $(seq 1 "${1:-2}"); do
  for isa in SSE41 none; do
    # none: the library leaves oneDNN's own choice (AVX-512 here); SSE41: what it sets on AMD AVX-512.
    env -u DNNL_MAX_CPU_ISA java "-Dsrgrn.onednn.maxCpuIsa=$isa" -cp "$CP" org.openjdk.jmh.Main ModelBenchmarks \
      -jvmArgsAppend "-Dsrgrn.onednn.maxCpuIsa=$isa" \
      -p backend=djl -p preset=compact -p scale=2 -p layer=srgrn -p mode=trainStep,forward -p threads=1 \
      -p patch=32 -p batch=16 -wi 1 -w 10 -i 3 -r 10 -f 1 2>&1 | grep -E '^ModelBenchmarks' | sed "s/^/$isa round $round: /"
  done
done
