#!/usr/bin/env python3
"""Synthetic respondent pools for timing the fair algorithms (not a test; no personal data).

Four features with 20 values in all (gender 2, age 6, education 3, district 9). The pool is skewed like
Zeist 2020-21 (more highly educated and 40+ respondents than in the population), about 15% of respondents
share an address with another respondent, and the quotas are the population shares of the panel +-3 seats.

usage: generate_pool.py N K SEED OUTDIR   ->  OUTDIR/people.csv, OUTDIR/quotas.csv
"""
import csv, os, random, sys

FEATURES = {
    "gender": (["female", "male"], [0.51, 0.49], [0.47, 0.53]),
    "age": (["16-24", "25-34", "35-44", "45-54", "55-64", "65+"],
            [0.14, 0.15, 0.15, 0.17, 0.16, 0.23], [0.06, 0.10, 0.14, 0.20, 0.23, 0.27]),
    "education": (["low", "middle", "high"], [0.30, 0.40, 0.30], [0.12, 0.30, 0.58]),
    "district": ([f"d{i}" for i in range(1, 10)], [1 / 9] * 9,
                 [0.08, 0.10, 0.12, 0.14, 0.09, 0.11, 0.13, 0.10, 0.13]),
}

def main():
    n, k, seed, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    people = []
    address = 0
    while len(people) < n:
        size = 2 if rng.random() < 0.08 and n - len(people) >= 2 else 1
        district = rng.choices(FEATURES["district"][0], FEATURES["district"][2])[0]
        for _ in range(size):
            row = {f: rng.choices(v, w)[0] for f, (v, _, w) in FEATURES.items() if f != "district"}
            row["district"] = district
            row["id"] = f"p{len(people):05d}"
            row["address"] = f"street {address}"
            people.append(row)
        address += 1
    with open(os.path.join(out, "people.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, ["id", "gender", "age", "education", "district", "address"])
        w.writeheader(); w.writerows(people)
    with open(os.path.join(out, "quotas.csv"), "w", newline="") as f:
        w = csv.writer(f); w.writerow(["feature", "value", "min", "max"])
        for name, (values, shares, _) in FEATURES.items():
            for v, s in zip(values, shares):
                have = sum(1 for p in people if p[name] == v)
                target = round(s * k)
                w.writerow([name, v, max(0, min(have, target - 3)), min(k, target + 3)])

main()
