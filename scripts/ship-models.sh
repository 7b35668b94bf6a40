#!/usr/bin/env bash
# Ships the best weights of the training runs (training/<run>/best.safetensors) in srgrn-models and
# scores them as docs/MODELS.md reports them (on the run's degradation: bi, bd or dn). For maintainers; each step is an ordinary srgrn command.
#
#   scripts/ship-models.sh bi-x2 bi-x3 bd-x3      copy, score (Set5, Set14, B100; plain, self-ensemble,
#                                                 gammas 0) and record the scores in the catalogue
#   SRGRN_SHIP_ENSEMBLE_SETS=Set5,Set14 ...       self-ensemble (8x the time) on these sets only; "" skips it
#
# Reports go to eval-results/models/<name>/; the catalogue is
# srgrn-models/src/main/resources/io/srgrn/models/catalog.json.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CATALOG="$ROOT/srgrn-models/src/main/resources/io/srgrn/models"
PAPER="$ROOT/../shared/data/paper/paper-tables.csv"
export SRGRN_DATA="${SRGRN_DATA:-$ROOT/../shared/data}"
SRGRN=("$ROOT/srgrn")

for run in "$@"; do
  # <degradation>-x<scale>[-suffix]: bi-x4-ft (a continuation of bi-x4) ships as compact-bi-x4, bd-x3 as compact-bd-x3
  deg="${run%%-*}"; DEG="${deg^^}"
  scale="${run#"$deg"-x}"; scale="${scale%%-*}"
  [[ "$DEG" =~ ^(BI|BD|DN)$ && "$scale" =~ ^[0-9]+$ ]] || { echo "ship-models: '$run' is not <bi|bd|dn>-x<scale>[-suffix]" >&2; exit 2; }
  name="compact-$deg-x$scale"
  weights="$ROOT/training/$run/best.safetensors"
  [[ -f "$weights" ]] || { echo "ship-models: $weights does not exist" >&2; exit 2; }
  out="$ROOT/eval-results/models/$name"
  mkdir -p "$out"
  # 1. Into the catalogue (no scores yet), so that eval can name it; rebuild the command line with it.
  "${SRGRN[@]}" models add --name "$name" --catalog-dir "$CATALOG" --weights "$weights" --default
  # 2. Score it beside Bicubic and the paper's rows, with the global branches off as well.
  "${SRGRN[@]}" eval --model "$name" --model bicubic --gammas-off --sets Set5,Set14,B100 --degradation "$DEG" \
      --published "$PAPER" -o "$out/plain" --figures "$out/figures" --threads 2
  args=(--scores "$out/plain/eval-$DEG-x$scale.json")
  ensemble_sets="${SRGRN_SHIP_ENSEMBLE_SETS-Set5,Set14,B100}"
  if [[ -n "$ensemble_sets" ]]; then
    "${SRGRN[@]}" eval --model "$name" --ensemble --sets "$ensemble_sets" --degradation "$DEG" --no-published -o "$out/ensemble" --threads 2
    args+=(--scores "$out/ensemble/eval-$DEG-x$scale.json")
  fi
  # 3. The measured scores into the catalogue.
  "${SRGRN[@]}" models add --name "$name" --catalog-dir "$CATALOG" "${args[@]}"
done
"${SRGRN[@]}" models
