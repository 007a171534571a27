# R reference values for `compare --regress` (issue 14): ordinary least squares over
# areas with HC3 standard errors and Freedman–Lane permutation p-values.
#
# Usage: Rscript Scripts/reference/area_regression.R [PERMUTATIONS]
#
# Writes Tests/Fixtures/reference/compare/area_regression.json. For each case, the data
# (outcome and predictors, one value per area) and:
#   estimate, r_squared, adj_r_squared   lm(y ~ x1 + ...)
#   std_error                            sqrt(diag(sandwich::vcovHC(fit, type = "HC3")))
#   statistic                            estimate / std_error
#   p_le, p_ge, p_abs                    Freedman–Lane (1983), implemented here: for each
#       predictor j, the reduced model without it gives fitted values f and residuals e;
#       each of PERMUTATIONS draws (set.seed(1983), sample.int) refits the full model to
#       f + e[permutation] and takes t*_j = b*_j / HC3 se*_j; each tail (k + 1)/(N + 1),
#       values within 1e-9 relative counting as equal. The intercept is not tested.
# Cases: two over the bundled synthetic collection (compare's columns, read from
# Tests/Fixtures/reference/compare/synthetic_compare.csv, which `partnernet compare
# Datasets/synthetic -f csv` wrote, joined with Datasets/synthetic-parameters.csv), and
# three generated with heteroskedastic errors, correlated predictors and a high-leverage
# area.
suppressMessages(library(sandwich))
suppressMessages(library(jsonlite))

args <- commandArgs(trailingOnly = TRUE)
permutations <- if (length(args) >= 1) as.integer(args[1]) else 100000L
tool <- sprintf("R %s, sandwich %s, stats::lm", getRversion(), packageVersion("sandwich"))

freedman_lane <- function(y, X, t_observed, B) {
  n <- length(y)
  XtXi <- solve(crossprod(X))
  A <- XtXi %*% t(X)
  h <- rowSums((X %*% XtXi) * X)
  w <- 1 / (1 - h)^2
  set.seed(1983)
  perms <- replicate(B, sample.int(n))  # n x B
  out <- list()
  for (j in 2:ncol(X)) {
    Xr <- X[, -j, drop = FALSE]
    reduced <- lm.fit(Xr, y)
    f <- y - reduced$residuals
    e <- reduced$residuals
    Ystar <- f + matrix(e[perms], nrow = n)
    Bstar <- A %*% Ystar
    Estar <- Ystar - X %*% Bstar
    se <- sqrt(colSums((A[j, ]^2 * w) * Estar^2))
    tstar <- Bstar[j, ] / se
    t0 <- t_observed[j]
    tol <- 1e-9 * pmax(1, abs(tstar), abs(t0))
    out[[j]] <- c(
      p_le = (sum(tstar <= t0 + tol) + 1) / (B + 1),
      p_ge = (sum(tstar >= t0 - tol) + 1) / (B + 1),
      p_abs = (sum(abs(tstar) >= abs(t0) - tol) + 1) / (B + 1))
  }
  out
}

fit_case <- function(name, y, predictors, note) {
  df <- data.frame(y = y, predictors, check.names = FALSE)
  safe <- paste0("x", seq_along(predictors))
  names(df) <- c("y", safe)
  fit <- lm(as.formula(paste("y ~", paste(safe, collapse = " + "))), data = df)
  se <- sqrt(diag(vcovHC(fit, type = "HC3")))
  est <- unname(coef(fit))
  t <- est / unname(se)
  X <- model.matrix(fit)
  p <- freedman_lane(y, X, t, permutations)
  s <- summary(fit)
  terms <- c("intercept", names(predictors))
  coefficients <- lapply(seq_along(terms), function(k) {
    row <- list(term = terms[k], estimate = est[k], std_error = unname(se[k]), statistic = t[k])
    if (k > 1) row <- c(row, as.list(p[[k]]))
    row
  })
  list(
    name = name, note = note, outcome = y, predictors = lapply(predictors, I),
    terms = I(names(predictors)),
    call = sprintf("lm(y ~ %s); sandwich::vcovHC(type = \"HC3\"); Freedman-Lane, %d permutations, set.seed(1983)",
                   paste(names(predictors), collapse = " + "), permutations),
    coefficients = coefficients, r_squared = s$r.squared, adj_r_squared = s$adj.r.squared,
    observations = length(y))
}

cases <- list()

compare <- read.csv("Tests/Fixtures/reference/compare/synthetic_compare.csv", check.names = FALSE,
                    colClasses = c(area = "character", path = "character"))
parameters <- read.csv("Datasets/synthetic-parameters.csv", check.names = FALSE, colClasses = c(area = "character"))
compare$folder <- basename(compare$path)
joined <- merge(compare, parameters, by.x = "folder", by.y = "area")
joined <- joined[order(joined$folder), ]
cases[[length(cases) + 1]] <- fit_case(
  "synthetic: focal_share[betweenness] ~ local_authority_centrality + organisations",
  joined[["focal_share[betweenness]"]],
  list(local_authority_centrality = joined$local_authority_centrality, organisations = joined$organisations),
  "Datasets/synthetic, compare's columns and Datasets/synthetic-parameters.csv")
cases[[length(cases) + 1]] <- fit_case(
  "synthetic: ei_index ~ homophily + density",
  joined[["ei_index"]],
  list(homophily = joined$homophily, density = joined$density),
  "Datasets/synthetic, compare's columns and Datasets/synthetic-parameters.csv")

set.seed(2026)
n <- 15
x1 <- rnorm(n); x2 <- runif(n, 0, 10); x3 <- rbinom(n, 1, 0.4)
y <- 1 + 0.8 * x1 - 0.1 * x2 + 0.5 * x3 + rnorm(n, sd = 0.2 + abs(x1))
cases[[length(cases) + 1]] <- fit_case("generated: heteroskedastic, 15 areas, 3 predictors", y,
                                       list(x1 = x1, x2 = x2, x3 = x3), "set.seed(2026); rnorm, runif, rbinom")
n <- 40
x1 <- rnorm(n); x2 <- 0.9 * x1 + rnorm(n, sd = 0.3)
y <- 2 + 0 * x1 + 1.5 * x2 + rnorm(n, sd = exp(x1 / 2))
cases[[length(cases) + 1]] <- fit_case("generated: correlated predictors, 40 areas", y,
                                       list(x1 = x1, x2 = x2), "set.seed(2026), continued")
n <- 8
x1 <- c(rnorm(n - 1), 6)
y <- 0.3 * x1 + rnorm(n)
cases[[length(cases) + 1]] <- fit_case("generated: a high-leverage area, 8 areas", y,
                                       list(x1 = x1), "set.seed(2026), continued")

fixture <- list(tool = tool, script = "Scripts/reference/area_regression.R", permutations = permutations,
                cases = cases)
dir.create("Tests/Fixtures/reference/compare", showWarnings = FALSE, recursive = TRUE)
writeLines(toJSON(fixture, auto_unbox = TRUE, digits = NA, pretty = TRUE),
           "Tests/Fixtures/reference/compare/area_regression.json")
cat(sprintf("wrote Tests/Fixtures/reference/compare/area_regression.json: %d cases, %d permutations\n",
            length(cases), permutations))
