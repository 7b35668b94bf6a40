#!/usr/bin/env bash
# Proves that the distribution archive runs outside the checkout, offline, with nothing but Java:
# unpacks srgrn-bench/target/srgrn-*-bin.tar.gz into a temporary folder, gives it an empty HOME
# (no natives cached from earlier runs, no ~/.m2), runs `srgrn info` and `srgrn upscale` on a
# small image from another folder, without network where `unshare` can take it away, and checks
# the output image.
#   scripts/dist-check.sh [archive]       (after ./mvnw package or verify)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ARCHIVE="${1:-$(ls "$ROOT"/srgrn-bench/target/srgrn-*-bin.tar.gz 2>/dev/null | head -1)}"
[[ -f "$ARCHIVE" ]] || { echo "dist-check: no archive (build it with ./mvnw -pl srgrn-bench -am package)" >&2; exit 1; }
WORK="$(mktemp -d "${TMPDIR:-/tmp}/srgrn-dist.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/opt" "$WORK/home" "$WORK/run"
tar -xzf "$ARCHIVE" -C "$WORK/opt"
SRGRN="$(ls -d "$WORK"/opt/srgrn-*)/bin/srgrn"
[[ -x "$SRGRN" ]] || { echo "dist-check: no executable bin/srgrn in $ARCHIVE" >&2; exit 1; }
for jar in "$(dirname "$SRGRN")"/../lib/srgrn-*.jar; do
  # The module name Java derives: from Automatic-Module-Name (io.srgrn.*), else from the file name (srgrn.*).
  jar --describe-module --file "$jar" | grep -q '^io\.srgrn\.[a-z.]*@.* automatic$' \
    || { echo "dist-check: $(basename "$jar") has no Automatic-Module-Name io.srgrn.*" >&2; exit 1; }
done
java "$ROOT/scripts/Png.java" make "$WORK/run/small.png" 16 12

# No network where this user may create a network namespace; the backends never download anyway.
OFFLINE=()
if unshare -rn true 2>/dev/null; then OFFLINE=(unshare -rn); fi
run() { (cd "$WORK/run" && env -i PATH="$PATH" HOME="$WORK/home" ${JAVA_HOME:+JAVA_HOME="$JAVA_HOME"} "${OFFLINE[@]}" "$SRGRN" "$@"); }

echo "dist-check: srgrn info ${OFFLINE[*]:+(no network)}"
run info > "$WORK/info.txt"
grep -q '| djl ' "$WORK/info.txt" || { cat "$WORK/info.txt"; echo "dist-check: info lists no djl backend" >&2; exit 1; }
echo "dist-check: srgrn upscale"
run upscale small.png -o small_x4.png --scale 4 > "$WORK/upscale.txt" 2>"$WORK/upscale.err" \
  || { cat "$WORK/upscale.txt" "$WORK/upscale.err"; echo "dist-check: upscale failed" >&2; exit 1; }
cat "$WORK/upscale.txt"
size="$(java "$ROOT/scripts/Png.java" size "$WORK/run/small_x4.png")"
[[ "$size" == "64x48" ]] || { echo "dist-check: expected a 64x48 output, got $size" >&2; exit 1; }
echo "dist-check: OK ($(basename "$ARCHIVE"): info and a x4 upscale from $WORK/run)"
