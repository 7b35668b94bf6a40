#!/usr/bin/env bash
# Forward time of the same seeded model and input in DJL, JavaCPP (srgrn compare: each in its own JVM)
# and ONNX Runtime (OrtTiming, on the model srgrn-onnx exports), interleaved round by round so that a
# machine whose load changes affects all alike. Defaults: paper x4 on a 64x64 input.
#   scripts/ort-vs-backends.sh [rounds] [preset] [scale] [size]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-2}" PRESET="${2:-paper}" SCALE="${3:-4}" SIZE="${4:-64}"
CPFILE="$(mktemp)"
trap 'rm -f "$CPFILE"' EXIT
(cd "$ROOT" && ./mvnw -B -q ${SRGRN_MAVEN_OPTS:-} -pl srgrn-bench -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$CPFILE" -Dmaven.javadoc.skip >&2)
CP="$ROOT/srgrn-bench/target/test-classes:$ROOT/srgrn-bench/target/classes:$(cat "$CPFILE")"
for round in $(seq 1 "$ROUNDS"); do
  echo "## round $round, load $(cut -d' ' -f1-3 /proc/loadavg)"
  java -cp "$CP" io.srgrn.bench.cli.SrgrnCommand compare --backends djl,javacpp --config "$PRESET" --scale "$SCALE" \
    --size "$SIZE" --batch 1 --warmup 1 --repeats 3 --seed 1
  echo "onnxruntime: $(java -cp "$CP" io.srgrn.bench.cli.OrtTiming "$PRESET" "$SCALE" "$SIZE" 1 3 1 0 2>/dev/null | tr '\n' ' ')"
done
