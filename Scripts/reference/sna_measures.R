# R sna reference values for PartnerNet, called by Scripts/reference/centrality_measures.py.
#
# Usage: Rscript Scripts/reference/sna_measures.R FOLDER
#
# FOLDER/jobs.csv lists one graph per row: id, mode ("digraph" or "graph") and betas
# (Bonacich exponents separated by ";", written as the caller wants them keyed). Each
# graph's adjacency matrix is FOLDER/<id>.csv (rows = senders, no header). For each graph
# this writes to FOLDER/results.csv the rows id,key,value for
#   degree_centralization      centralization(M, degree, mode, cmode = "freeman")
#   in_degree_centralization   centralization(M, degree, mode, cmode = "indegree")
#   out_degree_centralization  centralization(M, degree, mode, cmode = "outdegree")
#   betweenness_centralization centralization(M, betweenness, mode)
#   closeness_centralization   centralization(M, closeness, mode)
#   bonpow[BETA][i]            bonpow(M, gmode = mode, exponent = BETA)[i]
# NA where sna fails or returns a non-finite value.
suppressMessages(library(sna))

args <- commandArgs(trailingOnly = TRUE)
folder <- args[1]
jobs <- read.csv(file.path(folder, "jobs.csv"), colClasses = "character")
number <- function(x) if (length(x) == 1 && is.finite(x)) sprintf("%.17g", x) else "NA"
safely <- function(expr) tryCatch(expr, error = function(e) NA)

rows <- list()
for (j in seq_len(nrow(jobs))) {
  id <- jobs$id[j]
  mode <- jobs$mode[j]
  m <- unname(as.matrix(read.csv(file.path(folder, paste0(id, ".csv")), header = FALSE)))
  add <- function(key, value) rows[[length(rows) + 1]] <<- c(id, key, number(value))
  add("degree_centralization", safely(centralization(m, degree, mode = mode, cmode = "freeman")))
  add("in_degree_centralization", safely(centralization(m, degree, mode = mode, cmode = "indegree")))
  add("out_degree_centralization", safely(centralization(m, degree, mode = mode, cmode = "outdegree")))
  add("betweenness_centralization", safely(centralization(m, betweenness, mode = mode)))
  add("closeness_centralization", safely(centralization(m, closeness, mode = mode)))
  betas <- if (nchar(jobs$betas[j]) > 0) strsplit(jobs$betas[j], ";")[[1]] else character(0)
  for (beta in betas) {
    values <- safely(bonpow(m, gmode = mode, exponent = as.numeric(beta)))
    for (i in seq_len(nrow(m))) {
      add(paste0("bonpow[", beta, "][", i, "]"), if (length(values) == nrow(m)) values[i] else NA)
    }
  }
}
out <- do.call(rbind, rows)
colnames(out) <- c("id", "key", "value")
write.csv(out, file.path(folder, "results.csv"), row.names = FALSE, quote = TRUE)
