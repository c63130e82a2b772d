# Reference values for EvidenceTest (biomarker-service): the trials it registers, each arm's
# changes from baseline (W8 minus W0) as the test posts them, pooled with R metafor (Viechtbauer
# 2010) exactly as the evidence endpoint must pool them. Run from this directory:
#   Rscript evidence.R > evidence.json   (Debian: apt-get install r-cran-metafor r-cran-jsonlite)
# Effects: escalc("MD") (unequal variances) and escalc("SMD") (Hedges' g, exact correction) of
# each arm's mean, SD (n - 1) and n of the change. Pooling: rma(yi, vi, method = "REML",
# test = "knha"), predict() for the prediction interval, leave1out(), weights() in %.
# Subgroups: each pooled on its own (own tau^2) when it has two or more trials; the test for
# subgroup differences is Q of a fixed-effect model over the pooled subgroups' estimates and SEs.
suppressMessages(library(metafor))
suppressMessages(library(jsonlite))

# experimental arm changes, comparator arm changes (the test's CHANGES table)
trials <- list(
  T1 = list(e = c(-10, -8, -12, -6, -9), c = c(-6, -4, -7, -5, -3),
            type = "PROBIOTIC", adjunct = TRUE),
  T2 = list(e = c(-6, -5, -7, -9, -4, -8), c = c(-6, -7, -3, -5, -8, -4),
            type = "PROBIOTIC", adjunct = FALSE),
  T3 = list(e = c(-7, -12, -9, -10), c = c(-5, -6, -8, -4),
            type = "SYNBIOTIC", adjunct = TRUE),
  T4 = list(e = c(-13, -16, -10, -14, -12), c = c(-4, -7, -2, -6, -5),
            type = "FMT", adjunct = FALSE),
  T5 = list(e = c(-14, -12, -13), c = c(-2, -3, -1), type = "PROBIOTIC", adjunct = FALSE),
  T6 = list(e = c(-8, -9, -10), c = c(-4, -5, -3), type = "PROBIOTIC", adjunct = FALSE),
  # MADRS only
  T8 = list(e = c(-6, -8, -5, -9), c = c(-3, -4, -6, -2), type = "PREBIOTIC", adjunct = FALSE))

effects <- function(names, measure) {
  d <- data.frame(
    m1 = sapply(names, function(n) mean(trials[[n]]$e)),
    sd1 = sapply(names, function(n) sd(trials[[n]]$e)),
    n1 = sapply(names, function(n) length(trials[[n]]$e)),
    m2 = sapply(names, function(n) mean(trials[[n]]$c)),
    sd2 = sapply(names, function(n) sd(trials[[n]]$c)),
    n2 = sapply(names, function(n) length(trials[[n]]$c)))
  escalc(measure = measure, m1i = m1, sd1i = sd1, n1i = n1, m2i = m2, sd2i = sd2, n2i = n2,
         data = d)
}

reml <- function(yi, vi) rma(yi = yi, vi = vi, method = "REML", test = "knha",
                             control = list(threshold = 1e-12, maxiter = 1000))

pooled <- function(m) {
  p <- predict(m)
  list(k = m$k, estimate = as.numeric(m$b), se = m$se, ciLow = m$ci.lb, ciHigh = m$ci.ub,
       t = m$zval, df = m$k - 1, p = m$pval, tau2 = m$tau2, i2 = m$I2, h2 = m$H2, q = m$QE,
       qP = m$QEp, piLow = p$pi.lb, piHigh = p$pi.ub)
}

subgroups <- function(es, names, grp) {
  groups <- unique(grp)
  fits <- lapply(groups, function(g) {
    ix <- which(grp == g)
    if (length(ix) >= 2) reml(es$yi[ix], es$vi[ix]) else NULL
  })
  names(fits) <- groups
  fitted <- Filter(Negate(is.null), fits)
  diff <- if (length(fitted) >= 2) {
    b <- rma(yi = sapply(fitted, function(m) as.numeric(m$b)),
             sei = sapply(fitted, function(m) m$se), method = "FE")
    list(q = b$QE, df = b$k - 1, p = b$QEp)
  } else NULL
  list(groups = lapply(groups, function(g) list(name = g, trials = as.list(names[grp == g]),
         pooled = if (is.null(fits[[g]])) NULL else pooled(fits[[g]]))),
       difference = diff)
}

fit <- function(name, names, measure) {
  es <- effects(names, measure)
  m <- reml(as.numeric(es$yi), as.numeric(es$vi))
  l <- if (length(names) >= 3) leave1out(m) else NULL
  types <- sapply(names, function(n) trials[[n]]$type)
  adj <- ifelse(sapply(names, function(n) trials[[n]]$adjunct), "adjunct", "standalone")
  list(name = name, measure = measure, trials = as.list(names),
       yi = as.numeric(es$yi), vi = as.numeric(es$vi), weights = as.numeric(weights(m)),
       pooled = pooled(m),
       leaveOneOut = if (is.null(l)) NULL else
         lapply(seq_along(names), function(i) list(omitted = names[i],
           estimate = l$estimate[i], se = l$se[i], ciLow = l$ci.lb[i], ciHigh = l$ci.ub[i],
           p = l$pval[i], tau2 = l$tau2[i], i2 = l$I2[i])),
       byInterventionType = subgroups(es, names, types),
       byAdjunct = subgroups(es, names, adj))
}

out <- list(fits = list(
  fit("md", c("T1", "T2", "T3", "T4"), "MD"),
  fit("smd_two_scales", c("T1", "T2", "T3", "T4", "T8"), "SMD"),
  fit("md_probiotic", c("T1", "T2"), "MD"),
  fit("md_adjunct", c("T1", "T3"), "MD"),
  fit("md_as_t5_owner", c("T2", "T3", "T4", "T5"), "MD"),
  fit("md_after_unblinding", c("T1", "T2", "T3", "T4", "T6"), "MD")))
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"))
