# R sna reference values for QAP with unknown ties (weight NA): the pairs are left out,
# not counted as 0 (issue 14).
#
# Usage: Rscript Scripts/reference/qap_unknown.R [REPS]
#
# Writes Tests/Fixtures/reference/qap/unknown.json, with cases in the form of
# qap_measures.R's cases.json: for each case the dyadic variables (by term, for the fixture
# area Tests/Fixtures/unknown_ties; as matrices with NA cells, for a generated one), and
# what sna 2.7 gives with NA cells:
#   linear    netlm(y, x, mode, nullhyp = "classical")       coefficients, std errors,
#             t-values, R², adjusted R², classical p-values (fitted on the complete pairs)
#   logistic  netlogit(y > 0, x, mode, nullhyp = "classical") coefficients, std errors,
#             z-values, deviance, null deviance, AIC, BIC, classical p-values
#   correlation gcor(a, b, mode)  (cor(…, use = "complete.obs") over the pairs)
# and permutation p-values (each call seeded with set.seed(14), at most REPS draws,
# default 20000) of netlm/netlogit(…, nullhyp = NULL, reps = R) and of
# qaptest(list(a, b), gcor, g1 = 1, g2 = 2, reps = R). sna's rmperm relabels a matrix with
# its NA cells, so each relabelled fit leaves out the pairs unknown after relabelling.
#
# One exception, for the "qap" null (semi-partialling) when a predictor has NA cells:
# sna 2.7's netlm/netlogit compute each predictor's residual on the others over the
# pairs where every predictor is known, then assign it with `xres[xsel] <- qr.resid(…)`
# over all pairs, which recycles the shorter vector out of place. `qapspp_na` below is
# sna's own loop with that one line corrected (the residual at the pairs it was computed
# on, NA at the others); it is what PartnerNet implements. When only the outcome has NA
# cells the two are the same, and sna's netlm/netlogit are called directly.
#
# Terms are built by Scripts/reference/qap_terms.R, independently of PartnerNet: a row
# whose weight is NA makes its cell (both cells, for an undirected relation) NA.
suppressMessages(library(sna))
suppressMessages(library(jsonlite))

args <- commandArgs(trailingOnly = TRUE)
reps <- if (length(args) >= 1) as.integer(args[1]) else 20000L
out_file <- "Tests/Fixtures/reference/qap/unknown.json"
tool <- sprintf("R %s, sna %s", getRversion(), packageVersion("sna"))

source("Scripts/reference/qap_terms.R")

# The weights "NA" and "na" (PartnerNet reads NA in any letter case) become R's NA.
read_area_na <- function(folder) {
  area <- read_area(folder)
  area$rels$weight[toupper(trimws(area$rels$weight)) == "NA"] <- NA
  area
}

# sna's semi-partialling loop (netlm / netlogit, nullhyp = "qapspp"), the residual kept at
# the pairs where every predictor is known (NA elsewhere). Returns the tails per coefficient.
qapspp_na <- function(y, xs, model, mode, r) {
  n <- nrow(y)
  g <- c(list(y, matrix(1, n, n)), xs)
  nx <- length(g) - 1
  vec <- function(m) gvectorize(m, mode = mode, diag = FALSE, censor.as.na = TRUE)
  stat <- function(glist) {
    yv <- vec(glist[[1]])
    x <- sapply(glist[-1], vec)
    mis <- is.na(yv) | apply(is.na(x), 1, any)
    if (model == "linear") {
      q <- qr(x[!mis, ], tol = 1e-7)
      res <- qr.resid(q, yv[!mis])
      coef <- qr.coef(q, yv[!mis])
      coef / sqrt(diag(chol2inv(q$qr)) * sum(res^2) / (sum(!mis) - q$rank))
    } else {
      f <- suppressWarnings(glm.fit(x[!mis, ], yv[!mis], family = binomial(), intercept = FALSE))
      f$coefficients / sqrt(diag(chol2inv(f$qr$qr)))
    }
  }
  observed <- stat(g)
  xsel <- matrix(TRUE, n, n)
  diag(xsel) <- FALSE
  if (mode == "graph") xsel[upper.tri(xsel)] <- FALSE
  dist <- matrix(0, r, nx)
  for (i in 1:nx) {
    xv <- sapply(g[1 + c(i, (1:nx)[-i])], vec)
    known <- !apply(is.na(xv), 1, any)
    q <- qr(xv[known, -1, drop = FALSE], tol = 1e-7)
    # The residual of predictor i on the others at its known pairs, NA at the rest.
    full <- rep(NA_real_, n * n)
    full[known] <- qr.resid(q, xv[known, 1])
    xres <- matrix(full, n, n)
    diag(xres) <- 0
    if (mode == "graph") xres[upper.tri(xres)] <- t(xres)[upper.tri(xres)]
    for (j in 1:r) dist[j, i] <- stat(c(g[-(1 + i)], list(rmperm(xres))))[nx]
  }
  list(p_le = colMeans(sweep(dist, 2, observed, "<="), na.rm = TRUE),
       p_ge = colMeans(sweep(dist, 2, observed, ">="), na.rm = TRUE),
       p_abs = colMeans(sweep(abs(dist), 2, abs(observed), ">="), na.rm = TRUE))
}

tests_na <- function(y, xs, model, mode, nulls) {
  x <- stack(xs)
  x_na <- any(sapply(xs, function(m) any(is.na(m))))
  out <- list()
  for (null in names(nulls)) {
    r <- min(reps, nulls[[null]])
    set.seed(14)
    if (null == "qap" && x_na) {
      t <- qapspp_na(if (model == "linear") y else (y > 0) * 1, xs, model, mode, r)
      out[[null]] <- c(list(reps = r), lapply(t, unname),
                       call = sprintf('set.seed(14); qapspp_na(y, x, "%s", mode = "%s", reps = %d) (sna\'s qapspp loop, residual kept in place)', model, mode, r))
    } else {
      fit <- suppressWarnings(
        if (model == "linear") netlm(y, x, mode = mode, nullhyp = null, reps = r)
        else netlogit((y > 0) * 1, x, mode = mode, nullhyp = null, reps = r))
      out[[null]] <- list(reps = r, p_le = unname(fit$pleeq), p_ge = unname(fit$pgreq), p_abs = unname(fit$pgreqabs),
                          call = sprintf('set.seed(14); %s(y, x, mode = "%s", nullhyp = "%s", reps = %d)',
                                         if (model == "linear") "netlm" else "netlogit", mode, null, r))
    }
  }
  out
}

correlation_case <- function(a, b) {
  cmode <- mode_of(list(a, b))
  set.seed(14)
  test <- qaptest(list(a, b), gcor, g1 = 1, g2 = 2, mode = cmode, reps = reps)
  list(mode = cmode, tool = tool, correlation = gcor(a, b, mode = cmode),
       call = sprintf('gcor(a, b, mode = "%s")', cmode),
       permutation = list(qap = list(reps = reps, p_le = mean(test$dist <= test$testval, na.rm = TRUE),
                                     p_ge = mean(test$dist >= test$testval, na.rm = TRUE),
                                     p_abs = mean(abs(test$dist) >= abs(test$testval), na.rm = TRUE),
                                     call = sprintf('set.seed(14); qaptest(list(a, b), gcor, g1 = 1, g2 = 2, mode = "%s", reps = %d)', cmode, reps))))
}

cases <- list()
add_case <- function(case) cases[[length(cases) + 1]] <<- case

all_nulls <- function(model) {
  if (model == "linear") c(qap = 5000, qapy = 5000, qapx = 5000, qapallx = 5000)
  else c(qap = 1000, qapy = 1000, qapx = 1000, qapallx = 1000)
}

area_case <- function(folder, y_term, x_terms, correlate) {
  area <- read_area_na(folder)
  message(folder, " ", y_term)
  y <- suppressWarnings(term_matrix(area, y_term))
  xs <- lapply(x_terms, function(t) suppressWarnings(term_matrix(area, t)))
  mode <- mode_of(c(list(y), xs))
  for (model in c("linear", "logistic")) {
    case <- c(list(area = folder, y = y_term, x = x_terms, model = model, mode = mode, tool = tool,
                   unknown_pairs = sum(is.na(gvectorize(y, mode = mode)) | apply(is.na(sapply(xs, gvectorize, mode = mode)), 1, any)) - sum(is.na(gvectorize(matrix(0, nrow(y), nrow(y)), mode = mode)))),
              suppressWarnings(regression(y, xs, model, mode)))
    case$permutation <- tests_na(y, xs, model, mode, all_nulls(model))
    add_case(case)
  }
  if (!is.null(correlate)) {
    a <- suppressWarnings(term_matrix(area, correlate[1]))
    b <- suppressWarnings(term_matrix(area, correlate[2]))
    add_case(c(list(area = folder, correlate = correlate), correlation_case(a, b)))
  }
}

fixture <- "Tests/Fixtures/unknown_ties"
# Unknown outcome (information), known predictors.
area_case(fixture, "information", c("funding", "same:sector", "diff:staff"), c("information", "funding"))
# Unknown outcome and an unknown predictor (joint-work, undirected).
area_case(fixture, "information", c("joint-work", "funding", "same:sector"), c("joint-work", "information"))
# Undirected outcome with unknown pairs, undirected predictors: mode "graph".
area_case(fixture, "joint-work", c("same:sector", "diff:staff"), c("joint-work", "same:sector"))
# Unknown predictor only; binary (tie presence) outcome and predictor.
area_case(fixture, "funding", c("tie:information", "same:sector"), NULL)

# Generated matrices with NA cells: directed valued, undirected binary, directed binary
# with NA in a predictor only.
set.seed(2027)
generated <- function(name, n, directed, valued, y_na, x_na) {
  sym <- function(m) { m[upper.tri(m)] <- t(m)[upper.tri(m)]; m }
  draw <- function(p) {
    m <- matrix(if (valued) round(rexp(n * n) * (runif(n * n) < p), 3) else (runif(n * n) < p) * 1, n, n)
    diag(m) <- 0
    if (directed) m else sym(m)
  }
  holes <- function(m, share) {
    h <- matrix(runif(n * n) < share, n, n)
    diag(h) <- FALSE
    if (!directed) h <- sym(h)
    m[h] <- NA
    m
  }
  x1 <- draw(0.3); x2 <- draw(0.5)
  g <- sample(1:3, n, replace = TRUE)
  x3 <- outer(g, g, "==") * 1; diag(x3) <- 0
  eta <- -1 + 1.2 * (x1 > 0) + 0.6 * x3
  y <- matrix((runif(n * n) < 1 / (1 + exp(-eta))) * (if (valued) round(1 + rexp(n * n), 3) else 1), n, n)
  diag(y) <- 0
  if (!directed) y <- sym(y)
  if (y_na > 0) y <- holes(y, y_na)
  if (x_na > 0) x1 <- holes(x1, x_na)
  xs <- list(x1, x2, x3)
  mode <- mode_of(c(list(y), xs))
  na_json <- function(m) { m[is.na(m)] <- -1; m }  # -1 marks an unknown cell in the fixture
  for (model in c("linear", "logistic")) {
    case <- c(list(generated = name, y_matrix = na_json(y), x_matrices = lapply(xs, na_json), x = c("x1", "x2", "x3"),
                   model = model, mode = mode, tool = tool), suppressWarnings(regression(y, xs, model, mode)))
    case$permutation <- tests_na(y, xs, model, mode, all_nulls(model))
    add_case(case)
  }
  add_case(c(list(generated = name, a_matrix = na_json(y), b_matrix = na_json(x1)), correlation_case(y, x1)))
}
generated("directed-valued-15-na", 15, TRUE, TRUE, 0.12, 0.08)
generated("undirected-binary-18-na", 18, FALSE, FALSE, 0.1, 0)
generated("directed-binary-14-na-x", 14, TRUE, FALSE, 0, 0.1)

dir.create(dirname(out_file), showWarnings = FALSE, recursive = TRUE)
writeLines(toJSON(list(tool = tool, script = "Scripts/reference/qap_unknown.R", reps = reps,
                       unknown_cell = -1, cases = cases),
                  digits = NA, auto_unbox = TRUE, pretty = TRUE), out_file)
cat("wrote", length(cases), "cases to", out_file, "\n")
