#!/usr/bin/env python3
"""Independent check of one `kleroterion select` output folder, for bench/peer.sh (plain Python, no packages).

Checks, against the pool and the quotas file:
  - panel.csv: PANEL_SIZE rows, every quota min/max holds (combination rows `a&b,x&y` included), at most one person per household (address columns);
  - panel.csv + remaining.csv together are exactly the pool (nobody lost, nobody twice);
  - probabilities.csv: one row per respondent, each in [0, 1], summing to PANEL_SIZE;
  - distribution.csv (if present): probabilities sum to 1, every panel meets the quotas and the household rule,
    the marginals equal probabilities.csv, and the drawn panel is one of the panels.
Prints one JSON line: {"min_probability": ..., "estimate": bool, "panels": n, "problems": [...]}.

Usage: check_outputs.py POOL QUOTAS PANEL_SIZE DIR [HOUSEHOLD_COLUMNS]
"""
import csv
import json
import os
import sys
from collections import Counter

TOL_SUM = 1e-6
TOL_MARGINAL = 1e-6


def key(text):
    return text.strip().lower()


def main():
    pool_path, quota_path, k, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    household_columns = (sys.argv[5] if len(sys.argv) > 5 else "address,postcode").split(",")
    problems = []
    pool = {r["id"]: r for r in csv.DictReader(open(pool_path, newline=""))}
    quotas = [(r["feature"], key(r["value"]), int(r["min"]), int(r["max"]))
              for r in csv.DictReader(open(quota_path, newline=""))]

    def matches(person, feature, value):
        # A combination row (gender&age_band, vrouw&16-24) counts the members who match on every part.
        parts = [(feature, value)] if feature in person else list(zip(feature.split("&"), value.split("&")))
        return all(key(person[f.strip()]) == v.strip() for f, v in parts)

    # Per respondent, the quota rows they count for: one pass over the pool, so that checking the tens of
    # thousands of panels of a large distribution costs O(k x features) per panel, not O(k x quota rows).
    rows_of = {i: [q for q, (feature, value, _, _) in enumerate(quotas) if matches(person, feature, value)]
               for i, person in pool.items()}

    def panel_problems(ids, what):
        found = []
        if len(ids) != k:
            found.append(f"{what}: {len(ids)} members, not {k}")
        unknown = [i for i in ids if i not in pool]
        if unknown:
            return found + [f"{what}: unknown ids {unknown[:3]}"]
        if len(set(ids)) != len(ids):
            found.append(f"{what}: someone is in it twice")
        counts = [0] * len(quotas)
        for i in ids:
            for q in rows_of[i]:
                counts[q] += 1
        for (feature, value, lo, hi), n in zip(quotas, counts):
            if not lo <= n <= hi:
                found.append(f"{what}: {feature}={value} has {n}, quota {lo}..{hi}")
        homes = Counter(tuple(pool[i][c] for c in household_columns) for i in ids)
        crowded = [h for h, n in homes.items() if n > 1]
        if crowded:
            found.append(f"{what}: {len(crowded)} households have more than one member, e.g. {crowded[0]}")
        return found

    panel = [r["id"] for r in csv.DictReader(open(os.path.join(out, "panel.csv"), newline=""))]
    remaining = [r["id"] for r in csv.DictReader(open(os.path.join(out, "remaining.csv"), newline=""))]
    problems += panel_problems(panel, "panel.csv")
    if sorted(panel + remaining) != sorted(pool):
        problems.append("panel.csv + remaining.csv is not exactly the pool")

    chance, estimate = {}, False
    path = os.path.join(out, "probabilities.csv")
    if os.path.exists(path):
        rows = list(csv.DictReader(open(path, newline="")))
        estimate = bool(rows) and "standard_error" in rows[0]
        chance = {r["id"]: float(r["probability"]) for r in rows}
        if sorted(chance) != sorted(pool):
            problems.append("probabilities.csv does not list every respondent exactly once")
        if any(not -1e-9 <= p <= 1 + 1e-9 for p in chance.values()):
            problems.append("probabilities.csv has a value outside [0, 1]")
        total = sum(chance.values())
        if abs(total - k) > (0.5 if estimate else TOL_SUM * k):
            problems.append(f"probabilities.csv sums to {total!r}, not {k}")
    else:
        problems.append("no probabilities.csv")

    panels = 0
    path = os.path.join(out, "distribution.csv")
    if os.path.exists(path):
        rows = list(csv.DictReader(open(path, newline="")))
        panels = len(rows)
        marginal = Counter()
        total = 0.0
        drawn = sorted(panel)
        seen_drawn = False
        for n, r in enumerate(rows, start=2):
            p, ids = float(r["probability"]), r["member_ids"].split(" ")
            total += p
            for i in ids:
                marginal[i] += p
            if sorted(ids) == drawn:
                seen_drawn = True
            found = panel_problems(ids, f"distribution.csv line {n}")
            problems += found[:2]
        if abs(total - 1) > TOL_SUM:
            problems.append(f"distribution.csv probabilities sum to {total!r}, not 1")
        worst = max((abs(marginal[i] - chance.get(i, 0.0)) for i in pool), default=0.0)
        if worst > TOL_MARGINAL:
            problems.append(f"distribution.csv marginals differ from probabilities.csv by up to {worst:.3g}")
        if not seen_drawn:
            problems.append("the drawn panel is not one of the panels in distribution.csv")

    print(json.dumps({"min_probability": min(chance.values()) if chance else None, "estimate": estimate,
                      "panels": panels, "problems": problems[:20]}))


if __name__ == "__main__":
    main()
