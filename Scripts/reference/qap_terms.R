# The dyadic terms of PartnerNet's QAP, built from an area's CSV files independently of
# PartnerNet with the definitions of Docs/FORMAT.md ("QAP terms"), and the sna calls the
# reference scripts share (qap_measures.R, report_predictors.R). `permutation_tests` reads
# the global `reps` (the most permutations a call may draw).
#
# Terms: a relation's weights (duplicates summed; an undirected relation symmetric),
# tie:RELATION (1 where that matrix is above 0), co-membership (partnerships shared),
# same:C (1 when both organisations have the same non-empty value), diff:C (|xᵢ − xⱼ|),
# sender:C (xᵢ), receiver:C (xⱼ). The mode is "graph" when every matrix is symmetric.
suppressMessages(library(sna))
suppressMessages(library(jsonlite))

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
  if (length(parts) == 2 && parts[1] == "tie") return((term_matrix(area, parts[2]) > 0) * 1)
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
