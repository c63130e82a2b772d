# Reference values for RandomEffectsMetaTest (biomarker-service), computed with R metafor 3.8.1
# (Viechtbauer 2010), the field's reference for random-effects pooling. Run from this directory:
#   Rscript random_effects.R > random_effects.json   (Debian: apt-get install r-cran-metafor r-cran-jsonlite)
# Pooling: rma(yi, vi, method = "REML", test = "knha") = REML tau^2, Hartung-Knapp-Sidik-Jonkman
# interval and t-test (no truncation of the scaling factor), prediction interval from predict()
# (t with k - 1 df under knha). Effect sizes: escalc("SMD") (Hedges' g, exact bias correction)
# and escalc("MD") (unequal variances).
suppressMessages(library(metafor))
suppressMessages(library(jsonlite))

fit <- function(name, yi, vi) {
  m <- rma(yi = yi, vi = vi, method = "REML", test = "knha",
           control = list(threshold = 1e-12, maxiter = 1000))
  p <- predict(m)
  l <- if (length(yi) >= 3) leave1out(m) else NULL
  list(name = name, yi = yi, vi = vi, k = m$k,
       estimate = as.numeric(m$b), se = m$se, ciLow = m$ci.lb, ciHigh = m$ci.ub,
       t = m$zval, df = m$k - 1, p = m$pval,
       tau2 = m$tau2, i2 = m$I2, h2 = m$H2, q = m$QE, qP = m$QEp,
       piLow = p$pi.lb, piHigh = p$pi.ub,
       leaveOneOut = if (is.null(l)) NULL else
         lapply(seq_along(yi), function(i) list(omitted = i - 1, estimate = l$estimate[i],
           se = l$se[i], ciLow = l$ci.lb[i], ciHigh = l$ci.ub[i], p = l$pval[i],
           tau2 = l$tau2[i], i2 = l$I2[i], q = l$Q[i])))
}

# 1. BCG vaccine trials (metafor's dat.bcg), log risk ratios: 13 trials, large heterogeneity
bcg <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
# 2. five invented trials of a psychobiotic on HAM-D change, Hedges' g from summary statistics
smd <- data.frame(m1 = c(-7.1, -9.4, -5.2, -8.8, -6.0), sd1 = c(5.5, 6.1, 4.9, 7.0, 5.8),
                  n1 = c(20, 35, 18, 60, 42),
                  m2 = c(-5.0, -6.2, -5.9, -6.1, -4.1), sd2 = c(5.9, 6.4, 5.2, 6.6, 6.0),
                  n2 = c(21, 33, 17, 58, 40))
g <- escalc(measure = "SMD", m1i = m1, sd1i = sd1, n1i = n1, m2i = m2, sd2i = sd2, n2i = n2,
            data = smd)
md <- escalc(measure = "MD", m1i = m1, sd1i = sd1, n1i = n1, m2i = m2, sd2i = sd2, n2i = n2,
             data = smd)
# 3. homogeneous: REML tau^2 at its bound 0
homo <- list(yi = c(0.30, 0.32, 0.29, 0.31), vi = c(0.04, 0.05, 0.03, 0.06))
# 4. two trials
two <- list(yi = c(-0.45, -0.10), vi = c(0.05, 0.08))

# subgroups of the SMD trials: adjunct (1, 2, 4) vs standalone (3, 5); each pooled on its own
# (its own tau^2), then the test for subgroup differences = Q of a fixed-effect model over the
# subgroup estimates and their standard errors (as RevMan and metafor's examples do)
grp <- c("adjunct", "adjunct", "standalone", "adjunct", "standalone")
sub <- lapply(split(seq_along(grp), grp), function(ix) rma(yi = g$yi[ix], vi = g$vi[ix],
  method = "REML", test = "knha", control = list(threshold = 1e-12, maxiter = 1000)))
between <- rma(yi = sapply(sub, function(m) as.numeric(m$b)), sei = sapply(sub, function(m) m$se),
               method = "FE")

out <- list(
  effectSizes = lapply(seq_len(nrow(smd)), function(i) c(as.list(smd[i, ]),
    list(g = g$yi[i], gVariance = g$vi[i], md = md$yi[i], mdVariance = md$vi[i]))),
  fits = list(fit("bcg", as.numeric(bcg$yi), as.numeric(bcg$vi)),
              fit("smd", as.numeric(g$yi), as.numeric(g$vi)),
              fit("homogeneous", homo$yi, homo$vi),
              fit("two", two$yi, two$vi)),
  subgroups = list(groups = grp,
    pooled = lapply(names(sub), function(n) list(group = n, k = sub[[n]]$k,
      estimate = as.numeric(sub[[n]]$b), se = sub[[n]]$se, tau2 = sub[[n]]$tau2)),
    qBetween = between$QE, df = between$k - 1, p = between$QEp))
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"))
