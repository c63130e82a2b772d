package org.psybiome.biomarker.service.evidence;

/**
 * A random-effects pooled estimate: REML between-study variance (τ²), the Hartung–Knapp–Sidik–
 * Jonkman standard error, 95 % interval and t-test with k − 1 degrees of freedom, the 95 %
 * prediction interval for a new study's true effect, and the heterogeneity statistics of the
 * fixed-effect weights (Cochran's Q, Higgins and Thompson's I² and H²).
 */
public record PooledEffect(
    int k,
    double estimate,
    double se,
    double ciLow,
    double ciHigh,
    double t,
    int df,
    double p,
    double tau2,
    double i2,
    double h2,
    double q,
    double qP,
    double piLow,
    double piHigh) {}
