#!/usr/bin/env bash
# Prints the project's version, as the parent pom.xml declares it.
set -euo pipefail
cd "$(dirname "$0")/.."
awk '/<artifactId>circuitsynth-parent<\/artifactId>/ { found = 1 }
     found && /<version>/ { sub(/.*<version>/, ""); sub(/<\/version>.*/, ""); print; exit }' pom.xml
