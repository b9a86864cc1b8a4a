#!/usr/bin/env python3
"""Writes docs/examples/person-level/caseload.csv: a synthetic person-level starting population.

Nobody in it is real. Each person is drawn as phbsim models people: a gamma frailty (mean 1) per
segment, crisis contacts last year Poisson with mean the segment's rate times the frailty, bed days
from the crises that led to an admission, and community contacts around two a month. The segments,
head counts, rates and frailty variances are the default scenario's (docs/scenarios.md). The
identifiers are made-up pseudonyms (SYN- and eight hex digits), so that a test can show that none
of them reaches any output.

    python3 scripts/synthetic-caseload.py   # rewrites the file; the same bytes every time (seed 2026)
"""
import math
import random

SEGMENTS = [
    # id, people, crises a year at frailty 1, frailty variance, age bands and their weights
    ("common", 600, 0.1, 0.5, [("18-24", 2), ("25-34", 3), ("35-44", 3), ("45-54", 2), ("55-64", 1)]),
    ("psychosis", 550, 0.4, 0.7, [("18-24", 2), ("25-34", 3), ("35-44", 3), ("45-54", 2), ("55-64", 1)]),
    ("complex", 150, 1.0, 1.0, [("18-24", 3), ("25-34", 3), ("35-44", 2), ("45-54", 1)]),
    ("organic", 200, 0.15, 0.5, [("65-74", 2), ("75-84", 3), ("85+", 2)]),
]
ADMITTED = 0.3  # share of crises that end in a ward stay (about the default pathway's)
MEAN_STAY = 30  # days


def poisson(rng, mean):
    # Knuth's method: means here are small.
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def main():
    rng = random.Random(2026)
    rows = []
    for segment, people, rate, variance, bands in SEGMENTS:
        labels = [b for b, _ in bands]
        weights = [w for _, w in bands]
        for _ in range(people):
            frailty = rng.gammavariate(1 / variance, variance)
            crises = poisson(rng, rate * frailty)
            bed_days = 0
            for _ in range(crises):
                if rng.random() < ADMITTED:
                    bed_days += max(1, round(rng.expovariate(1 / MEAN_STAY)))
            rows.append(
                (
                    "SYN-%08X" % rng.getrandbits(32),
                    segment,
                    rng.choices(labels, weights)[0],
                    min(bed_days, 366),
                    crises,
                    poisson(rng, 24),
                )
            )
    rng.shuffle(rows)  # a file is in no particular order
    with open("docs/examples/person-level/caseload.csv", "w", newline="\n") as out:
        out.write("id,segment,age_band,bed_days,crisis_contacts,community_contacts\n")
        for r in rows:
            out.write(",".join(str(v) for v in r) + "\n")


if __name__ == "__main__":
    main()
