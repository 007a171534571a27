#!/usr/bin/env bash
# The main job on a bundled dataset: checks the illustrative Northbridge partnership area,
# summarises it, and writes the evaluation report (a self-contained web page, Markdown and
# the tables behind them) to reports/<area>/. Installs what is missing and builds first.
#   bash Scripts/demo.sh [AREA] [OUTPUT-FOLDER]
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh
swift build -c release --product partnernet 2>&1 | grep -v '^\[' >&2 || true
partnernet=".build/release/partnernet"
[ -x "$partnernet" ] || { echo "error: the build did not produce $partnernet" >&2; exit 1; }
area="${1:-Datasets/northbridge}"
output="${2:-reports/$(basename "$area")}"
"$partnernet" validate "$area"
echo
"$partnernet" summary "$area"
echo
"$partnernet" report "$area" -o "$output"
echo
echo "Findings:"
sed -n '/## Summary of findings/,/## The partnership/p' "$output/report.md" | grep '^- '
echo
echo "Open $output/index.html in a browser for the whole report (diagram, tables, methods)."
