#!/usr/bin/env bash
# Builds the fuzz targets (Fuzz/, libFuzzer with the address sanitizer) and runs each for
# SECONDS (default 60), one at a time in one process, on its corpus Fuzz/corpus/<target>/
# (seeded by Scripts/fuzz_corpus.sh; what the fuzzer finds is added there). Prints, per
# target, the executions, coverage (libFuzzer's cov: edges, ft: features), corpus size and
# time, and exits 1 if any target crashed, leaked, hung or ran out of memory; the input that
# did it is saved in Fuzz/crashes/<target>/ and its path printed. See Docs/FUZZING.md.
#
#   bash Scripts/fuzz.sh [SECONDS [TARGET...]]
#
# TARGET: folder json graphml gexf dl pajek edgelist dot nodes survey (default: all). Extra libFuzzer
# options can be given in FUZZ_OPTIONS, e.g. FUZZ_OPTIONS=-seed=1.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(folder json graphml gexf dl pajek edgelist dot nodes survey)

bash Scripts/setup.sh
# Release (-O): three to four times the executions of a debug build, and the checks that
# matter are kept (bounds, overflow, preconditions; the readers use no assert()).
# SwiftPM's --sanitize options reach the compiler as separate -sanitize= flags, of which only
# the last (address) survives, leaving the code without coverage; so the pair is given in
# one flag. --sanitize=fuzzer is still needed so that SwiftPM links libFuzzer's main.
build=(swift build --package-path Fuzz -c release --sanitize=fuzzer
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
logs=Fuzz/.build/logs
mkdir -p "$logs"
started=$(date +%s)
echo "building the fuzz targets (sanitized; a few minutes the first time)…"
# ld.gold warns once per sanitizer helper it cannot export: noise, left out of the output.
if ! nice -n 10 "${build[@]}" >"$logs/build.log" 2>&1; then
  grep -v "Cannot export local symbol" "$logs/build.log" >&2
  echo "error: the fuzz targets did not build" >&2
  exit 1
fi
fuzzer="$("${build[@]}" --show-bin-path)/partnernet-fuzz"
echo "built in $(($(date +%s) - started)) s: $fuzzer"
bash Scripts/fuzz_corpus.sh >/dev/null

failed=()
rows=()
for target in "${targets[@]}"; do
  mkdir -p "Fuzz/corpus/$target" "Fuzz/crashes/$target"
  log="$logs/$target.log"
  echo "fuzzing $target for $seconds s…"
  started=$(date +%s)
  status=0
  # The words each reader looks for (libFuzzer cannot see inside Swift's string comparisons).
  dictionary=()
  [ -f "Fuzz/dictionaries/$target.dict" ] && dictionary=(-dict="Fuzz/dictionaries/$target.dict")
  # -timeout: an input taking 30 s is a hang (the readers are linear; an input takes well
  # under a millisecond). Leaks that are not PartnerNet's (Foundation, Graphviz, Swift's
  # global constants) are suppressed in Fuzz/lsan.supp. SWIFT_BACKTRACE: a trap is left to
  # libFuzzer, which saves the input (Swift's own backtracer trips the address sanitizer).
  # shellcheck disable=SC2086
  SWIFT_BACKTRACE=enable=no LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0" \
    PARTNERNET_FUZZ_TARGET="$target" \
    nice -n 10 "$fuzzer" "Fuzz/corpus/$target" -max_total_time="$seconds" -print_final_stats=1 -timeout=30 \
    -artifact_prefix="Fuzz/crashes/$target/" "${dictionary[@]}" ${FUZZ_OPTIONS:-} >"$log" 2>&1 || status=$?
  elapsed=$(($(date +%s) - started))
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  coverage=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -n 1 | awk '{print $2 "/" $4}')
  files=$(find "Fuzz/corpus/$target" -type f | wc -l)
  size=$(du -sk "Fuzz/corpus/$target" | cut -f1)
  result=ok
  if [ "$status" -ne 0 ]; then
    result="FAILED (exit $status)"
    failed+=("$target")
    grep -E '^==[0-9]+==ERROR|^SUMMARY|Fatal error|deadly signal|ALARM|out-of-memory' "$log" | head -n 5 || true
    grep -o 'Test unit written to .*' "$log" | sed "s|^|$target: |" || true
    echo "full log: $log"
  fi
  rows+=("$(printf '%-9s %12s %13s %7s %8s %6ss  %s' "$target" "${executions:-?}" "${coverage:-?}" \
    "$files" "${size}K" "$elapsed" "$result")")
done

printf '\n%-9s %12s %13s %7s %8s %7s  %s\n' target executions "cov/ft" files corpus time result
printf '%s\n' "${rows[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "error: ${failed[*]} failed; the inputs are in Fuzz/crashes/ (see Docs/FUZZING.md)" >&2
  exit 1
fi
