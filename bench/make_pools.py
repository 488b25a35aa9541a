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
       make_pools.py --shapes OUT_DIR [SHAPE ...]
         the shapes of `make bench-scale` (issue #16; default: all): OUT/SHAPE/pool-N.csv, quotas.csv, panel_size.
         national (n = 4,000, 12 provinces, 6 features, 10% at shared addresses), large (n = 10,000, 5 features),
         many-features (n = 1,500, 8), big-panel (n = 2,500, k = 500), tiny (n = 60), exact (gender and age exact),
         and the sweeps national-n (n = 2,000 ... 50,000), features-3 ... features-8, panel-50 ... panel-500.
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


# ---- Shapes for `make bench-scale` (issue #16): national, large, many features, big panel, tiny, exact quotas ----
# A catalogue of eight features with (value, population share, pool share); a shape takes the first F of them.
# Pool shares lean the usual way (older, higher educated, more often owners); provinces follow the Dutch population.
SCALE_FEATURES = [
    ("gender", [("female", 0.50, 0.52), ("male", 0.50, 0.48)]),
    ("age", [("16-24", 0.13, 0.06), ("25-34", 0.15, 0.10), ("35-44", 0.14, 0.13), ("45-54", 0.16, 0.19),
             ("55-64", 0.16, 0.22), ("65-74", 0.14, 0.20), ("75+", 0.12, 0.10)]),
    ("education", [("low", 0.28, 0.12), ("middle", 0.37, 0.30), ("high", 0.35, 0.58)]),
    ("province", [("Groningen", 0.034, 0.04), ("Friesland", 0.037, 0.035), ("Drenthe", 0.028, 0.03),
                  ("Overijssel", 0.067, 0.06), ("Flevoland", 0.025, 0.02), ("Gelderland", 0.118, 0.12),
                  ("Utrecht", 0.078, 0.10), ("Noord-Holland", 0.166, 0.19), ("Zuid-Holland", 0.214, 0.19),
                  ("Zeeland", 0.022, 0.02), ("Noord-Brabant", 0.147, 0.14), ("Limburg", 0.064, 0.055)]),
    ("urbanisation", [("very high", 0.25, 0.30), ("high", 0.26, 0.27), ("moderate", 0.17, 0.16),
                      ("low", 0.17, 0.15), ("none", 0.15, 0.12)]),
    ("background", [("none", 0.74, 0.82), ("western", 0.11, 0.10), ("non-western", 0.15, 0.08)]),
    ("income", [("q1", 0.20, 0.12), ("q2", 0.20, 0.17), ("q3", 0.20, 0.21), ("q4", 0.20, 0.24), ("q5", 0.20, 0.26)]),
    ("housing", [("owner", 0.57, 0.68), ("social rent", 0.29, 0.20), ("private rent", 0.14, 0.12)]),
]

# name -> (pool sizes, panel size, features, share of respondents at a shared address, exact quotas on gender and age)
SHAPES = {
    "national": ([4000], 150, 6, 0.10, False),
    "large": ([10000], 150, 5, 0.05, False),
    "many-features": ([1500], 120, 8, 0.05, False),
    "big-panel": ([2500], 500, 4, 0.05, False),
    "tiny": ([60], 12, 3, 0.10, False),
    "exact": ([2000], 150, 4, 0.05, True),
    # Growth in n (national features and households), in features (n = 2,000, k = 150), in panel size (n = 2,500).
    "national-n": ([2000, 4000, 10000, 20000, 50000], 150, 6, 0.10, False),
    "features-3": ([2000], 150, 3, 0.05, False), "features-4": ([2000], 150, 4, 0.05, False),
    "features-5": ([2000], 150, 5, 0.05, False), "features-6": ([2000], 150, 6, 0.05, False),
    "features-7": ([2000], 150, 7, 0.05, False), "features-8": ([2000], 150, 8, 0.05, False),
    "panel-50": ([2500], 50, 4, 0.05, False), "panel-150": ([2500], 150, 4, 0.05, False),
    "panel-300": ([2500], 300, 4, 0.05, False), "panel-500": ([2500], 500, 4, 0.05, False),
}


def scale_pool(n, features, shared, seed):
    """n respondents; `shared` of them live at an address with another respondent (pairs and some triples).
    Age and education are correlated as in real pools (the young are less often 'high' yet)."""
    rng = random.Random(seed)
    people, household = [], 0
    while len(people) < n:
        household += 1
        size = 1 if rng.random() >= shared / 1.8 else pick(rng, [(2, 0.8), (3, 0.2)])
        size = min(size, n - len(people))
        address = f"{rng.choice(STREETS)} {household}"
        common = {f: pick(rng, [(v, p) for v, _, p in values]) for f, values in features if f in ("province", "urbanisation", "housing", "income")}
        for _ in range(size):
            person = {"id": f"R{len(people) + 1:06d}", "address": address, "postcode": f"{1000 + household % 8999}"}
            for f, values in features:
                if f in common:
                    person[f] = common[f]
                elif f == "education" and person.get("age") in EDUCATION_BY_AGE_SHIFT:
                    person[f] = education_for(rng, person["age"])
                else:
                    person[f] = pick(rng, [(v, p) for v, _, p in values])
            people.append(person)
    return people


def scale_quotas(features, k, exact):
    """Bands of +-10% (at least +-1 seat) around population share x k; with `exact`, gender and age get one
    number each (largest remainder, so that they add up to k)."""
    rows = []
    for f, values in features:
        targets = [pop * k for _, pop, _ in values]
        if exact and f in ("gender", "age"):
            seats = [math.floor(t) for t in targets]
            for i in sorted(range(len(targets)), key=lambda i: targets[i] - seats[i], reverse=True)[:k - sum(seats)]:
                seats[i] += 1
            rows += [(f, v, s, s) for (v, _, _), s in zip(values, seats)]
        else:
            for (v, _, _), t in zip(values, targets):
                slack = max(1.0, TOLERANCE * t)
                rows.append((f, v, max(0, math.floor(t - slack)), math.ceil(t + slack)))
    return rows


def write_shape(out, name):
    sizes, k, count, shared, exact = SHAPES[name]
    features = [(f, values) for f, values in SCALE_FEATURES[:count]]
    folder = os.path.join(out, name)
    os.makedirs(folder, exist_ok=True)
    rows = scale_quotas(features, k, exact)
    with open(os.path.join(folder, "quotas.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["feature", "value", "min", "max"])
        w.writerows(rows)
    with open(os.path.join(folder, "panel_size"), "w") as f:
        f.write(f"{k}\n")
    for n in sizes:
        people = scale_pool(n, features, shared, seed=16000 + n + 101 * count + k)
        for feature, value, lo, _ in rows:
            homes = {p["address"] for p in people if p[feature] == value}
            if len(homes) < lo:
                sys.exit(f"make_pools.py: {name} n={n}: only {len(homes)} households with {feature}={value}, quota min {lo}")
        with open(os.path.join(folder, f"pool-{n}.csv"), "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(people[0].keys()), lineterminator="\n")
            w.writeheader()
            w.writerows(people)
        homes = collections.Counter(p["address"] for p in people)
        together = sum(1 for p in people if homes[p["address"]] > 1)
        print(f"{name}/pool-{n}.csv: {n} respondents, k = {k}, {count} features, {together} at a shared address")


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "--shapes":
        out = sys.argv[2]
        for name in sys.argv[3:] or SHAPES:
            write_shape(out, name)
        return
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
