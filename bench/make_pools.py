#!/usr/bin/env python3
"""Synthetic respondent pools and quotas for the side-by-side benchmark (bench/peer.sh).

Writes, deterministically (fixed seeds, Python's own Mersenne Twister; no numpy needed):
  OUT/pool-N.csv   id,address,postcode,gender,age,education,district   for each N in SIZES
  OUT/quotas.csv   feature,value,min,max   (the Sortition Foundation categories format)

The pools imitate the Zeist 2020-21 registrations: skewed towards the highly educated and people over 40,
with some households of 2-3 respondents at one address. The quotas come from *population* shares (not from
the pool), so the same quotas file serves every pool size and the fair algorithms have real work to do:
under-represented groups (young, low education) get high chances, over-represented ones low chances.
All figures here are synthetic; none is a measurement of Zeist.

Usage: make_pools.py OUT_DIR [N ...]      (default sizes: 500 1000 2000)
"""
import collections
import csv
import math
import os
import random
import sys

PANEL_SIZE = 150

# feature -> [(value, population share, pool share)]. Four features, 20 values.
FEATURES = {
    "gender": [("female", 0.51, 0.53), ("male", 0.49, 0.47)],
    "age": [
        ("16-24", 0.13, 0.05), ("25-34", 0.14, 0.08), ("35-44", 0.14, 0.12), ("45-54", 0.17, 0.19),
        ("55-64", 0.16, 0.22), ("65-74", 0.14, 0.22), ("75+", 0.12, 0.12),
    ],
    "education": [("low", 0.27, 0.09), ("middle", 0.36, 0.27), ("high", 0.37, 0.64)],
    "district": [
        ("Centrum", 0.17, 0.19), ("West", 0.16, 0.13), ("Noord", 0.14, 0.12), ("Oost", 0.15, 0.18),
        ("Den Dolder", 0.10, 0.09), ("Huis ter Heide", 0.08, 0.09), ("Austerlitz", 0.05, 0.05),
        ("Kerckebosch", 0.15, 0.15),
    ],
}
# Education shifts with age in the pool: the young registrants are a little less often "high".
EDUCATION_BY_AGE_SHIFT = {"16-24": -0.25, "25-34": -0.05, "75+": -0.15}
TOLERANCE = 0.10  # quotas allow +-10% around the population target (at least +-1 seat)

STREETS = ["Slotlaan", "Utrechtseweg", "Laan van Vollenhove", "Jagerlaan", "Oranje Nassaulaan", "Verlengde Slotlaan",
           "Dolderseweg", "Amersfoortseweg", "Krakelingweg", "Thorbeckelaan", "Woudenbergseweg", "Bergweg"]


def pick(rng, pairs):
    """One value drawn by weight from [(value, weight)]."""
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for value, w in pairs:
        x -= w
        if x < 0:
            return value
    return pairs[-1][0]


def pool_shares(feature):
    return [(v, pool) for v, _, pool in FEATURES[feature]]


def education_for(rng, age):
    shift = EDUCATION_BY_AGE_SHIFT.get(age, 0.0)
    low, mid, high = (p for _, p in pool_shares("education"))
    high = max(0.05, high + shift)
    return pick(rng, [("low", low - shift / 2), ("middle", mid - shift / 2), ("high", high)])


def neighbour_age(rng, age):
    """A housemate's age band: usually a partner of about the same age, sometimes a grown-up child."""
    bands = [v for v, _, _ in FEATURES["age"]]
    i = bands.index(age)
    if i >= 3 and rng.random() < 0.25:
        return bands[max(0, i - 3)]
    return bands[min(len(bands) - 1, max(0, i + rng.choice([-1, 0, 0, 0, 1])))]


def make_pool(n, seed):
    rng = random.Random(seed)
    people = []
    household = 0
    while len(people) < n:
        household += 1
        size = pick(rng, [(1, 0.89), (2, 0.09), (3, 0.02)])
        size = min(size, n - len(people))
        district = pick(rng, pool_shares("district"))
        address = f"{rng.choice(STREETS)} {household}"
        postcode = f"37{rng.randint(0, 99):02d} {rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}"
        age = pick(rng, pool_shares("age"))
        for member in range(size):
            if member > 0:
                age = neighbour_age(rng, age)
            gender = pick(rng, pool_shares("gender"))
            people.append({
                "id": f"R{len(people) + 1:05d}", "address": address, "postcode": postcode, "gender": gender,
                "age": age, "education": education_for(rng, age), "district": district,
            })
    return people


def quotas():
    rows = []
    for feature, values in FEATURES.items():
        for value, population, _ in values:
            target = population * PANEL_SIZE
            slack = max(1.0, TOLERANCE * target)
            rows.append((feature, value, max(0, math.floor(target - slack)), math.ceil(target + slack)))
    return rows


def check_counts(people, quota_rows, n):
    """Fail loudly if some value has fewer respondents (or households) than its minimum: cheap necessary checks."""
    for feature, value, lo, _ in quota_rows:
        homes = {(p["address"], p["postcode"]) for p in people if p[feature] == value}
        if len(homes) < lo:
            sys.exit(f"make_pools.py: pool-{n}: only {len(homes)} households with {feature}={value}, quota min {lo}")
    for feature in FEATURES:
        lo = sum(q[2] for q in quota_rows if q[0] == feature)
        hi = sum(q[3] for q in quota_rows if q[0] == feature)
        if not lo <= PANEL_SIZE <= hi:
            sys.exit(f"make_pools.py: quotas for {feature} cannot add up to {PANEL_SIZE} ({lo}..{hi})")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    sizes = [int(a) for a in sys.argv[2:]] or [500, 1000, 2000]
    os.makedirs(out, exist_ok=True)
    quota_rows = quotas()
    with open(os.path.join(out, "quotas.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["feature", "value", "min", "max"])
        w.writerows(quota_rows)
    for n in sizes:
        people = make_pool(n, seed=20201 + n)
        check_counts(people, quota_rows, n)
        with open(os.path.join(out, f"pool-{n}.csv"), "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(people[0].keys()), lineterminator="\n")
            w.writeheader()
            w.writerows(people)
        homes = collections.Counter(p["address"] for p in people)
        shared = sum(1 for p in people if homes[p["address"]] > 1)
        print(f"pool-{n}.csv: {n} respondents, {shared} of them share an address with another respondent")


if __name__ == "__main__":
    main()
