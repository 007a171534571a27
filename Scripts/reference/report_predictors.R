# R sna reference values for the report's "What predicts working together" model
# (PartnerNetReport's TiePredictors).
#
# Usage: Rscript Scripts/reference/report_predictors.R [REPS]
#
# For each bundled area with two relations, or one relation and memberships, the model the
# report fits, chosen here by the rule the report documents, not by PartnerNet: the outcome
# is tie presence in the relation with most tied pairs (the first in the relationships
# table among equals); the terms are tie presence in each other relation (in table order),
# co-membership when the area has memberships, then same:sector, each left out when it is
# the same for every pair. Writes Tests/Fixtures/reference/qap/report_predictors.json with
# netlm(y, x, mode, nullhyp = "classical")'s coefficients, standard errors, t-values and
# R², and the permutation p-values of set.seed(14); netlm(…, nullhyp = "qap", reps = REPS)
# (default 2000: sna's loops run in R).
args <- commandArgs(trailingOnly = TRUE)
reps <- if (length(args) >= 1) as.integer(args[1]) else 2000L
out_file <- "Tests/Fixtures/reference/qap/report_predictors.json"
tool <- sprintf("R %s, sna %s", getRversion(), packageVersion("sna"))
source("Scripts/reference/qap_terms.R")

off_diagonal_constant <- function(m) {
  values <- m[row(m) != col(m)]
  all(values == values[1])
}

cases <- list()
for (folder in c(sort(list.dirs("Datasets", recursive = FALSE)), sort(list.dirs("Datasets/synthetic", recursive = FALSE)))) {
  if (!file.exists(file.path(folder, "relationships.csv")) || !file.exists(file.path(folder, "area.json"))) next
  area <- read_area(folder)
  relations <- unique(area$rels$relation)
  relations <- relations[relations != "co-membership"]
  ties <- sapply(relations, function(r) sum(term_matrix(area, paste0("tie:", r))))
  relations <- relations[ties > 0]
  ties <- ties[ties > 0]
  has_members <- !is.null(area$members) && nrow(area$members) > 0
  if (length(relations) < 2 && !(length(relations) == 1 && has_members)) next
  outcome <- relations[which.max(ties)]
  terms <- paste0("tie:", relations[relations != outcome])
  if (has_members) terms <- c(terms, "co-membership")
  terms <- c(terms, "same:sector")
  xs <- lapply(terms, function(t) term_matrix(area, t))
  keep <- !sapply(xs, off_diagonal_constant)
  terms <- terms[keep]
  xs <- xs[keep]
  if (length(terms) == 0) next
  message(folder, ": tie:", outcome, " ~ ", paste(terms, collapse = " + "))
  y <- term_matrix(area, paste0("tie:", outcome))
  mode <- mode_of(c(list(y), xs))
  case <- c(list(area = folder, y = paste0("tie:", outcome), x = I(terms), model = "linear", mode = mode, tool = tool),
            regression(y, xs, "linear", mode))
  case$permutation <- permutation_tests(y, xs, "linear", mode, c(qap = reps))
  cases[[length(cases) + 1]] <- case
}

dir.create(dirname(out_file), showWarnings = FALSE, recursive = TRUE)
writeLines(toJSON(list(tool = tool, script = "Scripts/reference/report_predictors.R", reps = reps, cases = cases),
                  digits = NA, auto_unbox = TRUE, pretty = TRUE), out_file)
cat("wrote", length(cases), "cases to", out_file, "\n")
