#!/usr/bin/env bash
# Shows that the Graphviz binding does not leak: runs parse + layout + render cycles under
# valgrind's memcheck at two counts, groups the memory lost by where it was allocated, and
# lists every place whose loss grows with the number of cycles. A leak in the binding would
# grow with the cycles at an allocation made by PartnerNet's code; one-off allocations of
# Graphviz, fontconfig and pango (caches made once) do not grow.
#
#   bash Scripts/graphviz_leaks.sh [CYCLES [AREA]]
#
# CYCLES defaults to 1000 (the small run is CYCLES / 10); AREA to Krackhardt's kite, small
# enough for 1,000 cycles under valgrind in a few minutes (Datasets/northbridge works too).
# Workloads: the area's plain DOT with the dot and neato layouts, and its partnership
# diagram (an HTML-like legend) with neato. Each cycle also parses the DOT once and fails to
# parse a broken one, so the error path is exercised too.
#
# Seen with Graphviz 2.43: the places that grow are all inside Graphviz (dot's
# new_virtual_edge, neato_layout, the HTML label parser) or fontconfig; Graphviz's own `dot`
# program loses memory at new_virtual_edge too (valgrind dot -Tsvg).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh
command -v valgrind >/dev/null || { apt-get install -y -qq valgrind >/dev/null; }
cycles="${1:-1000}"
area="${2:-Datasets/krackhardt_kite}"
small=$((cycles / 10))
swift build -c release --package-path Benchmarks >/dev/null
bench=Benchmarks/.build/release/partnernet-bench

# One line per loss record: bytes lost (direct + indirect) and the first three frames
# below the allocator, as the record's place.
losses() {
  valgrind --leak-check=full --num-callers=30 "$bench" graphviz-cycles "$area" --cycles "$1" $2 2>&1 >/dev/null |
    awk '
      /(definitely|indirectly) lost in loss record/ {
        split($0, a, "== "); line = a[2]; gsub(",", "", line); split(line, w, " "); bytes = w[1]
        place = ""; frames = 0
        while ((getline) > 0 && $0 ~ /(at|by) 0x/) {
          if ($0 ~ /malloc|calloc|realloc|vgpreload|grealloc|gmalloc|zmalloc|strdup|swift_slowAlloc|swift_allocObject/) continue
          if (frames < 3) { sub(/.*: /, ""); sub(/ \(in .*/, ""); place = place (frames ? " < " : "") $0; frames++ }
        }
        total[place] += bytes
      }
      END { for (p in total) print total[p] "\t" p }'
}

status=0
for workload in "dot:" "neato:" "neato:--diagram"; do
  layout="${workload%%:*}"; extra="${workload#*:}"
  name="$layout${extra:+ diagram}"
  losses "$small" "--layout $layout $extra" | sort -t$'\t' -k2 > /tmp/partnernet-leaks-small
  losses "$cycles" "--layout $layout $extra" | sort -t$'\t' -k2 > /tmp/partnernet-leaks-large
  report=$(join -t$'\t' -1 2 -2 2 -a 2 -e 0 -o 0,1.1,2.1 /tmp/partnernet-leaks-small /tmp/partnernet-leaks-large |
    awk -F'\t' -v n="$((cycles - small))" '$3 - $2 > 0 { printf "    +%d B (%.1f B/cycle) at %s\n", $3 - $2, ($3 - $2) / n, $1 }')
  binding=$(printf '%s\n' "$report" | grep -c "PartnerNet" || true)
  grown=$(printf '%s\n' "$report" | awk '{gsub(/[+B]/, "", $1); s += $1} END {print s + 0}')
  echo "$name: $small vs $cycles cycles: lost memory grew by $grown B; places in PartnerNet's code that grew: $binding"
  [ -n "$report" ] && printf '%s\n' "$report"
  [ "$binding" -eq 0 ] || status=1
done
exit $status
