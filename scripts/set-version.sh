#!/usr/bin/env bash
# Sets the version of every module (all pom.xml files under the current directory) from the
# current one to VERSION, e.g. `scripts/set-version.sh 0.1.0` before a release build. The Cargo
# workspace version must already equal VERSION without -SNAPSHOT: the loader's handshake compares
# the two, and this script refuses to go on otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

new="${1:?usage: scripts/set-version.sh VERSION}"
current="$(scripts/project-version.sh)"
cargo="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version *= *"\(.*\)"/\1/p' rust-crates/Cargo.toml)"
if [ "${new%-SNAPSHOT}" != "$cargo" ]; then
  echo "set-version: $new does not match the Cargo workspace version $cargo (rust-crates/Cargo.toml);" \
       "change both together" >&2
  exit 1
fi
[ "$new" = "$current" ] && exit 0

# Every module names the version exactly twice at most: its parent's and its own (the BOM only
# its own). Nothing else in the poms uses this exact string.
find . -name pom.xml -not -path '*/target/*' -print0 | while IFS= read -r -d '' pom; do
  sed -i.bak "s#<version>${current//./\\.}</version>#<version>${new}</version>#g" "$pom" && rm -f "$pom.bak"
done
left="$(grep -rl --include=pom.xml "<version>${current}</version>" . | grep -v '/target/' || true)"
if [ -n "$left" ]; then
  echo "set-version: $current is still in: $left" >&2
  exit 1
fi
echo "version $current -> $new"
