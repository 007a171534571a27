#!/usr/bin/env Rscript
# Reference Gould-Fernandez brokerage roles from R sna (sna::brokerage).
#
# Writes Tests/Fixtures/reference/brokerage/<source>.json, each with one case per graph:
#   knoke_bureaucracies.json  Knoke's bureaucracies by sector: the union of the relations,
#                             information alone, money alone (directed)
#   northbridge.json          the illustrative area by sector: the union (directed, with the
#                             undirected joint-commissioning ties as arcs both ways), each
#                             relation alone (joint-commissioning is undirected)
#   zachary_karate.json       Zachary's karate club by faction (`sector`), undirected
#   random.json               seeded random directed graphs with random groups (isolates,
#                             groups of one, reciprocated arcs, one undirected graph)
#
# Each case records the nodes (organisation order), their groups, the arcs given to sna (an
# undirected tie as two arcs: sna treats a symmetric matrix as a symmetric digraph), and
# every number sna::brokerage(A, cl) returns: raw.nli, exp.nli, sd.nli, z.nli, exp.grp,
# sd.grp, raw.gli, exp.gli, sd.gli, z.gli, in sna's column order w_I (coordinator), w_O
# (itinerant), b_IO (representative), b_OI (gatekeeper), b_O (liaison), t (total). NaN
# (a standard deviation of 0) is written as null.
#
# Graph conventions (METRICS.md): every organisation is a node, isolates included; the
# union of the selected relations, directed if any of them is; self-loops dropped;
# duplicate ties merged; ties are binary here (weights play no part in brokerage).
#
# Run from the repository root:  Rscript Scripts/reference/brokerage_measures.R
# Needs: R with sna 2.7 and jsonlite (Debian: apt-get install r-cran-sna r-cran-jsonlite).

suppressPackageStartupMessages({
  library(sna)
  library(jsonlite)
})

out_dir <- file.path("Tests", "Fixtures", "reference", "brokerage")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

roles <- c("w_I", "w_O", "b_IO", "b_OI", "b_O", "t")

read_area <- function(folder) {
  orgs <- read.csv(file.path(folder, "organisations.csv"), stringsAsFactors = FALSE,
                   colClasses = "character", check.names = FALSE, encoding = "UTF-8")
  ties <- read.csv(file.path(folder, "relationships.csv"), stringsAsFactors = FALSE,
                   colClasses = "character", check.names = FALSE, encoding = "UTF-8")
  names(orgs) <- tolower(names(orgs))
  names(ties) <- tolower(names(ties))
  if (!"relation" %in% names(ties)) ties$relation <- rep("tie", nrow(ties))
  ties$relation[ties$relation == ""] <- "tie"
  meta <- fromJSON(file.path(folder, "area.json"), simplifyVector = FALSE)
  list(orgs = orgs, ties = ties, meta = meta)
}

relation_directed <- function(meta, relation) {
  options <- meta$relations[[relation]]
  if (!is.null(options) && !is.null(options$directed)) return(isTRUE(options$directed))
  isTRUE(meta$directed)
}

# Binary adjacency matrix of the union of `relations`, in organisation order.
area_matrix <- function(area, relations) {
  ids <- area$orgs$id
  n <- length(ids)
  directed <- any(vapply(relations, function(r) relation_directed(area$meta, r), logical(1)))
  A <- matrix(0, n, n, dimnames = list(ids, ids))
  for (row in seq_len(nrow(area$ties))) {
    tie <- area$ties[row, ]
    if (!tie$relation %in% relations || tie$source == tie$target) next
    s <- match(tie$source, ids)
    t <- match(tie$target, ids)
    A[s, t] <- 1
    if (!directed || !relation_directed(area$meta, tie$relation)) A[t, s] <- 1
  }
  list(A = A, directed = directed)
}

vector_of <- function(x) unname(as.numeric(x))

rows_by_name <- function(m, names) {
  out <- list()
  for (i in seq_along(names)) out[[names[i]]] <- vector_of(m[i, ])
  out
}

brokerage_case <- function(A, groups, directed, relations, label) {
  stopifnot(all(diag(A) == 0))
  b <- brokerage(A, groups)
  ids <- rownames(A)
  arcs <- which(A != 0, arr.ind = TRUE)
  arcs <- arcs[order(arcs[, 1], arcs[, 2]), , drop = FALSE]
  clid <- as.character(b$clid)
  list(
    label = label,
    relations = relations,
    directed = directed,
    nodes = ids,
    groups = groups,
    arcs = lapply(seq_len(nrow(arcs)), function(i) c(ids[arcs[i, 1]], ids[arcs[i, 2]])),
    raw_nli = rows_by_name(b$raw.nli, ids),
    exp_nli = rows_by_name(b$exp.nli, ids),
    sd_nli = rows_by_name(b$sd.nli, ids),
    z_nli = rows_by_name(b$z.nli, ids),
    exp_grp = rows_by_name(b$exp.grp, clid),
    sd_grp = rows_by_name(b$sd.grp, clid),
    raw_gli = vector_of(b$raw.gli),
    exp_gli = vector_of(b$exp.gli),
    sd_gli = vector_of(b$sd.gli),
    z_gli = vector_of(b$z.gli)
  )
}

dataset_cases <- function(name, relation_sets) {
  area <- read_area(file.path("Datasets", name))
  all_relations <- unique(area$ties$relation)
  lapply(relation_sets, function(selection) {
    relations <- if (length(selection) == 0) all_relations else selection
    g <- area_matrix(area, relations)
    label <- if (length(selection) == 0) "union" else paste(selection, collapse = "+")
    brokerage_case(g$A, area$orgs$sector, g$directed, as.list(selection), label)
  })
}

# A seeded random graph: each ordered pair an arc with probability p (each unordered pair
# an edge, when undirected), groups drawn uniformly from `groups` labels, optionally with
# a few nodes forced into groups of one.
random_case <- function(seed, n, p, groups, singletons = 0, directed = TRUE) {
  set.seed(seed)
  A <- matrix(rbinom(n * n, 1, p), n, n)
  diag(A) <- 0
  if (!directed) {
    A[lower.tri(A)] <- 0
    A <- A + t(A)
  }
  ids <- sprintf("v%02d", seq_len(n))
  dimnames(A) <- list(ids, ids)
  cl <- sample(sprintf("g%d", seq_len(groups)), n, replace = TRUE)
  if (singletons > 0) cl[seq_len(singletons)] <- sprintf("solo%d", seq_len(singletons))
  label <- sprintf("seed %d: n %d, p %.2f, %d groups%s%s", seed, n, p, groups,
                   if (singletons > 0) sprintf(" + %d of one", singletons) else "",
                   if (directed) "" else ", undirected")
  brokerage_case(A, cl, directed, list(), label)
}

tools <- list(
  R = R.version.string,
  sna = as.character(packageVersion("sna")),
  jsonlite = as.character(packageVersion("jsonlite")),
  rng = paste(RNGkind(), collapse = ", ")
)

write_fixture <- function(name, cases, source) {
  fixture <- list(
    source = source,
    generator = "Scripts/reference/brokerage_measures.R",
    tools = tools,
    call = "sna::brokerage(A, cl): A the binary adjacency matrix (rows send), cl the group of each node",
    columns = list("w_I (coordinator)", "w_O (itinerant)", "b_IO (representative)",
                   "b_OI (gatekeeper)", "b_O (liaison)", "t (total)"),
    conventions = list(
      "Every organisation is a node, in organisations.csv order; isolates included.",
      "The union of the selected relations (relations [] = every relation), directed if any is; an undirected tie gives an arc each way; self-loops dropped; duplicates merged; binary.",
      "Groups are the sector column (datasets) or drawn at random (random.json).",
      "NaN (standard deviation 0) is written as null; numbers have 15 significant digits (jsonlite digits = NA)."
    ),
    cases = cases
  )
  text <- toJSON(fixture, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE)
  # A one-element list stays an array (relations, groups of one node).
  writeLines(text, file.path(out_dir, paste0(name, ".json")), useBytes = TRUE)
  cat(name, ":", length(cases), "cases\n")
}

write_fixture("knoke_bureaucracies",
              dataset_cases("knoke_bureaucracies", list(character(0), "information", "money")),
              "Datasets/knoke_bureaucracies")
write_fixture("northbridge",
              dataset_cases("northbridge", list(character(0), "information", "funding", "joint-commissioning")),
              "Datasets/northbridge")
write_fixture("zachary_karate", dataset_cases("zachary_karate", list(character(0))), "Datasets/zachary_karate")
write_fixture("random", list(
  random_case(101, 12, 0.25, 3),
  random_case(202, 30, 0.12, 4, singletons = 2),
  random_case(303, 60, 0.06, 5),
  random_case(404, 25, 0.30, 2),
  random_case(505, 45, 0.08, 7, singletons = 3),
  random_case(606, 40, 0.10, 4, directed = FALSE),
  random_case(707, 20, 0.05, 3)
), "seeded random graphs (set.seed, rbinom, sample)")
