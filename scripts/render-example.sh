#!/bin/sh
# Renders the example board for the README: generates it with the built CLI, plots every sheet
# with kicad-cli (SVG), and converts the MCU sheet to docs/example-board-mcu.png with cairosvg.
# Run from the repository root after `./mvnw -B -q package -DskipTests`.
set -eu
out=build/example
svg=build/example-svg
java -jar cli/target/circuitsynth.jar example -o "$out"
rm -rf "$svg"
mkdir -p "$svg"
(cd "$out" && kicad-cli sch export svg -o "$(pwd)/../../$svg" example.kicad_sch)
cairosvg "$svg/example-MCU.svg" -o docs/example-board-mcu.png -W 1800
echo "wrote docs/example-board-mcu.png (every sheet's SVG is in $svg)"
