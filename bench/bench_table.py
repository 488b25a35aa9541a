#!/usr/bin/env python3
"""Prints bench/peer.sh's results side by side, with ratios and the issue #3 targets.

Usage: bench_table.py RESULTS.tsv [REPRO.tsv]
"""
import csv
import sys
from collections import defaultdict


def num(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def fmt_s(row):
    s = num(row["seconds"])
    if row["status"] == "timeout":
        return f">{s:.0f} (timeout)" if s else "timeout"
    if row["status"] != "ok":
        return row["status"]
    return f"{s:.2f}"


def fmt_p(x):
    return "-" if x is None else f"{x:.6f}"


def main():
    rows = list(csv.DictReader(open(sys.argv[1], newline=""), delimiter="\t"))
    groups = defaultdict(list)
    for r in rows:
        groups[(int(r["n"]), r["algorithm"])].append(r)

    header = ["n", "algorithm", "tool (backend)", "wall s", "cpu s", "peak MB", "min prob", "peer/ours wall",
              "peer/ours cpu", "peer/ours mem", "ours-peer min prob", "note"]
    table = [header]
    targets = []
    for (n, algo), group in sorted(groups.items()):
        ours = next((r for r in group if r["tool"] == "kleroterion"), None)
        for r in group:
            ratio_t = ratio_c = ratio_m = diff = ""
            if r["tool"] == "peer" and ours and ours["status"] == "ok":
                ot, pt = num(ours["seconds"]), num(r["seconds"])
                if ot and pt:
                    ratio_t = (">" if r["status"] == "timeout" else "") + f"{pt / ot:.1f}x"
                oc, pc = num(ours["cpu_seconds"]), num(r["cpu_seconds"])
                if oc and pc:
                    ratio_c = (">" if r["status"] == "timeout" else "") + f"{pc / oc:.1f}x"
                om, pm = num(ours["peak_mb"]), num(r["peak_mb"])
                if om and pm and r["status"] == "ok":
                    ratio_m = f"{pm / om:.1f}x"
                if num(ours["min_probability"]) is not None and num(r["min_probability"]) is not None:
                    diff = f"{num(ours['min_probability']) - num(r['min_probability']):+.2e}"
            tool = "kleroterion" if r["tool"] == "kleroterion" else f"peer ({r['backend']})"
            table.append([str(n), algo, tool, fmt_s(r), r["cpu_seconds"] or "-", r["peak_mb"] or "-",
                          fmt_p(num(r["min_probability"])), ratio_t, ratio_c, ratio_m, diff, r["note"]])
        targets += check_targets(n, algo, ours, [r for r in group if r["tool"] == "peer"])

    widths = [max(len(row[i]) for row in table) for i in range(len(header) - 1)]
    for i, row in enumerate(table):
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)) + ("  " + row[-1] if row[-1] else ""))
        if i == 0:
            print("  ".join("-" * w for w in widths))

    if len(sys.argv) > 2:
        repro = list(csv.DictReader(open(sys.argv[2], newline=""), delimiter="\t"))
        if repro:
            print("\nSame seed, second process, same panel?")
            for r in repro:
                print(f"  {r['tool']:<14} {r['algorithm']:<8} n={r['n']:<5} {r['same_panel']}")
                if r["tool"] == "kleroterion":
                    targets.append((f"reproducible {r['algorithm']} (n={r['n']})", r["same_panel"] == "yes", r["same_panel"]))

    if targets:
        print("\nIssue #3 targets:")
        for name, ok, detail in targets:
            print(f"  [{'PASS' if ok else 'FAIL' if ok is False else 'n/a '}] {name}: {detail}")


def check_targets(n, algo, ours, peers):
    """The issue #3 targets. Times are CPU seconds (user + system): on a shared machine the wall time mostly
    measures the load. The wall times are printed alongside."""
    out = []
    if ours is None:
        return out
    ok_run = ours["status"] == "ok" and "PROBLEMS" not in ours["note"]
    c, w, mb = num(ours["cpu_seconds"]), num(ours["seconds"]), num(ours["peak_mb"])
    if not ok_run:
        out.append((f"{algo} n={n} runs and passes the output checks", False, ours["status"] + " " + ours["note"]))
        return out
    c = max(c or 0.0, 0.01)
    if algo == "leximin":
        if n == 1000:
            out.append(("leximin n=1000 < 30 s", c < 30, f"{c:.2f} CPU s ({w:.2f} s wall)"))
        if n == 2000:
            out.append(("leximin n=2000 < 60 s and < 1 GB", c < 60 and mb < 1024,
                        f"{c:.2f} CPU s ({w:.2f} s wall), {mb:.0f} MB"))
        for p in peers:
            pc = num(p["cpu_seconds"])
            if pc and p["status"] in ("ok", "timeout"):
                bound = ">=" if p["status"] == "timeout" else ""
                out.append((f"leximin n={n} >= 20x faster than peer ({p['backend']})", pc / c >= 20,
                            f"{bound}{pc / c:.1f}x CPU ({fmt_s(p)} s wall vs {w:.2f})"))
    if algo == "maximin":
        finished = [p for p in peers if p["status"] == "ok" and num(p["cpu_seconds"])]
        if finished:
            fastest = min(finished, key=lambda p: num(p["cpu_seconds"]))
            ratio = num(fastest["cpu_seconds"]) / c
            out.append((f"maximin n={n} >= 10x faster than the peer's fastest ({fastest['backend']})", ratio >= 10,
                        f"{ratio:.1f}x CPU ({num(fastest['seconds']) / max(w, 0.01):.1f}x wall)"))
            best = max(num(p["min_probability"]) for p in finished if num(p["min_probability"]) is not None)
            mine = num(ours["min_probability"])
            out.append((f"maximin n={n} min probability >= peer's - 1e-4", mine is not None and mine >= best - 1e-4,
                        f"{fmt_p(mine)} vs {fmt_p(best)}"))
    if algo == "nash":
        for p in peers:
            out.append((f"nash n={n} vs peer", None, f"ours {c:.2f} CPU s; peer {p['cpu_seconds']} CPU s, {fmt_s(p)}"))
    return out


if __name__ == "__main__":
    main()
