# shellcheck shell=bash
# Spark's module flags for Java 17 (org.apache.spark.launcher.JavaModuleOptions), kept in sync
# with <spark.jvm.flags> in pom.xml. Sourced by bin/zoneassess, bin/cluster-test and bin/bench.
spark_flags=(
  -XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false
  -Dio.netty.tryReflectionSetAccessible=true
)
# JIT and GC tuning (kept in sync with <jvm.tuning.flags> in pom.xml). Spark generates and compiles
# new classes for every query; on small data most of them run briefly, yet HotSpot's C2 compiler
# spent about 100 s of CPU per province-scale run compiling them (JFR, jdk.Compilation). Raising the
# tier-4 thresholds keeps C2 for the code that really is hot (the loops at large scale) and cut
# the pipeline's wall time by about a fifth on 2 cores; ParallelGC costs less CPU than G1 there.
tuning_flags=(
  -XX:+UseParallelGC
  -XX:Tier4InvocationThreshold=50000
  -XX:Tier4MinInvocationThreshold=6000
  -XX:Tier4CompileThreshold=150000
)
# small_input_flags ARG… — sets the array small_input_flags for a command that finishes in seconds:
# `index` whose --data files are local and add up to at most 16 MiB. Such a JVM lives ~10 s and
# C2 compiles code it would never run long enough to repay: C1 only (-XX:TieredStopAtLevel=1)
# halved the CPU time of `index` on a 23-row table (22 → 11 s, docs/performance.md). Larger or
# remote inputs, and every other command, keep the flags above. ZONEASSESS_JIT=full turns it off.
small_input_flags() {
  small_input_flags=()
  [[ "${ZONEASSESS_JIT:-}" != full && "${1:-}" == index ]] || return 0
  local total=0 a f size expect=""
  for a in "$@"; do
    f=""
    if [[ -n "$expect" ]]; then
      f="$a"
      expect=""
    elif [[ "$a" == --data ]]; then
      expect=1
      continue
    elif [[ "$a" == --data=* ]]; then
      f="${a#--data=}"
    fi
    [[ -z "$f" ]] && continue
    f="${f#file://}"
    [[ "$f" != *://* && -f "$f" ]] || return 0
    size=$(stat -c %s "$f") || return 0
    total=$((total + size))
  done
  ((total > 0 && total <= 16 * 1024 * 1024)) || return 0
  small_input_flags=(-XX:TieredStopAtLevel=1)
}
