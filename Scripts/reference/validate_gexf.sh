#!/usr/bin/env bash
# Validates GEXF files against the GEXF 1.3 schema with xmllint (apt-get install -y libxml2-utils).
#
#   Scripts/reference/validate_gexf.sh [FILE.gexf …]
#
# Without files, writes the dynamic GEXF of Tests/Fixtures/waves/northbridge_dated
# (partnernet convert --dynamic) and the static GEXF of Datasets/northbridge, and validates
# both. The schema is read from Tests/Fixtures/gexf-1.3/ (its README says where the files
# come from): gexf.xsd with `xmllint --schema` when it compiles; otherwise (the published
# 1.3 XSD does not compile in libxml2: its graph, node and edge types are not defined)
# the RELAX NG grammar gexf.rng (with dynamics.rng and viz.rng) with `xmllint --relaxng`,
# after removing the xsi:schemaLocation attribute, which belongs to XML Schema and which
# RELAX NG does not know. Exit status 0 when every file validates.
set -euo pipefail
cd "$(dirname "$0")/../.."
schema=Tests/Fixtures/gexf-1.3
command -v xmllint >/dev/null || { echo "xmllint is missing: apt-get install -y libxml2-utils" >&2; exit 2; }
if [ ! -f "$schema/gexf.xsd" ] && [ ! -f "$schema/gexf.rng" ]; then
    echo "no GEXF 1.3 schema in $schema: see $schema/README.md" >&2
    exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
    partnernet=${PARTNERNET:-.build/debug/partnernet}
    "$partnernet" convert Tests/Fixtures/waves/northbridge_dated -o "$work/northbridge_dated.gexf" --dynamic -q
    "$partnernet" convert Datasets/northbridge -o "$work/northbridge.gexf" -q
    files=("$work/northbridge_dated.gexf" "$work/northbridge.gexf")
fi
status=0
use_xsd=no
if [ -f "$schema/gexf.xsd" ] && xmllint --noout --schema "$schema/gexf.xsd" /dev/null 2>&1 | grep -qv "failed to compile"; then
    use_xsd=yes
fi
for file in "${files[@]}"; do
    if [ "$use_xsd" = yes ]; then
        echo "xmllint --schema $schema/gexf.xsd $file"
        xmllint --noout --schema "$schema/gexf.xsd" "$file" || status=1
    else
        plain="$work/$(basename "$file" .gexf).plain.gexf"
        sed -e 's/ xmlns:xsi="[^"]*"//' -e 's/ xsi:schemaLocation="[^"]*"//' "$file" > "$plain"
        echo "xmllint --relaxng $schema/gexf.rng $file"
        xmllint --noout --relaxng "$schema/gexf.rng" "$plain" || status=1
    fi
done
exit $status
