#!/usr/bin/env python3
"""Reference values for CrossoverStatisticsTest and CrossoverAnalysisTest, computed with SciPy.

Regenerate (python3-scipy):
    python3 crossover.py > crossover.json

ab_ba: a 2x2 crossover (sequences AB = probiotic then placebo, BA = placebo then probiotic), one
value per participant and period (P1 at W4, P2 at W8), a plain-scale analyte. The Jones & Kenward
/ Senn analysis: period differences d = P1 - P2; the treatment effect (mean d_AB - mean d_BA)/2
and the period effect (mean d_AB + mean d_BA)/2, each with the two-sample t test with pooled
variance on the d's (scipy.stats.ttest_ind(equal_var=True); the period effect as the test of d_AB
against -d_BA), the 95% interval of the difference of means (t.interval on n_AB + n_BA - 2 df)
halved. Beside it the paired t test of probiotic - placebo over all participants
(scipy.stats.ttest_rel) and its interval (t.interval on n - 1 df).

ab_ba_log: the same on natural logs (IL-6, pg/mL, analysed on the log scale), with the
exponentials (ratios of geometric means). The Quarkus test posts exactly these values, plus a
participant (MISSING) with a P1 value only, who must be reported as excluded.

abb_baa: three periods, sequences ABB and BAA: per participant the mean of the probiotic values
minus the mean of the placebo values, then the paired t test of those means (ttest_rel).

n_of_1: participants of an N-of-1 trial, each a list of cycle differences (probiotic - placebo of
a cycle): the mean, the SD (n-1), the interval t.interval(0.95, k - 1, mean, SD/sqrt(k)); with one
cycle the estimate alone.
"""
import json
import math

import numpy as np
import scipy
from scipy import stats

PRO, PLA = "PROBIOTIC", "PLACEBO"


def interval(mean, se, df):
    low, high = stats.t.interval(0.95, df, loc=mean, scale=se)
    return float(low), float(high)


def two_by_two(rows):
    """rows: (participant, sequence, p1, p2); sequence AB has the probiotic first."""
    d_ab = np.array([p1 - p2 for _, s, p1, p2 in rows if s == "AB"])
    d_ba = np.array([p1 - p2 for _, s, p1, p2 in rows if s == "BA"])
    n1, n2 = len(d_ab), len(d_ba)
    df = n1 + n2 - 2
    pooled = math.sqrt(((n1 - 1) * d_ab.var(ddof=1) + (n2 - 1) * d_ba.var(ddof=1)) / df)
    se = pooled * math.sqrt(1 / n1 + 1 / n2) / 2
    out = {}
    for name, other in (("treatmentEffect", d_ba), ("periodEffect", -d_ba)):
        test = stats.ttest_ind(d_ab, other, equal_var=True)
        diff = d_ab.mean() - other.mean()
        low, high = interval(diff, 2 * se, df)
        out[name] = {
            "estimate": float(diff / 2),
            "se": float(se),
            "sd": float(pooled),
            "ciLow": low / 2,
            "ciHigh": high / 2,
            "t": float(test.statistic),
            "df": df,
            "p": float(test.pvalue),
            "n": n1 + n2,
        }
    treatment = np.array([p1 if s == "AB" else p2 for _, s, p1, p2 in rows])
    placebo = np.array([p2 if s == "AB" else p1 for _, s, p1, p2 in rows])
    out["paired"] = paired(treatment, placebo)
    out["groups"] = {"AB": d_ab.tolist(), "BA": d_ba.tolist()}
    out["differences"] = (treatment - placebo).tolist()
    return out


def paired(treatment, placebo):
    test = stats.ttest_rel(treatment, placebo)
    d = treatment - placebo
    n = len(d)
    sd = d.std(ddof=1)
    low, high = interval(d.mean(), sd / math.sqrt(n), n - 1)
    return {
        "n": n,
        "estimate": float(d.mean()),
        "sd": float(sd),
        "se": float(sd / math.sqrt(n)),
        "ciLow": low,
        "ciHigh": high,
        "t": float(test.statistic),
        "df": n - 1,
        "p": float(test.pvalue),
    }


def with_ratios(estimate):
    copy = dict(estimate)
    for key, name in (("estimate", "ratio"), ("ciLow", "ratioCiLow"), ("ciHigh", "ratioCiHigh")):
        copy[name] = math.exp(estimate[key])
    return copy


# (participant, sequence, P1 value, P2 value); plain scale
AB_BA = [
    ("X-01", "AB", 12.1, 14.3),
    ("X-02", "AB", 9.8, 12.0),
    ("X-03", "AB", 11.4, 11.9),
    ("X-04", "AB", 13.0, 15.8),
    ("X-05", "AB", 10.2, 10.9),
    ("X-06", "BA", 14.9, 12.2),
    ("X-07", "BA", 12.7, 11.8),
    ("X-08", "BA", 15.5, 12.6),
    ("X-09", "BA", 11.1, 10.4),
]

# IL-6 (pg/mL), analysed on natural logs
AB_BA_LOG = [
    ("C-01", "AB", 2.4, 3.9),
    ("C-02", "AB", 1.6, 2.2),
    ("C-03", "AB", 3.8, 4.1),
    ("C-04", "AB", 2.9, 4.6),
    ("C-05", "BA", 4.4, 2.7),
    ("C-06", "BA", 3.1, 2.5),
    ("C-07", "BA", 5.2, 3.3),
]

# (participant, sequence, [P1, P2, P3]); ABB: probiotic, placebo, placebo
ABB_BAA = [
    ("T-01", "ABB", [5.1, 6.4, 6.0]),
    ("T-02", "ABB", [4.2, 4.9, 5.3]),
    ("T-03", "ABB", [6.3, 6.1, 7.0]),
    ("T-04", "BAA", [6.8, 5.5, 5.9]),
    ("T-05", "BAA", [5.6, 4.8, 5.0]),
    ("T-06", "BAA", [7.2, 6.9, 6.1]),
]

N_OF_1 = {
    "N-01": [-1.2, -0.4, -0.9],
    "N-02": [0.3, -0.5, -0.2, -0.8],
    "N-03": [-0.7],
}


def abb_baa():
    treatment, placebo = [], []
    for _, seq, values in ABB_BAA:
        arms = [PRO if c == "A" else PLA for c in seq]
        treatment.append(np.mean([v for v, a in zip(values, arms) if a == PRO]))
        placebo.append(np.mean([v for v, a in zip(values, arms) if a == PLA]))
    treatment, placebo = np.array(treatment), np.array(placebo)
    return {
        "participants": [{"participant": p, "sequence": s, "values": v} for p, s, v in ABB_BAA],
        "differences": (treatment - placebo).tolist(),
        "paired": paired(treatment, placebo),
    }


def n_of_1():
    out = {}
    for participant, cycles in N_OF_1.items():
        d = np.array(cycles)
        k = len(d)
        entry = {"cycles": cycles, "n": k, "estimate": float(d.mean())}
        if k > 1:
            sd = d.std(ddof=1)
            low, high = interval(d.mean(), sd / math.sqrt(k), k - 1)
            entry.update({"sd": float(sd), "ciLow": low, "ciHigh": high, "df": k - 1})
        out[participant] = entry
    return out


def rows(data):
    return [{"participant": p, "sequence": s, "p1": a, "p2": b} for p, s, a, b in data]


log = two_by_two([(p, s, math.log(a), math.log(b)) for p, s, a, b in AB_BA_LOG])
for key in ("treatmentEffect", "periodEffect", "paired"):
    log[key] = with_ratios(log[key])

print(
    json.dumps(
        {
            "scipy": scipy.__version__,
            "ab_ba": {"participants": rows(AB_BA), **two_by_two(AB_BA)},
            "ab_ba_log": {"participants": rows(AB_BA_LOG), **log},
            "abb_baa": abb_baa(),
            "n_of_1": n_of_1(),
        },
        indent=2,
    )
)
