# Sourced by bin/bench-drift, bin/bench-state-parse and bin/bench-policies: builds the JMH benchmarks
# (src/jmh/java, compiled only with -Pbench) and runs the ones matching a pattern.
#   run_jmh <benchmark regex> <result name> [JMH options...]
# Options after the pattern go to JMH as they are (e.g. -wi 1 -i 1 -f 1 for a short run; -prof gc for
# allocation per operation; -h for the list). The results are also written to target/jmh/<result name>.json.

run_jmh() {
  local pattern=$1 name=$2
  shift 2
  ./mvnw -B -q -o -Pbench test-compile >&2 2>/dev/null || ./mvnw -B -q -Pbench test-compile >&2
  mkdir -p target/jmh
  local cp_file=target/jmh/classpath.txt
  ./mvnw -B -q -o -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2 2>/dev/null \
    || ./mvnw -B -q -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
  # The forks inherit this classpath; the heap limit is the benchmark's own (@Fork jvmArgsAppend).
  exec java -cp "target/jmh-classes:target/test-classes:target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main \
    "$pattern" -rf json -rff "target/jmh/$name.json" "$@"
}
