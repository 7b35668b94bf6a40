# Sourced by both launchers of the command line: ./srgrn in the checkout and bin/srgrn of the
# distribution. Sets what libtorch needs in the environment before the JVM starts and the JVM
# options for command "$1": GC_OPTS and SPARK_OPTS (arrays).

# The backends also set these two in-process (OpenMpDefaults, OneDnnDefaults); setting them before the
# JVM starts is the surest way. libgomp's threads spin while they wait, which on a machine whose cores
# other programs also use slows libtorch down many times over; passive waiting costs little when idle.
# Override by setting it.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-passive}"
# libtorch's oneDNN AVX/AVX2/AVX-512 convolution kernels return wrong or NaN gradients on AVX-512 AMD
# CPUs (docs/RESULTS.md, "oneDNN"); its SSE4.1 kernels are right. Only there, and only if unset.
if [[ -z "${DNNL_MAX_CPU_ISA:-}" ]] && grep -q 'AuthenticAMD' /proc/cpuinfo 2>/dev/null && grep -q 'avx512f' /proc/cpuinfo 2>/dev/null; then
  export DNNL_MAX_CPU_ISA=SSE41
fi

# With a memory budget (--max-memory) the library itself fixes glibc's mmap threshold, so that freed tile
# memory goes back to the system at once (NativeHeapDefaults; a MALLOC_MMAP_THRESHOLD_ set here wins).

# srgrn spark-upscale runs Spark in this JVM: the module openings Spark's own launcher passes on Java 17.
SPARK_OPTS=()
if [[ "${1:-}" == "spark-upscale" ]]; then
  SPARK_OPTS=(-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED
    --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
    --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
    --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
    --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
    -Djdk.reflect.useDirectMethodHandle=false)
fi

# The command line's heap is mostly a few large arrays per tile, short-lived: G1 grows its heap to two or three
# times what is live for them (humongous regions), the serial collector keeps it near that (docs/RESULTS.md,
# "After: output straight into the 8-bit image"). Spark (spark-upscale) keeps the JVM's choice; so does any GC
# named in SRGRN_JAVA_OPTS.
GC_OPTS=()
if [[ "${1:-}" != "spark-upscale" && "${SRGRN_JAVA_OPTS:-}" != *GC* ]]; then
  GC_OPTS=(-XX:+UseSerialGC)
fi
