#!/usr/bin/env bash
# Proves that the README's "Use it from Maven" section works as written for a fresh consumer:
# installs this checkout into a THROWAWAY local repository (the shared ~/.m2 is only read, as a
# tail, never written), builds a consumer project made of the README's pom.xml and Java blocks
# verbatim, and runs its Upscale program on a small image.
#
#   scripts/consumer-check.sh            (extra Maven options in SRGRN_MAVEN_OPTS, e.g. -o)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/srgrn-consumer.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
USER_REPO="${MAVEN_USER_REPO:-$HOME/.m2/repository}"
# shellcheck disable=SC2086
MVN=("$ROOT/mvnw" -B -q ${SRGRN_MAVEN_OPTS:-} "-Dmaven.repo.local=$WORK/repo" "-Dmaven.repo.local.tail=$USER_REPO")

echo "consumer-check: installing this checkout into $WORK/repo ..."
(cd "$ROOT" && "${MVN[@]}" install -DskipTests)

echo "consumer-check: building a consumer project from README.md ..."
APP="$WORK/consumer"
mkdir -p "$APP/src/main/java"
# The section between "## Use it from Maven" and "## Documentation": its xml block is the pom,
# each java block one source file named after its public class.
awk -v app="$APP" '
  /^## Use it from Maven/ { on = 1; next }
  /^## / && on { exit }
  on && /^```xml$/ { out = app "/pom.xml"; next }
  on && /^```java$/ { out = app "/src/main/java/block" (++n) ".java"; next }
  on && /^```$/ { if (out) close(out); out = ""; next }
  out { print > out }
' "$ROOT/README.md"
[[ -f "$APP/pom.xml" ]] || { echo "consumer-check: README has no xml block under 'Use it from Maven'" >&2; exit 1; }
for f in "$APP"/src/main/java/block*.java; do
  cls="$(sed -n 's/^public class \([A-Za-z0-9_]*\).*/\1/p' "$f" | head -1)"
  [[ -n "$cls" ]] || { echo "consumer-check: a README java block has no public class: $f" >&2; exit 1; }
  mv "$f" "$APP/src/main/java/$cls.java"
done
[[ -f "$APP/src/main/java/Upscale.java" ]] || { echo "consumer-check: README has no Upscale program" >&2; exit 1; }

java "$ROOT/scripts/Png.java" make "$WORK/photo.png" 12 10

(cd "$APP" && "${MVN[@]}" package org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=cp.txt)
echo "consumer-check: running the README's Upscale program ..."
(cd "$WORK" && java -cp "$APP/target/classes:$(cat "$APP/cp.txt")" Upscale photo.png photo_x4.png) | tee "$WORK/run.log"
size="$(java "$ROOT/scripts/Png.java" size "$WORK/photo_x4.png")"
[[ "$size" == "48x40" ]] || { echo "consumer-check: expected a 48x40 output, got $size" >&2; exit 1; }
grep -q '^tensor \[1, 3, 64, 64\]$' "$WORK/run.log" || { echo "consumer-check: the tensor upscale printed no 1x3x64x64 shape" >&2; exit 1; }
echo "consumer-check: OK (README pom + Java compile, Upscale wrote a 48x40 PNG)"
