#!/usr/bin/env bash
# Side-by-side benchmark: Kleroterion vs the peer `sortition-algorithms` 0.12.15 (issue #3, "Benchmark").
# Run it as `make bench-peer` or `bench/peer.sh`. Not part of `make test`. Slow: the peer's runs take minutes.
#
# It installs the peer (with its open-source solver extras and the pip `gurobipy`, whose size-limited licence
# suffices for its LEXIMIN at n = 500) into bench/.venv, generates the pools (bench/make_pools.py), runs both
# tools on the same files, checks every Kleroterion output folder (bench/check_outputs.py), and prints wall time,
# peak memory and minimum selection probability side by side (bench/bench_table.py).
#
# Options (environment variables):
#   SIZES="500 1000 2000"                  pool sizes (panel of 150)
#   ALGOS="leximin maximin nash legacy"    algorithms to compare
#   PEER=1                                 0: run only Kleroterion
#   PEER_BACKENDS="mip highspy"            the peer's maximin backends (mip = CBC; highspy = its default HiGHS)
#   PEER_LEXIMIN_SIZES="500"               sizes at which to run the peer's LEXIMIN (Gurobi's free licence is size-limited)
#   PEER_LEXIMIN_BACKEND=highspy           the peer's ILP backend inside its LEXIMIN (its LPs always use Gurobi)
#   PEER_TIMEOUT=1800                      CPU seconds before a peer run is stopped and reported as "timeout"
#   NASH_TIMEOUT=300                       the same, for the peer's Nash (it did not finish in 30 min before)
#   OUR_TIMEOUT=900                        the same, for Kleroterion
#   WALL_FACTOR=20                         a run is also stopped after WALL_FACTOR times its CPU limit in wall time
#   PEER_FROM="old/results.tsv …"          with PEER=0: show the peer rows of earlier runs (marked as such) instead
#   REPRO=1                                0: skip the reproducibility check (same seed, second process)
#   SEED=42                                the seed (text for Kleroterion, integer for the peer)
#   OUT=bench/out                          where pools, outputs and results.tsv go (ignored by git)
#   KLEROTERION=path                       use this binary instead of building .build/release/kleroterion
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"500 1000 2000"}
ALGOS=${ALGOS:-"leximin maximin nash legacy"}
PEER=${PEER:-1}
PEER_BACKENDS=${PEER_BACKENDS:-"mip highspy"}
PEER_LEXIMIN_SIZES=${PEER_LEXIMIN_SIZES:-500}
PEER_LEXIMIN_BACKEND=${PEER_LEXIMIN_BACKEND:-highspy}
PEER_TIMEOUT=${PEER_TIMEOUT:-1800}
NASH_TIMEOUT=${NASH_TIMEOUT:-300}
OUR_TIMEOUT=${OUR_TIMEOUT:-900}
WALL_FACTOR=${WALL_FACTOR:-20}
PEER_FROM=${PEER_FROM:-}
REPRO=${REPRO:-1}
SEED=${SEED:-42}
OUT=${OUT:-bench/out}
PANEL=150
HOUSEHOLD=address,postcode
PEER_VERSION=0.12.15
VENV=bench/.venv
PY=$VENV/bin/python

say() { printf '%s\n' "$*" >&2; }

# --- tools ---------------------------------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
    say "Installing the 'time' package (for peak memory)…"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq time
fi
if [ "$PEER" = 1 ]; then
    if ! "$PY" -c "import importlib.metadata as m, sys; sys.exit(m.version('sortition-algorithms') != '$PEER_VERSION')" 2>/dev/null \
       || ! "$PY" -c "import mip, highspy, gurobipy" 2>/dev/null; then
        say "Installing sortition-algorithms[mip,gurobi]==$PEER_VERSION into $VENV (PyPI)…"
        python3 -m venv "$VENV"
        "$PY" -m pip install -q --disable-pip-version-check "sortition-algorithms[mip,gurobi]==$PEER_VERSION"
    fi
fi
if [ -z "${KLEROTERION:-}" ]; then
    say "Building kleroterion (release)…"
    swift build -c release --product kleroterion >&2
    KLEROTERION=.build/release/kleroterion
fi

# --- data ----------------------------------------------------------------------------------------------------
mkdir -p "$OUT"
python3 bench/make_pools.py "$OUT/pools" $SIZES >&2
QUOTAS=$OUT/pools/quotas.csv
RESULTS=$OUT/results.tsv
printf 'n\talgorithm\ttool\tbackend\tstatus\tseconds\tcpu_seconds\tpeak_mb\tmin_probability\tnote\n' > "$RESULTS"

# record N ALGO TOOL BACKEND STATUS TIMEFILE MIN_PROB NOTE
record() {
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" \
        "$(seconds_of "$6")" "$(cpu_of "$6")" "$(mb_of "$6")" "$7" "$8" >> "$RESULTS"
}

# timed LIMIT TIMEFILE LOG cmd…: runs cmd with a limit of LIMIT CPU seconds (and WALL_FACTOR times that in wall
# time); measures wall time, CPU time (user + system) and peak RSS. The machine is shared, so the wall time depends
# on the load; the CPU time much less so. Both are reported.
timed() {
    local limit=$1 timefile=$2 log=$3; shift 3
    local rc=0
    /usr/bin/time -f '%e %M %U %S' -o "$timefile" timeout --kill-after=10 $((limit * WALL_FACTOR)) \
        bash -c 'ulimit -S -t "$0" && exec "$@"' "$limit" "$@" > "$log" 2>&1 || rc=$?
    return $rc
}
status_of() { case $1 in 0) echo ok;; 124|137|152) echo timeout;; *) echo "failed($1)";; esac; }
seconds_of() { tail -n 1 "$1" | awk '{print $1}'; }
cpu_of() { tail -n 1 "$1" | awk '{printf "%.2f", $3+$4}'; }
mb_of() { tail -n 1 "$1" | awk '{printf "%.0f", $2/1024}'; }
json_field() { python3 -c "import json,sys; v=json.load(open(sys.argv[1])).get(sys.argv[2]); print('' if v is None else v)" "$1" "$2"; }

# ours N ALGO DIR: one Kleroterion run, checked.
ours() {
    local n=$1 algo=$2 dir=$3 rc=0
    rm -rf "$dir"; mkdir -p "$(dirname "$dir")"
    say "  kleroterion $algo, n=$n"
    timed "$OUR_TIMEOUT" "$dir.time" "$dir.log" "$KLEROTERION" select --people "$OUT/pools/pool-$n.csv" --quotas "$QUOTAS" \
        --panel-size $PANEL --seed "$SEED" --algorithm "$algo" --household-columns "$HOUSEHOLD" --out "$dir" || rc=$?
    local status; status=$(status_of $rc)
    if [ "$status" != ok ]; then
        say "    $status: $(tail -n 3 "$dir.log" | tr '\n' ' ')"
        record "$n" "$algo" kleroterion - "$status" "$dir.time" "" "see $dir.log"
        return
    fi
    python3 bench/check_outputs.py "$OUT/pools/pool-$n.csv" "$QUOTAS" $PANEL "$dir" "$HOUSEHOLD" > "$dir.check.json"
    local minp problems note=""
    minp=$(json_field "$dir.check.json" min_probability)
    problems=$(python3 -c "import json,sys; print('; '.join(json.load(open(sys.argv[1]))['problems']))" "$dir.check.json")
    [ "$(json_field "$dir.check.json" estimate)" = True ] && note="estimate"
    if [ -n "$problems" ]; then say "    PROBLEMS: $problems"; note="${note:+$note; }PROBLEMS: $problems"; fi
    record "$n" "$algo" kleroterion - ok "$dir.time" "$minp" "$note"
}

# peer N ALGO BACKEND DIR LIMIT: one run of the peer.
peer() {
    local n=$1 algo=$2 backend=$3 dir=$4 limit=$5 rc=0
    rm -rf "$dir"; mkdir -p "$dir"
    say "  peer $algo ($backend), n=$n, limit ${limit}s"
    timed "$limit" "$dir.time" "$dir.log" "$PY" bench/peer_driver.py --people "$OUT/pools/pool-$n.csv" --quotas "$QUOTAS" \
        --panel-size $PANEL --algorithm "$algo" --backend "$backend" --seed "$SEED" --household-columns "$HOUSEHOLD" \
        --out "$dir" || rc=$?
    local status label=$backend; status=$(status_of $rc)
    [ "$algo" = leximin ] && label="gurobi+$backend"
    if [ "$status" = ok ]; then
        record "$n" "$algo" peer "$label" ok "$dir.time" \
            "$(json_field "$dir/summary.json" min_probability)" "$(json_field "$dir/summary.json" note)"
    else
        local note="see $dir.log"
        [ "$status" = timeout ] && note="stopped at the limit of ${limit} CPU s"
        [ "$status" != timeout ] && say "    $status: $(tail -n 2 "$dir.log" | tr '\n' ' ')"
        record "$n" "$algo" peer "$label" "$status" "$dir.time" "" "$note"
    fi
}

# --- runs ----------------------------------------------------------------------------------------------------
for n in $SIZES; do
    say "n = $n"
    for algo in $ALGOS; do
        ours "$n" "$algo" "$OUT/runs/$n/$algo/kleroterion"
        [ "$PEER" = 1 ] || continue
        case $algo in
            leximin)
                for m in $PEER_LEXIMIN_SIZES; do
                    [ "$m" = "$n" ] && peer "$n" leximin "$PEER_LEXIMIN_BACKEND" "$OUT/runs/$n/leximin/peer-gurobi" "$PEER_TIMEOUT"
                done ;;
            maximin)
                for b in $PEER_BACKENDS; do peer "$n" maximin "$b" "$OUT/runs/$n/maximin/peer-$b" "$PEER_TIMEOUT"; done ;;
            nash)
                peer "$n" nash highspy "$OUT/runs/$n/nash/peer-highspy" "$NASH_TIMEOUT" ;;
            legacy)
                peer "$n" legacy highspy "$OUT/runs/$n/legacy/peer-highspy" "$PEER_TIMEOUT" ;;
        esac
    done
done

if [ "$PEER" != 1 ] && [ -n "$PEER_FROM" ]; then
    for old in $PEER_FROM; do
        awk -F'\t' -v OFS='\t' -v sizes=" $SIZES " -v algos=" $ALGOS " -v src="$old" \
            'NR > 1 && $3 == "peer" && index(sizes, " " $1 " ") && index(algos, " " $2 " ") {
                 $10 = ($10 == "" ? "" : $10 "; ") "earlier run: " src; print }' "$old" >> "$RESULTS"
    done
fi

# --- reproducibility: same seed, a second process, same panel? ------------------------------------------------
REPRO_FILE=$OUT/repro.tsv
printf 'tool\talgorithm\tn\tsame_panel\n' > "$REPRO_FILE"
if [ "$REPRO" = 1 ]; then
    n=${SIZES%% *}
    say "Reproducibility (n=$n, seed $SEED, second process)"
    for algo in $ALGOS; do
        first=$OUT/runs/$n/$algo/kleroterion
        [ -f "$first/panel.csv" ] || continue
        second=$OUT/repro/$n/$algo/kleroterion
        rm -rf "$second"; mkdir -p "$(dirname "$second")"
        "$KLEROTERION" select --people "$OUT/pools/pool-$n.csv" --quotas "$QUOTAS" --panel-size $PANEL --seed "$SEED" \
            --algorithm "$algo" --household-columns "$HOUSEHOLD" --out "$second" > "$second.log" 2>&1 || true
        same=no; cmp -s "$first/panel.csv" "$second/panel.csv" 2>/dev/null && same=yes
        printf 'kleroterion\t%s\t%s\t%s\n' "$algo" "$n" "$same" >> "$REPRO_FILE"
    done
    if [ "$PEER" = 1 ]; then
        # The peer: legacy is cheap; maximin (CBC) is the case issue #3 reports as not reproducible.
        for spec in legacy:highspy maximin:mip; do
            algo=${spec%%:*} backend=${spec##*:}
            first=$OUT/runs/$n/$algo/peer-$backend
            [ -f "$first/panel.txt" ] || continue
            second=$OUT/repro/$n/$algo/peer-$backend
            peer "$n" "$algo" "$backend" "$second" "$PEER_TIMEOUT" 2>/dev/null
            sed -i '$d' "$RESULTS"   # the repeat run is not a separate result
            same=no; cmp -s "$first/panel.txt" "$second/panel.txt" 2>/dev/null && same=yes
            printf 'peer(%s)\t%s\t%s\t%s\n' "$backend" "$algo" "$n" "$same" >> "$REPRO_FILE"
        done
    fi
fi

{
    echo "Kleroterion vs sortition-algorithms $PEER_VERSION — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "Command: SIZES=\"$SIZES\" ALGOS=\"$ALGOS\" PEER=$PEER PEER_BACKENDS=\"$PEER_BACKENDS\" PEER_TIMEOUT=$PEER_TIMEOUT NASH_TIMEOUT=$NASH_TIMEOUT${PEER_FROM:+ PEER_FROM=\"$PEER_FROM\"} bench/peer.sh"
    echo "Times: wall = elapsed seconds; cpu = user + system seconds (the machine is shared: compare CPU when the load is high)."
    echo
    python3 bench/bench_table.py "$RESULTS" "$REPRO_FILE"
} | tee "$OUT/summary.txt"
