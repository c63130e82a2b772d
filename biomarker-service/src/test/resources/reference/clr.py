#!/usr/bin/env python3
"""Reference centred log-ratios of genus profiles, for CentredLogRatioTest and ClrSummaryTest,
written out with NumPy (scikit-bio is not installed; its multiplicative_replacement and clr are
the same formulas).

Regenerate (python3-numpy):
    python3 clr.py > clr.json

Each sample is a full genus profile: TAXON_<NCBI id> rows plus TAXON_UNCLASSIFIED, summing to
100 % exactly, some parts 0. Every part, the unclassified one included, is a part of the
composition.

Zero replacement (Martin-Fernandez, Barcelo-Vidal & Pawlowsky-Glahn 2003, multiplicative): with
delta = 0.65 x the sample's smallest non-zero abundance, Z zero parts and total k,
    r_i = delta                  if x_i == 0
    r_i = x_i * (1 - Z*delta/k)  otherwise
then clr(r)_i = ln r_i - mean_j ln r_j.

"summary": the clr of TAXON_1678 (Bifidobacterium) over the participants whose sample has a full
profile (n, mean, SD with n-1, median, Q1 and Q3 by NumPy's default "linear" percentile, which is
Hyndman & Fan type 7, min, max). P-06's sample has no TAXON_UNCLASSIFIED row: it is not a full
profile and is excluded.
"""
import json

import numpy as np

DELTA_FACTOR = 0.65
TAXON = "TAXON_1678"

PARTS = ["TAXON_816", "TAXON_216851", "TAXON_1678", "TAXON_838", "TAXON_841", "TAXON_572511",
         "TAXON_UNCLASSIFIED"]

# abundances in %, in the order of PARTS; each row sums to 100
SAMPLES = {
    "P-01": [35.5, 12.25, 4.125, 0.0, 8.0, 20.0, 20.125],
    "P-02": [20.0, 15.0, 0.0, 30.5, 0.0, 14.375, 20.125],
    "P-03": [41.2, 9.8, 12.0, 0.0, 6.5, 25.5, 5.0],
    "P-04": [10.0, 22.0, 1.5, 45.0, 3.25, 18.25, 0.0],
    "P-05": [28.0, 18.0, 7.75, 12.0, 9.25, 15.0, 10.0],
}
# no TAXON_UNCLASSIFIED row: not a full profile
INCOMPLETE = {"P-06": [30.0, 20.0, 5.0, 15.0, 10.0, 20.0]}


def replace_zeros(x):
    x = np.asarray(x, dtype=float)
    total = x.sum()
    nonzero = x > 0
    delta = DELTA_FACTOR * x[nonzero].min()
    zeros = int((~nonzero).sum())
    return np.where(nonzero, x * (1 - zeros * delta / total), delta)


def clr(x):
    logs = np.log(x)
    return logs - logs.mean()


def main():
    samples = []
    values = []
    for participant, abundances in SAMPLES.items():
        assert abs(sum(abundances) - 100) < 1e-12, participant
        transformed = clr(replace_zeros(abundances))
        samples.append({
            "participant": participant,
            "parts": dict(zip(PARTS, abundances)),
            "clr": dict(zip(PARTS, transformed.tolist())),
        })
        values.append(transformed[PARTS.index(TAXON)])
    v = np.array(values)
    print(json.dumps({
        "numpy": np.__version__,
        "deltaFactor": DELTA_FACTOR,
        "taxon": TAXON,
        "samples": samples,
        "incomplete": [{"participant": p, "parts": dict(zip(PARTS, a))}
                       for p, a in INCOMPLETE.items()],
        "summary": {
            "n": len(v),
            "mean": float(v.mean()),
            "sd": float(v.std(ddof=1)),
            "median": float(np.median(v)),
            "q1": float(np.percentile(v, 25)),
            "q3": float(np.percentile(v, 75)),
            "min": float(v.min()),
            "max": float(v.max()),
        },
    }, indent=2))


if __name__ == "__main__":
    main()
