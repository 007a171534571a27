#!/usr/bin/env bash
# Writes the report on every bundled dataset (and on the synthetic collection) and takes a
# full-page screenshot of each in headless Chromium, to look at: nothing should overflow,
# the diagram should be legible and the tables should fit. Needs Debian's chromium
# (apt-get install -y chromium); not part of CI.
#   bash Scripts/screenshot_reports.sh [OUTPUT-FOLDER]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-reports/screenshots}"
command -v chromium >/dev/null || { echo "error: chromium is not installed (apt-get install -y chromium)" >&2; exit 1; }
swift build -c release --product partnernet 2>&1 | grep -v '^\[' >&2 || true
partnernet=".build/release/partnernet"
mkdir -p "$out"
shoot() {  # folder-with-index.html name width
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$3",2400 \
        --screenshot="$out/$2-$3.png" "file://$(cd "$1" && pwd)/index.html" >/dev/null 2>&1
}
for area in Datasets/*/; do
    name=$(basename "$area")
    [ -f "$area/organisations.csv" ] || continue
    "$partnernet" report "$area" -o "$out/$name" --permutations 1000 --quiet 2>/dev/null
    shoot "$out/$name" "$name" 1280
    shoot "$out/$name" "$name" 420
    echo "$out/$name-1280.png $out/$name-420.png"
done
"$partnernet" report Datasets/synthetic -o "$out/synthetic" --permutations 200 --quiet 2>/dev/null || true
shoot "$out/synthetic" synthetic 1280
echo "$out/synthetic-1280.png"
