#!/usr/bin/env bash
# Shows that the Graphviz binding does not leak: runs parse + layout + render cycles under
# valgrind's memcheck at two counts, groups the memory lost by where it was allocated, and
# lists every place whose loss grows with the number of cycles. Growth is the binding's
# unless the allocation was made inside Graphviz's own layout or text code without passing
# through a call whose memory the binding must free (gvRenderData, gvFreeLayout, aglasterr,
# agmemread, agclose). Exit status 1 when the binding's growth is not zero.
#
# Checked by breaking the binding on purpose: without gvFreeRenderData, free(aglasterr()) or
# gvFreeLayout, each shows as "binding" growth (8 KB, 24 B and 104 B per cycle).
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

# One line per loss record: bytes lost (direct + indirect), whether the allocation was made
# inside Graphviz's own layout or text-measuring code (layout engines, the HTML-label parser,
# pango and fontconfig, reached without passing through the calls whose memory the binding
# must free), and the first three frames below the allocator, as the record's place.
losses() {
  valgrind --leak-check=full --num-callers=40 "$bench" graphviz-cycles "$area" --cycles "$1" $2 2>&1 >/dev/null |
    awk '
      function flush() {
        if (place == "") return
        owner = "binding"
        if (stack ~ /(_layout|htmlparse|make_html_label|textspan_size|FcFont|pango_)/ &&
            stack !~ /(gvRenderData|gvFreeLayout|aglasterr|agmemread|agclose|lastError)/) owner = "graphviz"
        total[owner "\t" place] += bytes
        place = ""
      }
      /(definitely|indirectly) lost in loss record/ {
        flush()
        split($0, a, "== "); line = a[2]; gsub(",", "", line); split(line, w, " "); bytes = w[1]
        place = "?"; stack = ""; frames = 0; collecting = 1
        next
      }
      collecting && /(at|by) 0x/ {
        frame = $0; sub(/.*: /, "", frame); stack = stack " " frame
        if (frame ~ /malloc|calloc|realloc|vgpreload|grealloc|gmalloc|zmalloc|strdup|swift_slowAlloc|swift_allocObject/) next
        sub(/ \(in .*/, "", frame)
        if (frames < 3) { place = (frames ? place " < " : "") frame; frames++ }
        next
      }
      { collecting = 0 }
      END { flush(); for (p in total) print total[p] "\t" p }'
}

status=0
for workload in "dot:" "neato:" "neato:--diagram"; do
  layout="${workload%%:*}"; extra="${workload#*:}"
  name="$layout${extra:+ diagram}"
  losses "$small" "--layout $layout $extra" | awk -F'\t' '{print $2 "|" $3 "\t" $1}' | sort > /tmp/partnernet-leaks-small
  losses "$cycles" "--layout $layout $extra" | awk -F'\t' '{print $2 "|" $3 "\t" $1}' | sort > /tmp/partnernet-leaks-large
  report=$(join -t$'\t' -a 2 -e 0 -o 0,1.2,2.2 /tmp/partnernet-leaks-small /tmp/partnernet-leaks-large |
    awk -F'\t' -v n="$((cycles - small))" '$3 - $2 > 0 {
      split($1, k, "|"); printf "    %-8s +%d B (%.1f B/cycle) at %s\n", k[1], $3 - $2, ($3 - $2) / n, k[2] }')
  binding=$(printf '%s\n' "$report" | awk '$1 == "binding" {gsub(/[+B]/, "", $2); s += $2} END {print s + 0}')
  graphviz=$(printf '%s\n' "$report" | awk '$1 == "graphviz" {gsub(/[+B]/, "", $2); s += $2} END {print s + 0}')
  echo "$name, $small vs $cycles cycles: growth from the binding $binding B; inside Graphviz's layout and text code $graphviz B"
  [ -n "$report" ] && printf '%s\n' "$report"
  [ "$binding" -eq 0 ] || status=1
done
exit $status
