# R sna reference values for PartnerNet's QAP correlation and regressions (issue 14).
#
# Usage: Rscript Scripts/reference/qap_measures.R [REPS]
#
# Writes Tests/Fixtures/reference/qap/cases.json: for each case the dyadic variables (by
# term, for a bundled area; as matrices, for a generated one), and what sna 2.7 gives:
#   linear    netlm(y, x, mode, nullhyp = "classical")     coefficients, std errors,
#             t-values, R², adjusted R², classical p-values
#   logistic  netlogit(y > 0, x, mode, nullhyp = "classical") coefficients, std errors,
#             z-values, deviance, null deviance, AIC, BIC, classical p-values
#   correlation gcor(a, b, mode)
# and, for the cases marked `reps`, the permutation p-values of netlm(…, nullhyp = NULL,
# reps = R) for each null, R as listed per case below and at most REPS (sna's loops run
# in R, so the larger areas get fewer), and of qaptest(list(a, b), gcor, g1 = 1, g2 = 2,
# reps = REPS) (default REPS 100000; each call seeded with set.seed(14)).
#
# Terms are built by Scripts/reference/qap_terms.R, independently of PartnerNet.
suppressMessages(library(sna))
suppressMessages(library(jsonlite))

args <- commandArgs(trailingOnly = TRUE)
reps <- if (length(args) >= 1) as.integer(args[1]) else 100000L
out_file <- "Tests/Fixtures/reference/qap/cases.json"
tool <- sprintf("R %s, sna %s", getRversion(), packageVersion("sna"))

source("Scripts/reference/qap_terms.R")

cases <- list()
add_case <- function(case) cases[[length(cases) + 1]] <<- case

area_case <- function(folder, y_term, x_terms, models = c("linear", "logistic"), tests = list(), correlate = NULL) {
  area <- read_area(folder)
  message(folder)
  y <- term_matrix(area, y_term)
  xs <- lapply(x_terms, function(t) term_matrix(area, t))
  mode <- mode_of(c(list(y), xs))
  for (model in models) {
    case <- c(list(area = folder, y = y_term, x = x_terms, model = model, mode = mode, tool = tool),
              regression(y, xs, model, mode))
    nulls <- tests[[model]]
    if (!is.null(nulls)) case$permutation <- permutation_tests(y, xs, model, mode, nulls)
    add_case(case)
  }
  if (!is.null(correlate)) {
    a <- term_matrix(area, correlate[1])
    b <- term_matrix(area, correlate[2])
    cmode <- mode_of(list(a, b))
    case <- list(area = folder, correlate = correlate, mode = cmode, tool = tool,
                 correlation = gcor(a, b, mode = cmode), call = sprintf('gcor(a, b, mode = "%s")', cmode))
    set.seed(14)
    test <- qaptest(list(a, b), gcor, g1 = 1, g2 = 2, mode = cmode, reps = reps)
    case$permutation <- list(qap = list(reps = reps, p_le = test$pleeq, p_ge = test$pgreq,
                                        p_abs = mean(abs(test$dist) >= abs(test$testval)),
                                        call = sprintf('set.seed(14); qaptest(list(a, b), gcor, g1 = 1, g2 = 2, mode = "%s", reps = %d)', cmode, reps)))
    add_case(case)
  }
}

# sna's loops are in R: 100,000 permutations of a 10-organisation regression take minutes,
# of a 31-organisation one hours, so the larger areas are run with fewer.
area_case("Datasets/northbridge", "information",
          c("funding", "joint-commissioning", "co-membership", "same:sector", "diff:staff"),
          tests = list(linear = c(qap = 2000)), correlate = c("information", "funding"))
area_case("Datasets/knoke_bureaucracies", "information",
          c("money", "same:sector", "diff:rating", "sender:rating", "receiver:rating"),
          tests = list(linear = c(qap = 100000, qapy = 10000, qapx = 10000, qapallx = 10000),
                       logistic = c(qap = 2000, qapy = 2000)),
          correlate = c("information", "money"))
area_case("Datasets/padgett_florentine", "marriage", c("business", "diff:wealth", "diff:priorates"),
          tests = list(linear = c(qap = 10000, qapy = 10000), logistic = c(qap = 2000)),
          correlate = c("marriage", "business"))
for (folder in sort(list.dirs("Datasets/synthetic", recursive = FALSE))) {
  area_case(folder, "information", c("co-membership", "same:sector"))
}

# Generated matrices: directed valued, undirected binary, directed with ties in the
# predictors (integer counts), each with three predictors.
set.seed(2026)
generated <- function(name, n, directed, valued) {
  sym <- function(m) { m[upper.tri(m)] <- t(m)[upper.tri(m)]; m }
  draw <- function(p) {
    m <- matrix(if (valued) round(rexp(n * n) * (runif(n * n) < p), 3) else (runif(n * n) < p) * 1, n, n)
    diag(m) <- 0
    if (directed) m else sym(m)
  }
  x1 <- draw(0.3); x2 <- draw(0.5)
  g <- sample(1:3, n, replace = TRUE)
  x3 <- outer(g, g, "==") * 1; diag(x3) <- 0
  eta <- -1 + 1.2 * (x1 > 0) + 0.6 * x3
  y <- matrix((runif(n * n) < 1 / (1 + exp(-eta))) * (if (valued) round(1 + rexp(n * n), 3) else 1), n, n)
  diag(y) <- 0
  if (!directed) y <- sym(y)
  xs <- list(x1, x2, x3)
  mode <- mode_of(c(list(y), xs))
  for (model in c("linear", "logistic")) {
    case <- c(list(generated = name, y_matrix = y, x_matrices = xs, x = c("x1", "x2", "x3"), model = model,
                   mode = mode, tool = tool), regression(y, xs, model, mode))
    if (name == "directed-valued-15") case$permutation <- permutation_tests(y, xs, model, mode,
      if (model == "linear") c(qap = 5000, qapy = 5000, qapx = 5000, qapallx = 5000)
      else c(qap = 1000, qapx = 1000, qapallx = 1000))
    add_case(case)
  }
  case <- list(generated = name, a_matrix = y, b_matrix = x1, mode = mode_of(list(y, x1)), tool = tool,
               correlation = gcor(y, x1, mode = mode_of(list(y, x1))))
  add_case(case)
}
generated("directed-valued-15", 15, TRUE, TRUE)
generated("undirected-binary-20", 20, FALSE, FALSE)
generated("directed-binary-30", 30, TRUE, FALSE)
generated("undirected-valued-25", 25, FALSE, TRUE)

dir.create(dirname(out_file), showWarnings = FALSE, recursive = TRUE)
writeLines(toJSON(list(tool = tool, script = "Scripts/reference/qap_measures.R", reps = reps, cases = cases),
                  digits = NA, auto_unbox = TRUE, pretty = TRUE), out_file)
cat("wrote", length(cases), "cases to", out_file, "\n")
