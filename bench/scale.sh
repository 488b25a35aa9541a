#!/usr/bin/env bash
# National-scale benchmark (issue #16): `make bench-scale` [BASELINE=path/to/old/kleroterion].
#
# Generates the shapes of bench/make_pools.py --shapes (national, large, many features, big panel, tiny, exact
# quotas, and the sweeps over n, features and panel size), runs `kleroterion select` on each with /usr/bin/time
# (wall time, CPU time = user + system, peak RSS), checks every output folder with bench/check_outputs.py, and
# prints the table of bench/scale_table.py: CPU seconds per shape and algorithm, the ratio to the baseline binary
# measured in the same run, and fitted exponents of time and memory in n, features and panel size.
# The machine may be shared: the load average is recorded before every run; compare CPU seconds, not wall time.
#
# Options (environment variables):
#   BASELINE=path           an older kleroterion binary, run on the same cases right before ours (the ratio)
#   BASELINE_SHAPES="national large many-features big-panel tiny exact"   shapes the baseline runs on
#   SHAPES="..."            shapes to run (default: all of make_pools.py's)
#   ALGOS="leximin maximin" only these algorithms (default: each shape's own list below)
#   TOOLS="baseline ours"   which binaries to run (e.g. TOOLS=ours to add to an earlier baseline in RESULTS)
#   TIMEOUT=900             CPU seconds before a run is stopped (reported as timeout)
#   OUT=bench/out/scale     pools, output folders and results.tsv (ignored by git)
#   KLEROTERION=path        our binary (default: build .build/release/kleroterion)
#   APPEND=1                keep earlier rows of results.tsv (the table shows the latest row per case)
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${OUT:-bench/out/scale}
TIMEOUT=${TIMEOUT:-900}
TOOLS=${TOOLS:-"baseline ours"}
BASELINE_SHAPES=${BASELINE_SHAPES:-"national large many-features big-panel tiny exact"}
SHAPES=${SHAPES:-"national large many-features big-panel tiny exact national-n features-3 features-4 features-5 features-6 features-7 features-8 panel-50 panel-150 panel-300 panel-500"}
SEED=${SEED:-"bench-scale 2026"}
say() { printf '%s\n' "$*" >&2; }

if [ -z "${KLEROTERION:-}" ]; then
    say "Building kleroterion (release)…"
    swift build -c release --product kleroterion >&2
    KLEROTERION=.build/release/kleroterion
fi
mkdir -p "$OUT"
python3 bench/make_pools.py --shapes "$OUT/shapes" $SHAPES >&2
RESULTS=$OUT/results.tsv
if [ "${APPEND:-0}" != 1 ] || [ ! -f "$RESULTS" ]; then
    printf 'shape\tn\tk\tfeatures\talgorithm\ttool\tstatus\twall_s\tcpu_s\tpeak_mb\tmin_probability\tlargest_se\tload1\tproblems\n' > "$RESULTS"
fi

# Which algorithms run on which shape: all four on the issue's shapes, leximin (and maximin) on the sweeps.
algorithms() {
    case $1 in
        many-features|big-panel|tiny|exact) echo "leximin maximin nash legacy" ;;
        national|large) echo "leximin maximin legacy" ;;
        national-n) echo "leximin maximin" ;;
        *) echo "leximin" ;;
    esac
}

run() {   # run TOOL BINARY SHAPE N ALGO
    local tool=$1 bin=$2 shape=$3 n=$4 algo=$5
    local dir=$OUT/runs/$shape/$n/$algo/$tool
    local k features load status
    k=$(cat "$OUT/shapes/$shape/panel_size")
    features=$(tail -n +2 "$OUT/shapes/$shape/quotas.csv" | cut -d, -f1 | sort -u | wc -l)
    rm -rf "$dir"; mkdir -p "$dir"
    load=$(cut -d' ' -f1 /proc/loadavg)
    say "  $tool $algo $shape n=$n (load $load)"
    set +e
    /usr/bin/time -f '%e %M %U %S' -o "$dir.time" timeout --kill-after=10 $((TIMEOUT * 20)) \
        bash -c "ulimit -t $TIMEOUT; exec \"\$@\"" _ "$bin" select --people "$OUT/shapes/$shape/pool-$n.csv" \
        --quotas "$OUT/shapes/$shape/quotas.csv" --panel-size "$k" --household-columns address --seed "$SEED" \
        --algorithm "$algo" --out "$dir/out" > "$dir.log" 2>&1
    local code=$?
    set -e
    case $code in 0) status=ok;; 124|137|152) status=timeout;; *) status="failed($code)";; esac
    read -r wall rss user sys < <(tail -n 1 "$dir.time")
    local cpu minp="" se="" problems=""
    cpu=$(python3 -c "print(round($user + $sys, 2))")
    if [ "$status" = ok ]; then
        local check
        check=$(python3 bench/check_outputs.py "$OUT/shapes/$shape/pool-$n.csv" "$OUT/shapes/$shape/quotas.csv" "$k" "$dir/out" address)
        minp=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['min_probability'])" "$check")
        problems=$(python3 -c "import json,sys; print('; '.join(json.loads(sys.argv[1])['problems'])[:300])" "$check")
        [ -n "$problems" ] && say "    PROBLEMS: $problems"
        se=$(python3 -c "
import csv,sys
rows=list(csv.DictReader(open(sys.argv[1])))
print(max(float(r['standard_error']) for r in rows) if rows and 'standard_error' in rows[0] else '')" "$dir/out/probabilities.csv")
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$shape" "$n" "$k" "$features" "$algo" "$tool" "$status" \
        "$wall" "$cpu" "$((rss / 1024))" "$minp" "$se" "$load" "$problems" >> "$RESULTS"
}

for shape in $SHAPES; do
    for pool in "$OUT/shapes/$shape"/pool-*.csv; do
        n=$(basename "$pool" .csv); n=${n#pool-}
        for algo in $(algorithms "$shape"); do
            if [ -n "${ALGOS:-}" ] && [[ " $ALGOS " != *" $algo "* ]]; then continue; fi
            if [[ " $TOOLS " == *" baseline "* ]] && [ -n "${BASELINE:-}" ] && [[ " $BASELINE_SHAPES " == *" $shape "* ]]; then
                run baseline "$BASELINE" "$shape" "$n" "$algo"
            fi
            if [[ " $TOOLS " == *" ours "* ]]; then run ours "$KLEROTERION" "$shape" "$n" "$algo"; fi
        done
    done
done
python3 bench/scale_table.py "$RESULTS"
