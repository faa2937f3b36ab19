#!/usr/bin/env bash
# The release workflow's merge job, run in a checkout whose poms already carry the release
# version (scripts/set-version.sh): the five classifier jars the OS jobs staged in
# target/staged-natives are attached unchanged (profile release-merge), the sources, javadoc and
# SBOMs are built, everything is signed, and central-publishing-maven-plugin makes one bundle.
#
#   rehearse: uploads it to scripts/FakeCentralPortal.java on loopback, then checks what was
#             uploaded: layout with all five platforms (CheckBundle), every signature (gpg), and
#             the consumer integration test against it. Result: target/release-bundle/.
#   publish:  the same build, uploaded to the Central Portal, where it waits for someone to press
#             Publish (autoPublish=false). Builds are reproducible: only the signatures differ
#             from the rehearsed bundle.
#
# Environment: MAVEN_GPG_KEY (armored secret key), MAVEN_GPG_PASSPHRASE; for publish also
# CENTRAL_TOKEN_USERNAME and CENTRAL_TOKEN_PASSWORD (a Central Portal user token).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mode="${1:?usage: scripts/release-bundle.sh rehearse|publish}"
work="$root/target/release-bundle"
version="$(scripts/project-version.sh)"
case "$version" in *-SNAPSHOT) echo "release-bundle: $version is a snapshot; run scripts/set-version.sh first" >&2; exit 1 ;; esac
platforms=linux-x86_64,linux-aarch_64,osx-x86_64,osx-aarch_64,windows-x86_64
for p in ${platforms//,/ }; do
  staged="target/staged-natives/circuitsynth-natives-$version-$p.jar"
  [ -f "$staged" ] || { echo "release-bundle: $staged is missing" >&2; exit 1; }
done
: "${MAVEN_GPG_KEY:?the armored secret signing key}"

published=".,conformance,rust-crates,natives-linux,java-api,cli,all-platforms,bom"
release_build() {
  ./mvnw -B -ntp -s scripts/release-settings.xml -Dmaven.install.skip=true \
    -P release,release-merge deploy -DskipTests -Dcargo.skipBuild=true \
    -Dnatives.stagedDir="$root/target/staged-natives" -pl "$published" "$@"
}

case "$mode" in
  rehearse)
    rm -rf "$work"
    mkdir -p "$work"
    java scripts/FakeCentralPortal.java "$work/portal.port" "$work/portal" rehearsal:rehearsal-token &
    portal=$!
    trap 'kill "$portal" 2>/dev/null || true' EXIT
    for _ in $(seq 1 150); do [ -s "$work/portal.port" ] && break; sleep 0.2; done
    [ -s "$work/portal.port" ] || { echo "release-bundle: the fake Central Portal did not start" >&2; exit 1; }
    CENTRAL_TOKEN_USERNAME=rehearsal CENTRAL_TOKEN_PASSWORD=rehearsal-token \
      release_build -Dcentral.baseUrl="http://127.0.0.1:$(cat "$work/portal.port")"
    cat "$work/portal/upload.txt"
    mkdir -p "$work/repo"
    (cd "$work/repo" && unzip -q "$work/portal/central-bundle.zip")

    failed=0
    java scripts/CheckBundle.java "$work/repo" "$version" "$platforms" || failed=1

    export GNUPGHOME="$work/gnupg"
    mkdir -m 700 "$GNUPGHOME"
    gpg --batch --quiet --pinentry-mode loopback --passphrase "${MAVEN_GPG_PASSPHRASE:-}" --import <<< "$MAVEN_GPG_KEY"
    signatures=0
    bad=0
    while IFS= read -r -d '' asc; do
      signatures=$((signatures + 1))
      gpg --batch --quiet --verify "$asc" "${asc%.asc}" 2>/dev/null || { echo "FAIL: ${asc#"$work/repo/"} does not verify"; bad=$((bad + 1)); }
    done < <(find "$work/repo" -name '*.asc' -print0)
    echo "signatures: $((signatures - bad)) passed, $bad failed"
    [ "$signatures" -gt 0 ] && [ "$bad" -eq 0 ] || failed=1

    scripts/consumer-it.sh "$work/repo" "$version" linux-x86_64 "$work/consumer" || failed=1
    exit "$failed"
    ;;
  publish)
    : "${CENTRAL_TOKEN_USERNAME:?the Central Portal user token name}" "${CENTRAL_TOKEN_PASSWORD:?the Central Portal user token}"
    release_build
    ;;
  *)
    echo "usage: scripts/release-bundle.sh rehearse|publish" >&2
    exit 2
    ;;
esac
