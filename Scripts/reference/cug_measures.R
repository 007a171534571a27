# R sna reference values for PartnerNet's CUG tests (issue 14).
#
# Usage: Rscript Scripts/reference/cug_measures.R [REPS]
#
# Writes Tests/Fixtures/reference/qap/cug.json: for each area, relation, statistic and
# condition, sna 2.7's cug.test(g, FUN, mode, cmode, reps = REPS) after set.seed(14):
# the observed value, P(≤), P(≥) and the mean and sd of the random graphs' values.
# Statistics, each as the catalogue defines it (Docs/METRICS.md):
#   transitivity                gtrans(symmetrize(g, "weak"), mode = "graph") (skeleton)
#   reciprocity                 grecip(g, measure = "edgewise") (directed only)
#   degree_centralization       centralization(g, degree, mode)
#   betweenness_centralization  centralization(g, betweenness, mode)
#   ei_index                    (E − I)/(E + I) over arcs (edges) by the sector column
# The graph is the relation's ties, unweighted (cug.test's ignore.eval = TRUE).
suppressMessages(library(sna))
suppressMessages(library(jsonlite))

args <- commandArgs(trailingOnly = TRUE)
reps <- if (length(args) >= 1) as.integer(args[1]) else 10000L
tool <- sprintf("R %s, sna %s", getRversion(), packageVersion("sna"))

adjacency <- function(folder, relation, directed) {
  orgs <- read.csv(file.path(folder, "organisations.csv"), colClasses = "character")
  rels <- read.csv(file.path(folder, "relationships.csv"), colClasses = "character")
  rels <- rels[rels$relation == relation, ]
  n <- nrow(orgs)
  m <- matrix(0, n, n)
  for (r in seq_len(nrow(rels))) {
    s <- match(rels$source[r], orgs$id); t <- match(rels$target[r], orgs$id)
    if (s == t) next
    m[s, t] <- 1
    if (!directed) m[t, s] <- 1
  }
  list(m = m, sector = orgs$sector)
}

statistics <- function(sector) list(
  transitivity = function(g, mode) gtrans(symmetrize(g, rule = "weak"), mode = "graph"),
  reciprocity = function(g, mode) grecip(g, measure = "edgewise"),
  degree_centralization = function(g, mode) centralization(g, degree, mode = mode),
  betweenness_centralization = function(g, mode) centralization(g, betweenness, mode = mode),
  ei_index = function(g, mode) {
    g <- as.sociomatrix.sna(g)
    if (mode == "graph") g[upper.tri(g)] <- 0
    between <- sum(g[outer(sector, sector, "!=")] > 0)
    within <- sum(g[outer(sector, sector, "==")] > 0)
    (between - within) / (between + within)
  })

cases <- list()
for (spec in list(list("Datasets/northbridge", "information", TRUE),
                  list("Datasets/knoke_bureaucracies", "information", TRUE),
                  list("Datasets/padgett_florentine", "marriage", FALSE))) {
  a <- adjacency(spec[[1]], spec[[2]], spec[[3]])
  mode <- if (spec[[3]]) "digraph" else "graph"
  stats <- statistics(a$sector)
  for (name in names(stats)) {
    if (name == "reciprocity" && mode == "graph") next
    for (cmode in c("size", "edges", "dyad.census")) {
      set.seed(14)
      test <- cug.test(a$m, stats[[name]], mode = mode, cmode = cmode, reps = reps)
      cases[[length(cases) + 1]] <- list(
        area = spec[[1]], relation = spec[[2]], statistic = name,
        given = if (cmode == "dyad.census") "dyad-census" else cmode, reps = reps,
        observed = test$obs.stat, p_le = test$plteobs, p_ge = test$pgteobs,
        mean = mean(test$rep.stat, na.rm = TRUE), sd = sd(test$rep.stat, na.rm = TRUE),
        call = sprintf('set.seed(14); cug.test(g, %s, mode = "%s", cmode = "%s", reps = %d)', name, mode, cmode, reps))
    }
  }
}
writeLines(toJSON(list(tool = tool, script = "Scripts/reference/cug_measures.R", cases = cases),
                  digits = NA, auto_unbox = TRUE, pretty = TRUE), "Tests/Fixtures/reference/qap/cug.json")
cat("wrote", length(cases), "cases\n")
