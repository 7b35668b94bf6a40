#!/usr/bin/env bash
# Throughput of `srgrn spark-upscale` with local[1] and local[2] against the single-JVM `srgrn upscale`
# on the same folder: Set14's central CROP x CROP pixels, upscaled xSCALE with the shipped model
# (docs/RESULTS.md, "Spark"). Each command runs once, cold (JVM start, Spark start, model load included).
#   SRGRN_DATA=../shared/data scripts/spark-bench.sh [CROP=96] [SCALE=2]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CROP="${1:-96}"
SCALE="${2:-2}"
DATA="${SRGRN_DATA:?set SRGRN_DATA to the datasets folder}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/srgrn-spark-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
java "$ROOT/scripts/Crop.java" "$DATA/Set14/HR" "$WORK/in" "$CROP"
N="$(ls "$WORK/in" | wc -l)"
MP="$(awk -v n="$N" -v c="$CROP" -v s="$SCALE" 'BEGIN { printf "%.4f", n * (c * s) * (c * s) / 1e6 }')"
echo "spark-bench: $N images of ${CROP}x${CROP} -> x$SCALE ($MP output megapixels), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

timed() {   # NAME CMD...: runs CMD, prints NAME, wall seconds, images/s, output megapixels/s
  local name="$1"; shift
  local t0 t1
  t0="$(date +%s.%N)"
  "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" || { cat "$WORK/$name.out" "$WORK/$name.err"; echo "spark-bench: $name failed" >&2; exit 1; }
  t1="$(date +%s.%N)"
  awk -v name="$name" -v a="$t0" -v b="$t1" -v n="$N" -v mp="$MP" \
    'BEGIN { s = b - a; printf "| %s | %.1f | %.3f | %.4f |\n", name, s, n / s, mp / s }'
  grep -h "spark-upscale:" "$WORK/$name.out" || true
}

echo "| command | wall s | images/s | output MP/s |"
echo "|---|---:|---:|---:|"
timed upscale "$ROOT/srgrn" upscale "$WORK/in" -o "$WORK/out-upscale" --scale "$SCALE"
timed "spark-local1" "$ROOT/srgrn" spark-upscale --input "$WORK/in" -o "$WORK/out-l1" --scale "$SCALE" --master 'local[1]'
timed "spark-local2" "$ROOT/srgrn" spark-upscale --input "$WORK/in" -o "$WORK/out-l2" --scale "$SCALE" --master 'local[2]'
for f in "$WORK"/out-upscale/*.png; do
  cmp -s "$f" "$WORK/out-l1/$(basename "$f")" && cmp -s "$f" "$WORK/out-l2/$(basename "$f")" \
    || { echo "spark-bench: $(basename "$f") differs between upscale and spark-upscale" >&2; exit 1; }
done
echo "spark-bench: all $N outputs byte-identical across the three; load now $(cut -d' ' -f1-3 /proc/loadavg)"
