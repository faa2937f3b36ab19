#!/usr/bin/env bash
# Consumer integration test: integration-tests/consumer, a small Maven project written the way
# the README tells users to, builds against a staged repository (an unpacked Central bundle) and
# runs in a JVM of its own, in three setups:
#   1. natives classifier ${os.detected.classifier}: the native engine loads from that jar;
#   2. no natives jar: the Java engine, and the reason says what to add;
#   3. a natives jar of another platform only: the Java engine, and a warning names that jar;
#   4. circuitsynth-all, when the bundle has it (a release of all five platforms).
# Both engines must print the same pins. Artifacts go to a private local repository under
# WORK_DIR (read-only tail: ~/.m2/repository), never into ~/.m2 itself. CONSUMER_EXTRA_JAVA
# names more java executables that must load the natives too.
#
# Usage: scripts/consumer-it.sh STAGED_REPO_DIR VERSION PLATFORM WORK_DIR
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "$1" && pwd)"
version="$2"
platform="$3"
work="$4"

case "$platform" in
  windows-*) lib=circuitsynth.dll ;;
  osx-*) lib=libcircuitsynth.dylib ;;
  *) lib=libcircuitsynth.so ;;
esac
# The other platform of setup 3. This machine builds only its own natives, so that jar is this
# platform's jar relabelled (entries and CircuitSynth-Native-Platform): all the loader reads to
# name a jar it cannot use.
case "$platform" in
  linux-x86_64) foreign=linux-aarch_64 ;;
  *) foreign=linux-x86_64 ;;
esac

rm -rf "$work"
mkdir -p "$work"
project="$work/project"
cp -R "$root/integration-tests/consumer" "$project"
mkdir -p "$project/.mvn/wrapper"
cp "$root/.mvn/wrapper/maven-wrapper.properties" "$project/.mvn/wrapper/"
cp "$root/mvnw" "$project/"
m2="$work/m2"
sample="$root/examples/sample.kicad_sym"
natives_dir="$m2/io/circuitsynth/circuitsynth-natives/$version"

passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
# expect_line FILE LINE: FILE holds exactly that line.
expect_line() {
  if grep -qxF -- "$2" "$1"; then pass; else fail "$(basename "$1") lacks the line: $2"; echo "--- $1:"; cat "$1"; fi
}

build() {
  local staged="$1"
  shift
  (cd "$project" && ./mvnw -B -ntp -q -Dmaven.repo.local="$m2" -Dmaven.repo.local.tail="$HOME/.m2/repository" \
    -Dstaged.repo="file://$staged" -Dcircuitsynth.version="$version" "$@" clean package)
  # The library must come from the staged bundle, not from anything already in ~/.m2.
  if grep -q "$m2/io/circuitsynth/circuitsynth/$version/circuitsynth-$version.jar" "$project/target/classpath.txt"; then
    pass
  else
    fail "circuitsynth was not resolved from the staged repository: $(cat "$project/target/classpath.txt")"
  fi
}

# run NAME [JVM options]: runs the consumer with $java; NAME.out, NAME.err and NAME.rc under WORK_DIR.
java=java
run() {
  local name="$1"
  shift
  local rc=0
  "$java" -cp "$project/target/classes:$(cat "$project/target/classpath.txt")" \
    -Dcircuitsynth.native.extractDir="$work/extract" "$@" \
    example.Consumer "$sample" R_Sample > "$work/$name.out" 2> "$work/$name.err" || rc=$?
  echo "$rc" > "$work/$name.rc"
}

echo "consumer: setup 1, natives classifier \${os.detected.classifier}"
build "$repo" -P natives
jar="$natives_dir/circuitsynth-natives-$version-$platform.jar"
sha12="$(unzip -p "$jar" "natives/$platform/$lib.sha256" | cut -c1-12)"
run native
expect_line "$work/native.rc" 0
expect_line "$work/native.out" "version: $version"
expect_line "$work/native.out" "engine: NATIVE"
expect_line "$work/native.out" "platform: $platform"
expect_line "$work/native.out" "reason: loaded $work/extract/$version-$sha12/$platform/$lib from $jar"
run native-required -Dcircuitsynth.engine=native
expect_line "$work/native-required.out" "engine: NATIVE"
# CONSUMER_EXTRA_JAVA: more java executables (e.g. another JDK) that must load the same natives.
n=0
for extra_java in ${CONSUMER_EXTRA_JAVA:-}; do
  n=$((n + 1))
  java="$extra_java" run "native-extra-$n" -Dcircuitsynth.engine=native
  echo "  with $("$extra_java" -version 2>&1 | head -1)"
  expect_line "$work/native-extra-$n.out" "engine: NATIVE"
done

echo "consumer: setup 2, no natives jar"
build "$repo"
run java
missing="no natives/$platform/$lib on the class path; add io.circuitsynth:circuitsynth-natives with classifier $platform (in Maven: <classifier>\${os.detected.classifier}</classifier>)"
expect_line "$work/java.rc" 0
expect_line "$work/java.out" "engine: JAVA"
expect_line "$work/java.out" "reason: native engine unusable: $missing"
expect_line "$work/java.err" "[main] INFO io.circuitsynth.internal.Engines - CircuitSynth $version uses the Java engine on $platform: native engine unusable: $missing"
if diff <(grep '^pin ' "$work/native.out") <(grep '^pin ' "$work/java.out") > /dev/null \
    && [ "$(grep -c '^pin ' "$work/java.out")" -gt 0 ]; then
  pass
else
  fail "the engines read different pins: $(grep '^pin ' "$work/native.out" | tr '\n' ';') vs $(grep '^pin ' "$work/java.out" | tr '\n' ';')"
fi
run java-required -Dcircuitsynth.engine=native
if [ "$(cat "$work/java-required.rc")" != 0 ] \
    && grep -qF "circuitsynth.engine=native but the native engine is unusable on $platform: $missing" "$work/java-required.err"; then
  pass
else
  fail "circuitsynth.engine=native without natives did not fail with the reason"; cat "$work/java-required.err"
fi

echo "consumer: setup 3, natives jar for $foreign only"
cp -R "$repo" "$work/repo-foreign"
relabel="$work/relabel"
mkdir -p "$relabel"
(cd "$relabel" && unzip -q "$repo/io/circuitsynth/circuitsynth-natives/$version/circuitsynth-natives-$version-$platform.jar")
mv "$relabel/natives/$platform" "$relabel/natives/$foreign"
sed -i.bak "s/^CircuitSynth-Native-Platform: [^[:space:]]*/CircuitSynth-Native-Platform: $foreign/" "$relabel/META-INF/MANIFEST.MF"
rm -f "$relabel/META-INF/MANIFEST.MF.bak"
(cd "$relabel" && jar --create --file "$work/repo-foreign/io/circuitsynth/circuitsynth-natives/$version/circuitsynth-natives-$version-$foreign.jar" \
  --manifest META-INF/MANIFEST.MF natives)
build "$work/repo-foreign" -P foreign-natives -Dforeign.classifier="$foreign"
run foreign
foreign_jar="$natives_dir/circuitsynth-natives-$version-$foreign.jar"
wrong="no natives/$platform/$lib on the class path; the class path holds natives for another platform: $foreign_jar (for $foreign); add io.circuitsynth:circuitsynth-natives with classifier $platform (in Maven: <classifier>\${os.detected.classifier}</classifier>)"
expect_line "$work/foreign.rc" 0
expect_line "$work/foreign.out" "engine: JAVA"
expect_line "$work/foreign.out" "reason: native engine unusable: $wrong"
expect_line "$work/foreign.err" "[main] WARN io.circuitsynth.natives.NativeLoader - Native engine unusable, Java engine only: $wrong"

if [ -d "$repo/io/circuitsynth/circuitsynth-all/$version" ]; then
  echo "consumer: setup 4, circuitsynth-all (every platform, one dependency)"
  build "$repo" -P all
  run all
  expect_line "$work/all.rc" 0
  expect_line "$work/all.out" "engine: NATIVE"
  expect_line "$work/all.out" "reason: loaded $work/extract/$version-$sha12/$platform/$lib from $jar"
  for p in linux-x86_64 linux-aarch_64 osx-x86_64 osx-aarch_64 windows-x86_64; do
    if grep -q "circuitsynth-natives-$version-$p.jar" "$project/target/classpath.txt"; then pass; else fail "circuitsynth-all did not bring the $p natives"; fi
  done
else
  echo "consumer: setup 4 skipped: this bundle has no circuitsynth-all (it needs all five platforms)"
fi

echo "consumer: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
