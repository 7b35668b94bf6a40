#!/usr/bin/env bash
# What a library user gets from OpenMpDefaults: `srgrn upscale` of a 64x64 image (paper x4, untrained)
# run the way a library runs, with no OMP_WAIT_POLICY in the environment, alternately with the
# library's default (passive, set in-process) and with -Dsrgrn.omp.waitPolicy=none (libgomp's own
# default, i.e. the library before this change). Interleaved, so that a machine whose load changes
# affects both alike. Prints: round backend mode seconds load-average.
#   scripts/openmp-wait-bench.sh [rounds]     (after ./mvnw -pl srgrn-bench -am -DskipTests package)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
java "$ROOT/scripts/Png.java" make "$WORK/in64.png" 64 64
CP="$ROOT/srgrn-bench/target/classes:$ROOT/srgrn-bench/target/lib/*"
for round in $(seq 1 "${1:-4}"); do
  for backend in djl javacpp; do
    for mode in default none; do
      prop=(); [[ $mode == none ]] && prop=(-Dsrgrn.omp.waitPolicy=none)
      load=$(cut -d' ' -f1 /proc/loadavg)
      s=$(env -u OMP_WAIT_POLICY java "${prop[@]}" -cp "$CP" io.srgrn.bench.cli.SrgrnCommand upscale "$WORK/in64.png" \
            -o "$WORK/out.png" --force --backend "$backend" 2>/dev/null | awk -F'|' '/in64/ {gsub(/ /, "", $6); print $6}')
      echo "$round $backend $mode $s load=$load"
    done
  done
done
