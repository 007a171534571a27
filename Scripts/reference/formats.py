#!/usr/bin/env python3
"""Network files written by other tools, for PartnerNet's readers to be tested against.

Writes Tests/Fixtures/formats/<tool>_<dataset>.<ext> and Tests/Fixtures/formats/MANIFEST.json.
Each fixture is one bundled dataset (read here with Python's csv and json modules, never with
PartnerNet) handed to a tool's own writer; MANIFEST.json names the tool, its version, the
exact call, the dataset, the relations written and what the format carries, so that the
tests can compare what PartnerNet reads with the original dataset.

  networkx 3.6.1   nx.write_graphml (MultiGraph / MultiDiGraph with typed attributes),
                   nx.write_pajek, nx.write_edgelist (Python-dict data)
  python-igraph    Graph.write_graphml, Graph.write_pajek, Graph.write_ncol
  R sna 2.7        sna::write.dl (DL edgelist1, several matrices separated by "!"), run
                   through Rscript
  Gephi-style      a GraphML file written here following Gephi 0.10's GraphML export
                   (label key, r/g/b/x/y/size keys, Edge Label, float weights); not made by
                   Gephi itself, which cannot run here

The hand-written UCINET DL variants in Tests/Fixtures/formats/ucinet/ are not made by this
script (see the README there).

Run from the repository root:  python3 Scripts/reference/formats.py
Needs: networkx 3.6.1, python-igraph (pip install igraph), R with sna (apt-get install r-cran-sna).
"""

import csv
import json
import os
import subprocess
import sys

import igraph
import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "formats")


def read_area(name):
    folder = os.path.join(ROOT, "Datasets", name)
    with open(os.path.join(folder, "organisations.csv"), newline="", encoding="utf-8") as f:
        organisations = list(csv.DictReader(f))
    with open(os.path.join(folder, "relationships.csv"), newline="", encoding="utf-8") as f:
        relationships = list(csv.DictReader(f))
    meta = {}
    path = os.path.join(folder, "area.json")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            meta = json.load(f)
    return organisations, relationships, meta


def number(text):
    """An int when the text is a whole number, else a float (networkx then types the key)."""
    try:
        return int(text)
    except ValueError:
        return float(text)


def node_attributes(row, numeric):
    attributes = {"sector": row["sector"]}
    if row.get("name"):
        attributes["name"] = row["name"]
    for key in numeric:
        if row.get(key):
            attributes[key] = number(row[key])
    return attributes


manifest = []


def record(file, tool, version, call, dataset, relations, carries, **extra):
    entry = {
        "file": file,
        "tool": tool,
        "version": version,
        "call": call,
        "dataset": dataset,
        "relations": relations,
        "carries": carries,
    }
    entry.update(extra)
    manifest.append(entry)


def networkx_fixtures():
    version = nx.__version__
    # Padgett: undirected, two relations that share pairs, so a MultiGraph.
    organisations, relationships, _ = read_area("padgett_florentine")
    g = nx.MultiGraph()
    for row in organisations:
        g.add_node(row["id"], **node_attributes(row, ["wealth", "priorates", "totalties"]))
    for row in relationships:
        g.add_edge(row["source"], row["target"], weight=float(row["weight"]), relation=row["relation"])
    path = os.path.join(OUT, "networkx_padgett.graphml")
    nx.write_graphml(g, path)
    record(
        "networkx_padgett.graphml", "networkx", version,
        "nx.write_graphml(MultiGraph with node attrs sector, name (str), wealth, priorates, totalties (int); "
        "edge attrs weight (float), relation (str))",
        "padgett_florentine", ["marriage", "business"],
        ["ids", "name", "sector", "columns", "weight", "relation", "direction"],
        columns=["wealth", "priorates", "totalties"])

    # Knoke: directed, two relations, a float column.
    organisations, relationships, _ = read_area("knoke_bureaucracies")
    g = nx.MultiDiGraph()
    for row in organisations:
        g.add_node(row["id"], **node_attributes(row, ["rating"]))
    for row in relationships:
        g.add_edge(row["source"], row["target"], weight=float(row["weight"]), relation=row["relation"])
    nx.write_graphml(g, os.path.join(OUT, "networkx_knoke.graphml"))
    record(
        "networkx_knoke.graphml", "networkx", version,
        "nx.write_graphml(MultiDiGraph with node attrs sector, name (str), rating (float); edge attrs weight, relation)",
        "knoke_bureaucracies", ["information", "money"],
        ["ids", "name", "sector", "columns", "weight", "relation", "direction"], columns=["rating"])

    # Padgett marriage as Pajek: networkx writes string attributes as key-value pairs.
    organisations, relationships, _ = read_area("padgett_florentine")
    g = nx.Graph()
    for row in organisations:
        g.add_node(row["id"], sector=row["sector"])
    for row in relationships:
        if row["relation"] == "marriage":
            g.add_edge(row["source"], row["target"], weight=float(row["weight"]))
    nx.write_pajek(g, os.path.join(OUT, "networkx_padgett_marriage.net"))
    record(
        "networkx_padgett_marriage.net", "networkx", version,
        "nx.write_pajek(Graph of the marriage relation, node attr sector (str), edge attr weight)",
        "padgett_florentine", ["marriage"], ["ids", "sector", "weight", "direction"], relation_as="tie")

    # Zachary as networkx's default edge list: "u v {'weight': 4}".
    organisations, relationships, _ = read_area("zachary_karate")
    g = nx.Graph()
    for row in relationships:
        g.add_edge(row["source"], row["target"], weight=int(row["weight"]), relation=row["relation"])
    nx.write_edgelist(g, os.path.join(OUT, "networkx_zachary.edgelist"))
    record(
        "networkx_zachary.edgelist", "networkx", version,
        "nx.write_edgelist(Graph with edge attrs weight (int), relation) — default data=True",
        "zachary_karate", ["interaction"], ["ids", "weight", "relation"], isolates=False)


def igraph_fixtures():
    version = igraph.__version__
    organisations, relationships, _ = read_area("knoke_bureaucracies")
    ids = [row["id"] for row in organisations]
    index = {v: i for i, v in enumerate(ids)}
    g = igraph.Graph(directed=True)
    g.add_vertices(len(ids))
    g.vs["name"] = ids
    g.vs["sector"] = [row["sector"] for row in organisations]
    g.vs["rating"] = [float(row["rating"]) for row in organisations]
    g.add_edges([(index[r["source"]], index[r["target"]]) for r in relationships])
    g.es["weight"] = [float(r["weight"]) for r in relationships]
    g.es["relation"] = [r["relation"] for r in relationships]
    g.write_graphml(os.path.join(OUT, "igraph_knoke.graphml"))
    record(
        "igraph_knoke.graphml", "python-igraph", version,
        "Graph.write_graphml(directed Graph, vs name/sector (str), rating (float); es weight (float), relation (str))",
        "knoke_bureaucracies", ["information", "money"],
        ["ids", "sector", "columns", "weight", "relation", "direction"], columns=["rating"])

    # Information alone as an ncol edge list ("COUN COMM 1").
    info = g.subgraph_edges(g.es.select(relation="information"), delete_vertices=False)
    info.write_ncol(os.path.join(OUT, "igraph_knoke_information.ncol.txt"), names="name", weights="weight")
    record(
        "igraph_knoke_information.ncol.txt", "python-igraph", version,
        'Graph.write_ncol(names="name", weights="weight") of the information relation',
        "knoke_bureaucracies", ["information"], ["ids", "weight", "direction-by-option"],
        relation_as="tie", isolates=False, directed_option=True)

    organisations, relationships, _ = read_area("zachary_karate")
    ids = [row["id"] for row in organisations]
    index = {v: i for i, v in enumerate(ids)}
    z = igraph.Graph(directed=False)
    z.add_vertices(len(ids))
    z.vs["name"] = ids
    z.add_edges([(index[r["source"]], index[r["target"]]) for r in relationships])
    z.es["weight"] = [float(r["weight"]) for r in relationships]
    z.write_pajek(os.path.join(OUT, "igraph_zachary.net"))
    record(
        "igraph_zachary.net", "python-igraph", version,
        "Graph.write_pajek(undirected Graph, vs name, es weight)",
        "zachary_karate", ["interaction"], ["ids", "weight", "direction"], relation_as="tie")


def sna_fixtures():
    organisations, relationships, _ = read_area("knoke_bureaucracies")
    ids = [row["id"] for row in organisations]
    padgett, padgett_ties, _ = read_area("padgett_florentine")
    script = r"""
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
stack <- function(ids, ties, relations, symmetric) {
  n <- length(ids); m <- length(relations)
  x <- array(0, c(m, n, n))
  for (k in seq_len(nrow(ties))) {
    r <- match(ties$relation[k], relations); i <- match(ties$source[k], ids); j <- match(ties$target[k], ids)
    x[r, i, j] <- x[r, i, j] + ties$weight[k]
    if (symmetric) x[r, j, i] <- x[r, i, j]
  }
  x
}
knoke_ids <- readLines(args[1]); knoke <- read.csv(args[2], stringsAsFactors = FALSE)
write.dl(stack(knoke_ids, knoke, c("information", "money"), FALSE), file = args[3],
         vertex.lab = knoke_ids, matrix.lab = c("information", "money"))
padgett_ids <- readLines(args[4]); padgett <- read.csv(args[5], stringsAsFactors = FALSE)
write.dl(stack(padgett_ids, padgett, c("marriage", "business"), TRUE), file = args[6],
         vertex.lab = padgett_ids, matrix.lab = c("marriage", "business"))
cat(as.character(packageVersion("sna")), R.version.string, sep = "\n")
"""
    tmp = "/tmp/partnernet_formats_sna"
    os.makedirs(tmp, exist_ok=True)
    with open(os.path.join(tmp, "knoke_ids.txt"), "w") as f:
        f.write("\n".join(ids) + "\n")
    with open(os.path.join(tmp, "padgett_ids.txt"), "w") as f:
        f.write("\n".join(row["id"] for row in padgett) + "\n")
    with open(os.path.join(tmp, "script.R"), "w") as f:
        f.write(script)
    out = subprocess.run(
        ["Rscript", os.path.join(tmp, "script.R"),
         os.path.join(tmp, "knoke_ids.txt"),
         os.path.join(ROOT, "Datasets", "knoke_bureaucracies", "relationships.csv"),
         os.path.join(OUT, "sna_knoke.dl"),
         os.path.join(tmp, "padgett_ids.txt"),
         os.path.join(ROOT, "Datasets", "padgett_florentine", "relationships.csv"),
         os.path.join(OUT, "sna_padgett.dl")],
        check=True, capture_output=True, text=True).stdout.split("\n")
    sna_version, r_version = out[0], out[1]
    record(
        "sna_knoke.dl", "R sna", sna_version,
        'sna::write.dl(x, file, vertex.lab = ids, matrix.lab = c("information", "money")), x a 2×10×10 array',
        "knoke_bureaucracies", ["information", "money"], ["ids", "weight", "relation", "direction"], r=r_version)
    record(
        "sna_padgett.dl", "R sna", sna_version,
        'sna::write.dl(x, file, vertex.lab = ids, matrix.lab = c("marriage", "business")), x symmetric 2×16×16',
        "padgett_florentine", ["marriage", "business"], ["ids", "weight", "relation", "direction"], r=r_version)


def gephi_style_fixture():
    """Krackhardt's kite as Gephi 0.10 exports GraphML: ids as in the data, the name in the
    `label` key, colour, position and size keys, float weights, an Edge Label."""
    organisations, relationships, meta = read_area("krackhardt_kite")
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:viz="http://www.gexf.net/1.3/viz">',
        '<key attr.name="label" attr.type="string" for="node" id="label"/>',
        '<key attr.name="Edge Label" attr.type="string" for="edge" id="edgelabel"/>',
        '<key attr.name="weight" attr.type="double" for="edge" id="weight"/>',
        '<key attr.name="sector" attr.type="string" for="node" id="sector"/>',
        '<key attr.name="r" attr.type="int" for="node" id="r"/>',
        '<key attr.name="g" attr.type="int" for="node" id="g"/>',
        '<key attr.name="b" attr.type="int" for="node" id="b"/>',
        '<key attr.name="x" attr.type="float" for="node" id="x"/>',
        '<key attr.name="y" attr.type="float" for="node" id="y"/>',
        '<key attr.name="size" attr.type="float" for="node" id="size"/>',
        '<graph edgedefault="undirected">',
    ]
    for i, row in enumerate(organisations):
        lines += [
            f'<node id="{row["id"]}">',
            f'<data key="label">{row["name"]}</data>',
            f'<data key="sector">{row["sector"]}</data>',
            '<data key="size">10.0</data>',
            '<data key="r">153</data>', '<data key="g">153</data>', '<data key="b">153</data>',
            f'<data key="x">{-100.0 + 20 * i}</data>',
            f'<data key="y">{50.0 - 10 * i}</data>',
            '</node>',
        ]
    for i, row in enumerate(relationships):
        lines += [
            f'<edge id="{i}" source="{row["source"]}" target="{row["target"]}">',
            f'<data key="weight">{float(row["weight"])}</data>',
            '</edge>',
        ]
    lines += ['</graph>', '</graphml>']
    with open(os.path.join(OUT, "gephi_style_krackhardt.graphml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    record(
        "gephi_style_krackhardt.graphml", "written by Scripts/reference/formats.py following Gephi 0.10's GraphML export",
        "n/a", "gephi_style_fixture()", "krackhardt_kite", ["tie"],
        ["ids", "name", "sector", "weight", "direction"])


def main():
    os.makedirs(OUT, exist_ok=True)
    networkx_fixtures()
    igraph_fixtures()
    sna_fixtures()
    gephi_style_fixture()
    manifest.sort(key=lambda entry: entry["file"])
    with open(os.path.join(OUT, "MANIFEST.json"), "w", encoding="utf-8") as f:
        json.dump({"python": sys.version.split()[0], "fixtures": manifest}, f, indent=2, sort_keys=True)
        f.write("\n")
    print(f"wrote {len(manifest)} fixtures to {OUT}")


if __name__ == "__main__":
    main()
