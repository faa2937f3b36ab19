#!/usr/bin/env bash
# Lints .github/workflows with actionlint (which also runs shellcheck over every `run:` script
# when it is on PATH) and zizmor (security audits, offline), both pinned. Installs missing
# tools into TOOLS_DIR (default: target/tools): actionlint through the Go module proxy
# (`go install`), zizmor from PyPI into a virtual environment.
set -euo pipefail
cd "$(dirname "$0")/.."

ACTIONLINT_VERSION=v1.7.12
ZIZMOR_VERSION=1.32.0
tools="${TOOLS_DIR:-$PWD/target/tools}"
mkdir -p "$tools/bin"
export PATH="$tools/bin:$tools/zizmor/bin:$PATH"

if ! actionlint -version 2>/dev/null | grep -qx "${ACTIONLINT_VERSION#v}"; then
  GOBIN="$tools/bin" go install "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION"
fi
if ! zizmor --version 2>/dev/null | grep -qx "zizmor $ZIZMOR_VERSION"; then
  python3 -m venv "$tools/zizmor"
  "$tools/zizmor/bin/pip" install --quiet --disable-pip-version-check "zizmor==$ZIZMOR_VERSION"
fi

if command -v shellcheck >/dev/null 2>&1; then
  echo "actionlint $(actionlint -version | head -1), with $(shellcheck --version | sed -n 's/^version: /shellcheck /p')"
else
  echo "actionlint $(actionlint -version | head -1), without shellcheck (not on PATH): run: scripts are not checked"
fi
workflows=(.github/workflows/*.yml)
actionlint -no-color "${workflows[@]}"
echo "actionlint: ${#workflows[@]} workflows clean"

zizmor --version
NO_COLOR=1 zizmor --offline --no-progress .github/workflows
