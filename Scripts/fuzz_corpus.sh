#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets, Fuzz/corpus/<target>/, from the repository's
# fixtures (Tests/Fixtures/**, Datasets/**) and the few seeds committed in Fuzz/seeds/<target>/
# (forms no fixture is written in). Each seed is named by the SHA-1 of its bytes, so running
# this again adds only what is new and keeps what the fuzzer found. Files over 64 KB are left
# out: big seeds slow every iteration and add little the small ones do not.
#
#   bash Scripts/fuzz_corpus.sh
#
# The area folder target reads one input as five files, split at 0xFF bytes:
# organisations.csv, relationships.csv, partnerships.csv, memberships.csv, area.json; an
# empty part leaves its file out (see Docs/FUZZING.md).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=Fuzz/corpus
limit=65536

# add TARGET FILE: copies FILE into TARGET's corpus under its hash.
add() {
  local size
  size=$(wc -c <"$2")
  [ "$size" -le "$limit" ] || return 0
  mkdir -p "$corpus/$1"
  cp "$2" "$corpus/$1/$(sha1sum "$2" | cut -c1-40)"
}

# files EXTENSION...: the fixture and dataset files with one of these extensions.
files() {
  local pattern=()
  for extension in "$@"; do pattern+=(-o -iname "*.$extension"); done
  find Tests/Fixtures Datasets Fuzz/seeds -type f \( -false "${pattern[@]}" \) ! -name '*.expected' | sort
}

for file in $(files graphml); do add graphml "$file"; done
for file in $(files gexf); do add gexf "$file"; done
for file in $(files dl); do add dl "$file"; done
for file in $(files net paj); do add pajek "$file"; done
for file in $(files dot gv); do add dot "$file"; done
# Edge lists: the formats' own, and every relationships table (a header edge list).
for file in $(files edgelist edges tsv) $(find Tests/Fixtures/formats Tests/Fixtures/broken-formats Fuzz/seeds -iname '*.csv' -o -iname '*.txt' | grep -vi readme | sort) \
  $(find Tests/Fixtures Datasets -iname relationships.csv | sort); do
  add edgelist "$file"
done
# JSON areas: the committed seeds, and every area.json (metadata only: a JSON area's keys).
for file in $(find Fuzz/seeds/json -type f 2>/dev/null | sort) $(find Tests/Fixtures Datasets -iname area.json | sort); do
  add json "$file"
done

# Area folders: any folder holding one of the area files.
scratch=$(mktemp)
trap 'rm -f "$scratch"' EXIT
separator=$(printf '\377')
for folder in $(find Tests/Fixtures Datasets -type f \( -iname organisations.csv -o -iname relationships.csv \
  -o -iname partnerships.csv -o -iname memberships.csv -o -iname area.json \) -printf '%h\n' | sort -u); do
  : >"$scratch"
  first=1
  for name in organisations.csv relationships.csv partnerships.csv memberships.csv area.json; do
    [ "$first" = 1 ] || printf '%s' "$separator" >>"$scratch"
    first=0
    match=$(find "$folder" -maxdepth 1 -type f -iname "$name" | head -n 1)
    if [ -n "$match" ]; then cat "$match" >>"$scratch"; fi
  done
  add folder "$scratch"
done

# Edge lists with a nodes table (--nodes-file): each area's relationships and organisations,
# split at 0xFF.
for folder in $(find Tests/Fixtures Datasets -type f -iname relationships.csv -printf '%h\n' | sort -u); do
  [ -f "$folder/organisations.csv" ] || continue
  { cat "$folder/relationships.csv"; printf '%s' "$separator"; cat "$folder/organisations.csv"; } >"$scratch"
  add nodes "$scratch"
done

# Surveys: a flags byte (0: long, no scale), then the roster and the responses, for the
# bundled survey and the generated ones; and the Northbridge survey with a scale file.
for folder in $(find Tests/Fixtures Datasets -type f -name responses.csv -printf '%h\n' | sort -u); do
  [ -f "$folder/roster.csv" ] || continue
  { printf '\000'; cat "$folder/roster.csv"; printf '%s' "$separator"; cat "$folder/responses.csv"; } >"$scratch"
  add survey "$scratch"
done
if [ -f Datasets/northbridge_survey/roster.csv ]; then
  { printf '\002'; cat Datasets/northbridge_survey/roster.csv; printf '%s' "$separator"
    cat Datasets/northbridge_survey/responses.csv; printf '%s' "$separator"
    printf 'question,label,value\n*,weekly,3\ntrust,low,1\ntrust,high,4\n'; } >"$scratch"
  add survey "$scratch"
fi

for target in folder json graphml gexf dl pajek edgelist dot nodes survey; do
  printf '%-9s %4d seeds\n' "$target" "$(find "$corpus/$target" -type f 2>/dev/null | wc -l)"
done
