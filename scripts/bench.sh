#!/usr/bin/env bash
# Runs the benchmarks behind docs/RESULTS.md and leaves their raw output in bench-results/:
#   data    JMH DataBenchmarks + MetricsBenchmarks (single-threaded)
#   models  JMH ModelBenchmarks on djl and javacpp (forward 1x3x48x48, train step 16x3x48x48, x4),
#           compact and paper, then the same model in PyTorch (scripts/compare_torch.py) with ratios
#   layers  JMH ModelBenchmarks per layer (conv 3x3, RDB, GRUM, GRRB) on djl and javacpp
# Usage: scripts/bench.sh [data|models|layers|all] [threads]   (default: all, 2 threads)
# Needs Debian's python3-torch for the PyTorch rows (apt-get install -y python3-torch).
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
threads="${2:-2}"
out=bench-results
mkdir -p "$out"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-passive}"

./mvnw -q -B -pl srgrn-bench -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="srgrn-bench/target/classes:$(cat srgrn-bench/target/classpath.txt)"
{ date -u; uname -srm; nproc; grep -m1 'model name' /proc/cpuinfo; java -version 2>&1 | head -1; uptime; } > "$out/machine.txt"

if [[ "$what" == data || "$what" == all ]]; then
  java -cp "$cp" org.openjdk.jmh.Main 'io.srgrn.bench.jmh.(DataBenchmarks|MetricsBenchmarks)' \
    -wi 2 -w 2 -i 3 -r 3 -rf json -rff "$out/data.json" | tee "$out/data.txt"
fi

if [[ "$what" == models || "$what" == all ]]; then
  # forward: enough iterations for a stable mean; paper trainStep takes tens of seconds per op.
  java -cp "$cp" org.openjdk.jmh.Main ModelBenchmarks -p backend=djl,javacpp -p preset=compact,paper \
    -p scale=4 -p mode=forward -p threads="$threads" -wi 1 -w 5 -i 3 -r 5 -rf json -rff "$out/forward.json" \
    | tee "$out/forward.txt"
  java -cp "$cp" org.openjdk.jmh.Main ModelBenchmarks -p backend=djl,javacpp -p preset=compact,paper \
    -p scale=4 -p mode=trainStep -p threads="$threads" -wi 1 -w 1 -i 3 -r 1 -rf json -rff "$out/train.json" \
    | tee "$out/train.txt"
  python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
rows = json.load(open(out + "/forward.json")) + json.load(open(out + "/train.json"))
json.dump(rows, open(out + "/models.json", "w"))
PY
  if /usr/bin/python3 -c 'import torch' 2>/dev/null; then
    for preset in compact paper; do
      /usr/bin/python3 scripts/compare_torch.py --config "$preset" --scale 4 --threads "$threads" --warmup 1 \
        --repeats 3 --check-fixtures ../shared/fixtures --jmh-json "$out/models.json" | tee "$out/torch-$preset.md"
    done
  else
    echo "PyTorch for Python not installed: no Python rows (apt-get install -y python3-torch)" | tee "$out/torch.md"
  fi
fi

if [[ "$what" == layers || "$what" == all ]]; then
  java -cp "$cp" org.openjdk.jmh.Main ModelBenchmarks -p backend=djl,javacpp -p preset=compact,paper \
    -p layer=conv3x3,rdb,grum,grrb -p scale=4 -p mode=forward,trainStep -p threads="$threads" \
    -wi 1 -w 2 -i 3 -r 2 -rf json -rff "$out/layers.json" | tee "$out/layers.txt"
fi
