#!/usr/bin/env bash
# The main job on a bundled dataset: checks the illustrative Northbridge partnership area,
# summarises it and ranks its organisations. Installs what is missing and builds first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh
swift build -c release --product partnernet 2>&1 | grep -v '^\[' >&2 || true
partnernet=".build/release/partnernet"
[ -x "$partnernet" ] || { echo "error: the build did not produce $partnernet" >&2; exit 1; }
area="${1:-Datasets/northbridge}"
"$partnernet" validate "$area"
echo
"$partnernet" summary "$area"
echo
echo "Who holds the most ties (all relations):"
"$partnernet" centrality "$area" --attributes name,sector --metrics degree,in_degree,out_degree,degree_centrality --sort degree --top 10
