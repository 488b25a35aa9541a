#!/usr/bin/env python3
"""Route survey for the fair algorithms: which way does LEXIMIN reach its optimum on pools of many shapes?

Kleroterion first solves leximin over the LP relaxation of the quota constraints and then proves the point
attainable by splitting it into valid panels (face walk, or column generation towards it); only if the point is not
attainable does it fall back to column generation over panels (docs/algorithms.md). This script generates varied
synthetic pools (3-6 features with 2-8 values each, n = 200-2,000, panels of 30-150 and at most a third of the pool, quotas from exact to +-10%
of population targets, 0-25% of respondents in households of 2-3), runs `select --algorithm leximin` on each,
checks every output folder with bench/check_outputs.py, and prints one line per pool: its shape, the route taken,
the wall time and the minimum chance. Deterministic (Python's own Mersenne Twister, fixed seeds); no personal data.

With --small it makes small, tight pools instead (4-6 features with 2-4 values, n = 40-120, panels of 8-20,
every quota one seat wide, 15% of respondents in pairs): there the face walk often gets stuck, so they exercise
the column-generation check. The last line counts the routes.

Usage: survey.py KLEROTERION [--small] [FIRST_SEED LAST_SEED] [TIME_LIMIT]   (default seeds 1-16, limit 120 s)
       make bench-survey
"""
import csv
import json
import os
import random
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def make_pool(seed, out, small=False):
    """One synthetic pool with its quotas in OUT; returns its shape."""
    rng = random.Random(seed)
    n = rng.choice([40, 60, 80, 120] if small else [200, 500, 1000, 2000])
    k = rng.choice([8, 12, 20] if small else [k for k in (30, 60, 100, 150) if 3 * k <= n])   # pool ≥ 3 panels
    features = []
    for f in range(rng.randint(4, 6) if small else rng.randint(3, 6)):
        values = rng.randint(2, 4 if small else 8)
        population = [rng.random() + 0.2 for _ in range(values)]
        population = [x / sum(population) for x in population]
        skewed = [p * (0.3 + rng.random() * 1.4) for p in population]   # respondents differ from the population
        features.append((f"f{f}", [f"v{i}" for i in range(values)], population, skewed))
    tolerance = 0.0 if small else rng.choice([0.0, 0.02, 0.05, 0.1])
    households = 0.15 if small else rng.choice([0.0, 0.1, 0.25])
    people, address = [], 0
    while len(people) < n:
        size = 1 if rng.random() > households else (2 if small else rng.randint(2, 3))
        for _ in range(min(size, n - len(people))):
            values = [rng.choices(v, weights)[0] for _, v, _, weights in features]
            people.append([f"p{len(people)}"] + values + [f"a{address}"])
        address += 1
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "people.csv"), "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["id"] + [f[0] for f in features] + ["address"])
        w.writerows(people)
    with open(os.path.join(out, "quotas.csv"), "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["feature", "value", "min", "max"])
        for i, (name, values, population, _) in enumerate(features):
            for value, share in zip(values, population):
                have = sum(1 for p in people if p[1 + i] == value)
                target = share * k
                if small:   # one seat wide
                    lo, hi = min(have, int(target)), int(target) + 1
                else:
                    lo = min(have, max(0, int(target - tolerance * k - 1)))
                    hi = max(lo, int(target + tolerance * k + 1.999))
                w.writerow([name, value, lo, hi])
    return {"n": n, "k": k, "features": len(features), "tolerance": tolerance, "households": households}


def route_of(log):
    if "that no mix of panels crosses" in log:
        return "relaxation with cuts, column-generation check"
    if "found by walking down its faces" in log:
        return "relaxation, face walk"
    if "found by column generation towards it" in log:
        return "relaxation, column-generation check"
    if "stages of column generation" in log:
        return "column generation over panels"
    return "?"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    args = sys.argv[2:]
    small = "--small" in args
    args = [a for a in args if a != "--small"]
    first, last = (int(args[0]), int(args[1])) if len(args) > 1 else (1, 16)
    limit = args[2] if len(args) > 2 else "120"
    root = os.path.join(HERE, "out", "survey-small" if small else "survey")
    routes = {}
    print(f"{'seed':>4}  {'n':>5}  {'k':>4}  feat  quota tol  households  {'wall s':>7}  {'min chance':>10}  route / problems")
    for seed in range(first, last + 1):
        folder = os.path.join(root, f"s{seed}")
        shape = make_pool(seed, folder, small)
        out = os.path.join(folder, "leximin")
        start = time.time()
        run = subprocess.run([binary, "select", "--people", os.path.join(folder, "people.csv"),
                              "--quotas", os.path.join(folder, "quotas.csv"), "--panel-size", str(shape["k"]),
                              "--seed", f"survey {seed}", "--algorithm", "leximin", "--household-columns", "address",
                              "--time-limit", limit, "--out", out, "--replace",
                              # the route notes are solver details: English and printed with --verbose only
                              "--language", "en", "--verbose"], capture_output=True, text=True)
        wall = time.time() - start
        log = run.stdout + run.stderr
        if run.returncode != 0:
            result = next((line for line in log.splitlines() if line.startswith("error")), log.strip()[-200:])
            minimum = "-"
        else:
            check = subprocess.run([sys.executable, os.path.join(HERE, "check_outputs.py"), os.path.join(folder, "people.csv"),
                                    os.path.join(folder, "quotas.csv"), str(shape["k"]), out, "address"],
                                   capture_output=True, text=True)
            verdict = json.loads(check.stdout.strip().splitlines()[-1])
            minimum = f"{verdict['min_probability']:.6f}"
            result = route_of(log) + ("" if not verdict["problems"] else f"; PROBLEMS: {verdict['problems']}")
            if "time limit" in log:
                result += "; stopped by the time limit"
        kind = "error (e.g. quotas no panel meets)" if result.startswith("error") else result.split(";")[0]
        routes[kind] = routes.get(kind, 0) + 1
        print(f"{seed:>4}  {shape['n']:>5}  {shape['k']:>4}  {shape['features']:>4}  {'±%d%%' % (shape['tolerance'] * 100):>9}  "
              f"{'%d%%' % (shape['households'] * 100):>10}  {wall:>7.1f}  {minimum:>10}  {result}", flush=True)
    print("routes: " + ", ".join(f"{route} {count}" for route, count in sorted(routes.items())))


if __name__ == "__main__":
    main()
