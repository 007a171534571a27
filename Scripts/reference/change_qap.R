# R sna reference values for the QAP correlation between waves of `partnernet change`.
#
# Usage: Rscript Scripts/reference/change_qap.R [REPS]
#
# For every series of Tests/Fixtures/waves/MANIFEST.json, each pair of consecutive waves
# and (with more than two waves) the first against the last, and each relation (the
# relations of relationships.csv in either wave, then co-membership when either wave has
# memberships), over the organisations present in either wave (the earlier wave's in order,
# then those only in the later; an organisation absent from a wave has no ties in it):
# tie presence matrices A and B (1 where the pair holds a row of the relation, both ways in
# an undirected relation; co-membership: the two share a partnership), and
#   gcor(A, B, mode)                                        the correlation
#   set.seed(15); qaptest(list(A, B), gcor, g1 = 1, g2 = 2, mode, reps = REPS)
#                                                           pgreq, pleeq
# mode "graph" when both matrices are symmetric, else "digraph". Default REPS 5000.
# Writes Tests/Fixtures/reference/change/qap.json.
suppressMessages(library(sna))
suppressMessages(library(jsonlite))

args <- commandArgs(trailingOnly = TRUE)
reps <- if (length(args) >= 1) as.integer(args[1]) else 5000L
tool <- sprintf("R %s, sna %s", getRversion(), packageVersion("sna"))

read_wave <- function(folder) {
  csv <- function(name) {
    path <- file.path(folder, paste0(name, ".csv"))
    if (!file.exists(path)) return(NULL)
    t <- read.csv(path, colClasses = "character", check.names = FALSE, encoding = "UTF-8")
    names(t) <- tolower(names(t))
    t
  }
  list(orgs = csv("organisations"), rels = csv("relationships"), members = csv("memberships"),
       meta = fromJSON(file.path(folder, "area.json"), simplifyVector = FALSE))
}

relations_of <- function(w) unique(w$rels$relation)

is_directed <- function(w, relation) {
  if (relation == "co-membership") return(FALSE)
  spec <- w$meta$relations[[relation]]
  if (!is.null(spec) && !is.null(spec$directed)) return(isTRUE(spec$directed))
  isTRUE(w$meta$directed)
}

presence <- function(w, relation, ids, directed) {
  n <- length(ids)
  m <- matrix(0, n, n)
  if (relation == "co-membership") {
    if (is.null(w$members)) return(m)
    for (p in unique(w$members$partnership)) {
      who <- match(w$members$organisation[w$members$partnership == p], ids)
      for (a in who) for (b in who) if (a != b) m[a, b] <- 1
    }
    return(m)
  }
  rows <- w$rels[w$rels$relation == relation, ]
  for (r in seq_len(nrow(rows))) {
    s <- match(rows$source[r], ids)
    t <- match(rows$target[r], ids)
    if (s == t) next
    m[s, t] <- 1
    if (!directed) m[t, s] <- 1
  }
  m
}

manifest <- fromJSON("Tests/Fixtures/waves/MANIFEST.json", simplifyVector = FALSE)
cases <- list()
for (series in manifest$series) {
  waves <- lapply(series$waves, function(f) read_wave(f))
  k <- length(waves)
  pairs <- lapply(seq_len(k - 1), function(i) c(i, i + 1))
  if (k > 2) pairs[[length(pairs) + 1]] <- c(1, k)
  for (pair in pairs) {
    a <- waves[[pair[1]]]
    b <- waves[[pair[2]]]
    ids <- c(a$orgs$id, setdiff(b$orgs$id, a$orgs$id))
    rels <- c(relations_of(a), setdiff(relations_of(b), relations_of(a)))
    if (!is.null(a$members) || !is.null(b$members)) rels <- c(rels, "co-membership")
    for (relation in rels) {
      d <- is_directed(if (relation %in% relations_of(a) || relation == "co-membership") a else b, relation)
      ma <- presence(a, relation, ids, d)
      mb <- presence(b, relation, ids, d)
      mode <- if (isSymmetric(ma) && isSymmetric(mb)) "graph" else "digraph"
      message(series$name, " ", pair[1], "..", pair[2], " ", relation)
      case <- list(series = series$name, before = pair[1] - 1, after = pair[2] - 1, relation = relation,
                   mode = mode, tool = tool, organisations = I(ids))
      r <- tryCatch(gcor(ma, mb, mode = mode), warning = function(w) NA, error = function(e) NA)
      if (is.na(r)) {
        case$correlation <- NULL
      } else {
        case$correlation <- r
        set.seed(15)
        test <- qaptest(list(ma, mb), gcor, g1 = 1, g2 = 2, mode = mode, reps = reps)
        case$qaptest <- list(reps = reps, p_ge = test$pgreq, p_le = test$pleeq,
                             call = sprintf('set.seed(15); qaptest(list(A, B), gcor, g1 = 1, g2 = 2, mode = "%s", reps = %d)', mode, reps))
      }
      case$call <- sprintf('gcor(A, B, mode = "%s")', mode)
      cases[[length(cases) + 1]] <- case
    }
  }
}
dir.create("Tests/Fixtures/reference/change", showWarnings = FALSE, recursive = TRUE)
writeLines(toJSON(list(tool = tool, reps = reps, cases = cases), auto_unbox = TRUE, digits = NA, pretty = TRUE),
           "Tests/Fixtures/reference/change/qap.json")
