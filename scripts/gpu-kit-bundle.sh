#!/usr/bin/env bash
# Packs what the lent GPU machine needs to run the conformance kit on cuda:0 (issue 16): it has no
# Java, no Maven and no network, and a call carries at most 64 MiB. Builds the jcuda backend's tests,
# copies their class path (the srgrn jars, the CUDA presets' JNI wrappers, JUnit) and a jlink-ed
# runtime of just the JDK modules they use into gpu-kit/ (git-ignored), with run.sh:
#
#   scripts/gpu-kit-bundle.sh            # here: gpu-kit/ and gpu-kit.tar.xz (~47 MB; the folder is ~69 MB)
#   tar xJf gpu-kit.tar.xz && gpu-kit/run.sh
#                                        # there (run tool, carry gpu-kit.tar.xz): kit summary, exit 0/1/3
#
# CUDA's own libraries come from that machine's pip nvidia-* folders (run.sh points SRGRN_CUDA_PATH at
# them), as srgrn-backend-jcuda/README.md says.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/gpu-kit"
cd "$ROOT"
./mvnw -q -B -o -pl srgrn-backend-jcuda -am test-compile -DskipTests
./mvnw -q -B -o -pl srgrn-backend-jcuda dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$ROOT/srgrn-backend-jcuda/target/test-classpath.txt"
rm -rf "$OUT"
mkdir -p "$OUT/lib"
# Only this platform's natives: the presets' jars for other platforms are not needed there.
tr ':' '\n' < srgrn-backend-jcuda/target/test-classpath.txt | grep -v -e 'windows' -e 'macosx' -e 'arm64' -e 'ppc64' \
    | while read -r jar; do cp "$jar" "$OUT/lib/"; done
(cd srgrn-backend-jcuda/target && jar cf "$OUT/lib/srgrn-backend-jcuda-classes.jar" -C classes . \
    && jar cf "$OUT/lib/srgrn-backend-jcuda-tests.jar" -C test-classes .)
for m in srgrn-api srgrn-data srgrn-tck; do
  (cd "$m/target" && jar cf "$OUT/lib/$m-classes.jar" -C classes .)
done
rm -f "$OUT"/lib/srgrn-api-0* "$OUT"/lib/srgrn-data-0* "$OUT"/lib/srgrn-tck-0*   # reactor jars, if any
MODULES="$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 --class-path "$OUT/lib/*" \
    "$OUT"/lib/srgrn-*-classes.jar "$OUT/lib/srgrn-backend-jcuda-tests.jar")"
jlink --add-modules "$MODULES,jdk.unsupported" --strip-debug --no-man-pages --no-header-files \
    --compress=2 --output "$OUT/jre"
cat > "$OUT/run.sh" <<'RUN'
#!/usr/bin/env bash
# The conformance kit on cuda:0 with this folder's runtime; CUDA libraries from pip's nvidia-* folders.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ -z "${SRGRN_CUDA_PATH:-}" ]]; then
  SRGRN_CUDA_PATH="$(python3 -c 'import nvidia, os; print(os.path.dirname(nvidia.__file__) if nvidia.__file__ else list(nvidia.__path__)[0])' 2>/dev/null || true)"
  export SRGRN_CUDA_PATH
fi
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv 2>/dev/null || true
echo "SRGRN_CUDA_PATH=$SRGRN_CUDA_PATH"
exec "$HERE/jre/bin/java" -Xmx8g -cp "$HERE/lib/*" io.srgrn.backend.jcuda.GpuKitRunner
RUN
chmod +x "$OUT/run.sh"
tar -C "$ROOT" -cJf "$ROOT/gpu-kit.tar.xz" gpu-kit
du -sh "$OUT" "$ROOT/gpu-kit.tar.xz"
