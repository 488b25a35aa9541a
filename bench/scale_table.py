#!/usr/bin/env python3
"""Prints bench/scale.sh's results: CPU seconds per shape and algorithm, ours against the baseline binary of the
same run (ratio = baseline CPU / our CPU), peak memory, and fitted growth exponents (least squares of log time
and log memory against log n, log features and log panel size, over the sweeps national-n, features-*, panel-*).

Usage: scale_table.py RESULTS.tsv
"""
import csv
import math
import sys


def num(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def fit(points):
    """Slope b of log y = a + b log x, over points (x, y) with y > 0."""
    pts = [(math.log(x), math.log(y)) for x, y in points if x and y and y > 0]
    if len(pts) < 2:
        return None
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    sxx = sum((p[0] - mx) ** 2 for p in pts)
    return sum((p[0] - mx) * (p[1] - my) for p in pts) / sxx if sxx else None


def main():
    latest = {}
    for r in csv.DictReader(open(sys.argv[1], newline=""), delimiter="\t"):
        latest[(r["shape"], int(r["n"]), r["algorithm"], r["tool"])] = r
    cases = sorted({(s, n) for s, n, _, _ in latest}, key=lambda c: (c[0].rstrip("0123456789-"), c[1], c[0]))

    def cell(shape, n, algo, tool):
        r = latest.get((shape, n, algo, tool))
        if r is None:
            return None, "–"
        if r["status"] != "ok":
            return None, f">{r['cpu_s']} ({r['status']})"
        return num(r["cpu_s"]), f"{num(r['cpu_s']):.1f}"

    algos = ["leximin", "maximin", "nash", "legacy"]
    header = ["shape", "n", "k", "features"] + [f"{a} CPU s (base, ratio)" for a in algos] + ["peak MB", "min prob", "load"]
    rows = [header]
    for shape, n in cases:
        any_row = next(r for (s, m, _, _), r in latest.items() if s == shape and m == n)
        line = [shape, f"{n:,}", any_row["k"], any_row["features"]]
        mem, minp, loads = [], "", []
        for a in algos:
            ours, text = cell(shape, n, a, "ours")
            base, btext = cell(shape, n, a, "baseline")
            if (shape, n, a, "baseline") in latest:
                ratio = f", {base / ours:.1f}x" if ours and base else ""
                text = f"{text} ({btext}{ratio})"
            line.append(text)
            r = latest.get((shape, n, a, "ours"))
            if r:
                mem.append(num(r["peak_mb"]) or 0)
                loads.append(r["load1"])
                if a == "leximin":
                    minp = r["min_probability"][:8]
        line += [f"{max(mem):.0f}" if mem else "–", minp, "/".join(sorted(set(loads)))[:20]]
        rows.append(line)
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(header))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows[1:]:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |")

    # Legacy's chance estimate: time and the largest standard error.
    for (shape, n, algo, tool), r in sorted(latest.items()):
        if algo == "legacy" and r["status"] == "ok":
            print(f"legacy estimate, {tool}, {shape} n={n}: {num(r['cpu_s']):.1f} CPU s, {r['wall_s']} s wall, largest standard error {r['largest_se']}")

    print("\nGrowth (ours, leximin unless named): exponent b in time ∝ x^b and memory ∝ x^b")
    sweeps = [("n", [(s, n) for s, n in cases if s == "national-n"], lambda s, n: n),
              ("features", [(s, n) for s, n in cases if s.startswith("features-")], lambda s, n: int(s.split("-")[1])),
              ("panel size", [(s, n) for s, n in cases if s.startswith("panel-")], lambda s, n: int(s.split("-")[1]))]
    for name, points, x in sweeps:
        for algo in ("leximin", "maximin"):
            ok = [(x(s, n), latest[(s, n, algo, "ours")]) for s, n in points
                  if (s, n, algo, "ours") in latest and latest[(s, n, algo, "ours")]["status"] == "ok"]
            if len(ok) < 2:
                continue
            bt = fit([(xv, num(r["cpu_s"])) for xv, r in ok])
            bm = fit([(xv, num(r["peak_mb"])) for xv, r in ok])
            span = f"{min(v for v, _ in ok)}–{max(v for v, _ in ok)}"
            print(f"  {algo} in {name} ({span}, {len(ok)} points): time exponent {bt:.2f}, memory exponent {bm:.2f}")


if __name__ == "__main__":
    main()
