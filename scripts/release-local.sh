#!/usr/bin/env bash
# The release, rehearsed on this machine for the platforms it can build (its own): the Maven
# Central bundle exactly as .github/workflows/release.yml builds it, signed with a throwaway GPG
# key made here, then checked three ways:
#   1. layout (scripts/CheckBundle.java): every artifact with pom, jar, sources, javadoc, .asc,
#      .md5, .sha1; classifier jar contents and manifest; BOM; pom metadata; signatures (gpg);
#   2. reproducibility: a second build from another copy of the tree gives byte-identical jars,
#      poms and SBOMs, and the native library rebuilt from another path is byte-identical too;
#   3. consumers (scripts/consumer-it.sh): a small Maven project built against the bundle.
# Nothing is installed into ~/.m2: builds use a private local repository under the work
# directory, reading ~/.m2 only as a read-only tail for third-party artifacts.
#
# Usage: scripts/release-local.sh [-Dglibc.floor=2.17 ...extra Maven flags]
# Environment: RELEASE_WORK (default target/release-local); RELEASE_TESTED_LIB (below); the
# builds reuse the tree's Cargo target directory (or CARGO_TARGET_DIR).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
work="${RELEASE_WORK:-$root/target/release-local}"
extra=("$@")

snapshot="$(scripts/project-version.sh)"
version="${snapshot%-SNAPSHOT}"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x86_64 natives=natives-linux lib=libcircuitsynth.so ;;
  Linux-aarch64) platform=linux-aarch_64 natives=natives-linux lib=libcircuitsynth.so ;;
  Darwin-arm64) platform=osx-aarch_64 natives=natives-macos lib=libcircuitsynth.dylib ;;
  Darwin-x86_64) platform=osx-x86_64 natives=natives-macos lib=libcircuitsynth.dylib ;;
  *) echo "release-local: no natives module builds on $(uname -s) $(uname -m)" >&2; exit 1 ;;
esac

step() { printf '\n--> %s\n' "$*"; }

# A copy of the tree as git sees it (tracked and untracked, not ignored), so local edits count
# and nothing built in the tree leaks in.
copy_tree() {
  local dest="$1"
  mkdir -p "$dest"
  git -C "$root" ls-files -z -co --exclude-standard \
    | while IFS= read -r -d '' f; do [ -e "$root/$f" ] && printf '%s\0' "$f"; done \
    | tar -C "$root" --null -T - -cf - | tar -C "$dest" -xf -
  (cd "$dest" && scripts/set-version.sh "$version" >/dev/null)
}

# The Central Portal's upload and status endpoints on loopback: the plugin's real upload path
# runs, and the bytes it uploads are what the checks read.
portals=()
# shellcheck disable=SC2317 # called by the trap
stop_portals() { for pid in ${portals[@]+"${portals[@]}"}; do kill "$pid" 2>/dev/null || true; done; }
trap stop_portals EXIT
start_portal() {
  local out="$1"
  rm -f "$out.port"
  java "$root/scripts/FakeCentralPortal.java" "$out.port" "$out" rehearsal:rehearsal-token &
  portals+=("$!")
  for _ in $(seq 1 100); do [ -s "$out.port" ] && break; sleep 0.2; done
  [ -s "$out.port" ] || { echo "release-local: the fake Central Portal did not start" >&2; exit 1; }
  portal_url="http://127.0.0.1:$(cat "$out.port")"
}

mvn_private() {
  CENTRAL_TOKEN_USERNAME=rehearsal CENTRAL_TOKEN_PASSWORD=rehearsal-token \
    ./mvnw -B -ntp -s scripts/release-settings.xml -Dcentral.baseUrl="$portal_url" \
    -Dmaven.repo.local="$work/m2" -Dmaven.repo.local.tail="$HOME/.m2/repository" \
    -Dmaven.install.skip=true "$@"
}

rm -rf "$work"
mkdir -p "$work"

step "Throwaway signing key"
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
passphrase="release-rehearsal-$$"
gpg --batch --quiet --pinentry-mode loopback --passphrase "$passphrase" \
  --quick-gen-key "CircuitSynth release rehearsal <release-rehearsal@invalid>" rsa3072 sign 1d
fingerprint="$(gpg --batch --with-colons --list-secret-keys | awk -F: '$1 == "fpr" { print $10; exit }')"
gpg --batch --armor --export "$fingerprint" > "$work/signing-key.pub.asc"
MAVEN_GPG_KEY="$(gpg --batch --pinentry-mode loopback --passphrase "$passphrase" --armor --export-secret-keys "$fingerprint")"
export MAVEN_GPG_KEY MAVEN_GPG_PASSPHRASE="$passphrase"
echo "key $fingerprint"

step "Bundle $version for $platform (build A)"
copy_tree "$work/a"
# RELEASE_TESTED_LIB: the library the test suite ran (CI passes the tree's), which build A must
# reproduce byte for byte.
tested_lib=""
if [ -n "${RELEASE_TESTED_LIB:-}" ]; then
  tested_lib="$work/tested-$lib"
  cp "$RELEASE_TESTED_LIB" "$tested_lib"
fi
# Both builds share the tree's Cargo target directory: the dependencies are reused, and the
# workspace crates are rebuilt from each copy's paths, which must not change a byte. The modules
# that are not published (benchmarks) are left out.
cargo_target="${CARGO_TARGET_DIR:-$root/rust-crates/target}"
published=".,conformance,rust-crates,$natives,java-api,cli,bom"
start_portal "$work/portal-a"
(cd "$work/a" && CARGO_TARGET_DIR="$cargo_target" \
  mvn_private -q -P release deploy -DskipTests -Dcircuitsynth.requireNative=true -pl "$published" "${extra[@]}")
bundle="$work/portal-a/central-bundle.zip"
cat "$work/portal-a/upload.txt"
cmp "$bundle" "$work/a/target/central-publishing/central-bundle.zip"
mkdir -p "$work/repo"
(cd "$work/repo" && jar xf "$bundle")
unset MAVEN_GPG_KEY MAVEN_GPG_PASSPHRASE

failed=0
step "Layout"
java "$root/scripts/CheckBundle.java" "$work/repo" "$version" "$platform" || failed=1

step "Signatures"
signatures=0
bad_signatures=0
while IFS= read -r -d '' asc; do
  signatures=$((signatures + 1))
  if ! gpg --batch --quiet --verify "$asc" "${asc%.asc}" 2>/dev/null; then
    echo "FAIL: ${asc#"$work/repo/"} does not verify"
    bad_signatures=$((bad_signatures + 1))
  fi
done < <(find "$work/repo" -name '*.asc' -print0)
echo "signatures: $((signatures - bad_signatures)) passed, $bad_signatures failed"
[ "$signatures" -gt 0 ] && [ "$bad_signatures" -eq 0 ] || failed=1

step "The checks can fail: a bundle with a checksum missing and a jar changed after signing"
rm -rf "$work/tampered"
cp -R "$work/repo" "$work/tampered"
rm "$work/tampered/io/circuitsynth/circuitsynth/$version/circuitsynth-$version-sources.jar.sha1"
printf 'x' >> "$work/tampered/io/circuitsynth/circuitsynth-cli/$version/circuitsynth-cli-$version.jar"
tampered="$work/tampered/io/circuitsynth/circuitsynth-cli/$version/circuitsynth-cli-$version.jar"
if java "$root/scripts/CheckBundle.java" "$work/tampered" "$version" "$platform" > "$work/tampered.txt"; then
  echo "FAIL: CheckBundle passed a tampered bundle"; failed=1
elif ! grep -qxF "FAIL: circuitsynth lacks [circuitsynth-$version-sources.jar.sha1]" "$work/tampered.txt" \
    || ! grep -qxF "FAIL: circuitsynth-cli-$version.jar.sha1 does not match circuitsynth-cli-$version.jar" "$work/tampered.txt"; then
  echo "FAIL: CheckBundle did not name both defects:"; cat "$work/tampered.txt"; failed=1
elif gpg --batch --quiet --verify "$tampered.asc" "$tampered" 2>/dev/null; then
  echo "FAIL: gpg verified the signature of a changed jar"; failed=1
else
  echo "tampered bundle: 3 passed, 0 failed"
fi

step "Reproducibility (build B: another copy of the tree, unsigned)"
copy_tree "$work/b"
start_portal "$work/portal-b"
# With the tested library given, build A has already rebuilt it from another path and matched
# it; build B then packages A's library instead of compiling it a third time.
rust_b=()
if [ -n "$tested_lib" ]; then
  mkdir -p "$work/b/rust-crates/target/native"
  cp "$work/a/rust-crates/target/native/$lib" "$work/b/rust-crates/target/native/"
  rust_b=(-Dcargo.skipBuild=true)
fi
(cd "$work/b" && CARGO_TARGET_DIR="$cargo_target" \
  mvn_private -q -P release deploy -DskipTests -Dgpg.skip=true -Dcircuitsynth.requireNative=true \
    -pl "$published" ${rust_b[@]+"${rust_b[@]}"} "${extra[@]}")
mkdir -p "$work/repo-b"
(cd "$work/repo-b" && jar xf "$work/portal-b/central-bundle.zip")
compared=0
differ=0
compare() {
  compared=$((compared + 1))
  if ! cmp -s "$1" "$2"; then
    echo "FAIL: $3 differs between the two builds"
    differ=$((differ + 1))
  fi
}
# Everything but the signatures (and their checksums), which carry the signing time.
while IFS= read -r -d '' file; do
  name="${file#"$work/repo/"}"
  case "$name" in *.asc | *.asc.*) continue ;; esac
  if [ -f "$work/repo-b/$name" ]; then
    compare "$file" "$work/repo-b/$name" "$name"
  else
    echo "FAIL: $name is missing from build B"
    differ=$((differ + 1))
  fi
done < <(find "$work/repo" -type f -print0 | sort -z)
if [ -n "$tested_lib" ]; then
  compare "$tested_lib" "$work/a/rust-crates/target/native/$lib" "$lib (the tested tree vs build A)"
fi
if [ -z "$tested_lib" ]; then
  compare "$work/a/rust-crates/target/native/$lib" "$work/b/rust-crates/target/native/$lib" "$lib (build A vs build B)"
fi
echo "reproducibility: $((compared - differ)) passed, $differ failed"
[ "$differ" -eq 0 ] || failed=1

step "Consumers"
"$root/scripts/consumer-it.sh" "$work/repo" "$version" "$platform" "$work/consumer" || failed=1

exit "$failed"
