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
# Terms are built here independently of PartnerNet, from the CSV files, with the
# definitions of Docs/FORMAT.md ("QAP terms"): a relation's weights (duplicates summed;
# an undirected relation symmetric), co-membership (partnerships shared), same:C (1 when
# both organisations have the same non-empty value), diff:C (|xᵢ − xⱼ|), sender:C (xᵢ),
# receiver:C (xⱼ). The mode is "graph" when every matrix is symmetric.
suppressMessages(library(sna))
suppressMessages(library(jsonlite))

args <- commandArgs(trailingOnly = TRUE)
reps <- if (length(args) >= 1) as.integer(args[1]) else 100000L
out_file <- "Tests/Fixtures/reference/qap/cases.json"
tool <- sprintf("R %s, sna %s", getRversion(), packageVersion("sna"))

read_area <- function(folder) {
  orgs <- read.csv(file.path(folder, "organisations.csv"), colClasses = "character", check.names = FALSE)
  rels <- read.csv(file.path(folder, "relationships.csv"), colClasses = "character", check.names = FALSE)
  meta <- fromJSON(file.path(folder, "area.json"), simplifyVector = FALSE)
  members <- if (file.exists(file.path(folder, "memberships.csv")))
    read.csv(file.path(folder, "memberships.csv"), colClasses = "character", check.names = FALSE) else NULL
  list(orgs = orgs, rels = rels, meta = meta, members = members)
}

relation_directed <- function(area, relation) {
  spec <- area$meta$relations[[relation]]
  if (!is.null(spec) && !is.null(spec$directed)) return(isTRUE(spec$directed))
  if (relation == "co-membership") return(FALSE)
  isTRUE(area$meta$directed)
}

term_matrix <- function(area, term) {
  ids <- area$orgs$id
  n <- length(ids)
  m <- matrix(0, n, n)
  if (term == "co-membership") {
    for (p in unique(area$members$partnership)) {
      who <- match(unique(area$members$organisation[area$members$partnership == p]), ids)
      for (a in who) for (b in who) if (a != b) m[a, b] <- m[a, b] + 1
    }
    return(m)
  }
  parts <- strsplit(term, ":", fixed = TRUE)[[1]]
  if (length(parts) == 2) {
    kind <- parts[1]
    values <- area$orgs[[parts[2]]]
    x <- suppressWarnings(as.numeric(values))
    for (i in 1:n) for (j in 1:n) {
      m[i, j] <- switch(kind,
        same = as.numeric(values[i] != "" && values[i] == values[j]),
        diff = abs(x[i] - x[j]),
        sender = x[i],
        receiver = x[j])
    }
    diag(m) <- 0
    return(m)
  }
  rows <- area$rels[area$rels$relation == term, ]
  directed <- relation_directed(area, term)
  for (r in seq_len(nrow(rows))) {
    s <- match(rows$source[r], ids)
    t <- match(rows$target[r], ids)
    if (s == t) next
    w <- as.numeric(rows$weight[r])
    m[s, t] <- m[s, t] + w
    if (!directed) m[t, s] <- m[t, s] + w
  }
  m
}

mode_of <- function(mats) if (all(sapply(mats, isSymmetric))) "graph" else "digraph"
stack <- function(mats) {
  a <- array(0, dim = c(length(mats), nrow(mats[[1]]), ncol(mats[[1]])))
  for (k in seq_along(mats)) a[k, , ] <- mats[[k]]
  if (length(mats) == 1) mats[[1]] else a
}

regression <- function(y, xs, model, mode) {
  x <- stack(xs)
  if (model == "linear") {
    fit <- netlm(y, x, mode = mode, nullhyp = "classical")
    se <- sqrt(diag(chol2inv(fit$qr$qr)) * sum(fit$residuals^2) / fit$df.residual)
    # R² as print.summary.netlm computes it.
    mss <- sum((fit$fitted.values - mean(fit$fitted.values))^2)
    rss <- sum(fit$residuals^2)
    r2 <- mss / (mss + rss)
    list(estimate = unname(fit$coefficients), std_error = unname(se), statistic = unname(fit$tstat),
         r_squared = r2, adj_r_squared = 1 - (1 - r2) * ((fit$n - 1) / fit$df.residual),
         p_le = unname(fit$pleeq), p_ge = unname(fit$pgreq), p_abs = unname(fit$pgreqabs),
         call = sprintf('netlm(y, x, mode = "%s", nullhyp = "classical")', mode))
  } else {
    fit <- suppressWarnings(netlogit((y > 0) * 1, x, mode = mode, nullhyp = "classical"))
    list(estimate = unname(fit$coefficients), std_error = unname(fit$se), statistic = unname(fit$tstat),
         deviance = fit$deviance, null_deviance = fit$null.deviance, aic = fit$aic, bic = fit$bic,
         p_le = unname(fit$pleeq), p_ge = unname(fit$pgreq), p_abs = unname(fit$pgreqabs),
         call = sprintf('netlogit(y > 0, x, mode = "%s", nullhyp = "classical")', mode))
  }
}

# `nulls`: permutations by null hypothesis, e.g. c(qap = 100000, qapy = 10000).
permutation_tests <- function(y, xs, model, mode, nulls) {
  x <- stack(xs)
  out <- list()
  for (null in names(nulls)) {
    r <- min(reps, nulls[[null]])
    set.seed(14)
    fit <- if (model == "linear") netlm(y, x, mode = mode, nullhyp = null, reps = r)
           else suppressWarnings(netlogit((y > 0) * 1, x, mode = mode, nullhyp = null, reps = r))
    out[[null]] <- list(reps = r, p_le = unname(fit$pleeq), p_ge = unname(fit$pgreq), p_abs = unname(fit$pgreqabs),
                        call = sprintf('set.seed(14); %s(y, x, mode = "%s", nullhyp = "%s", reps = %d)',
                                       if (model == "linear") "netlm" else "netlogit", mode, null, r))
  }
  out
}

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
