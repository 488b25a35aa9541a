#!/usr/bin/env python3
"""Recompute the fairness of a Kleroterion lottery from its published files, independently. GPL-3.0-or-later.

Usage: python3 verify_fairness.py COMMITMENT_FOLDER [--chances-out FILE]
Needs: pip install -r docs/requirements-verify.txt (HiGHS via highspy).

Exit 0 when the lottery in lottery.csv is fair within its announced bound, 1 when not (naming why).

What it does, from the papers rather than from Kleroterion's code:
  * Flanigan, Goelz, Gupta, Hennig & Procaccia, "Fair algorithms for selecting citizens' assemblies",
    Nature 596 (2021): LEXIMIN maximises the smallest selection probability, then the next smallest, and so on,
    over all distributions on quota-feasible panels. Each stage is a linear programme over panels; its dual has
    one constraint per panel, added lazily by an integer programme (column generation = row generation on the
    dual). Every person whose dual weight is positive sits at the stage's optimum in every optimal solution
    (complementary slackness), so they are fixed there and the next stage raises the others.
  * People with the same quota values who share no household with anyone are interchangeable; since the
    LEXIMIN vector is unique and the problem is symmetric in them, they get the same chance. We therefore work
    with "types" (one per combination of values, plus one per person in a shared household) and panel
    compositions (how many of each type), which keeps the programmes small.
  * Flanigan, Kehne & Procaccia, "Fair sortition made transparent", NeurIPS 2021: the lottery of m equally likely
    panels approximates those chances; the announced bound (manifest rounding.max_change) says how closely.

Checks: the published files have the manifest's SHA-256; every panel meets the quotas and the one-per-household
rule; and every person's share of the m panels is within the announced bound (+1e-6 solver tolerance) of their
recomputed LEXIMIN chance (for MAXIMIN: nobody below the recomputed minimum by more than that). The published
probabilities.csv is not read: it is the organiser's claim, not evidence.
"""
import csv, hashlib, json, os, sys, time
from collections import Counter, defaultdict

import highspy
import numpy as np

SOLVER_TOLERANCE = 1e-6   # how far two exact solvers may put one chance (see docs/verification.md)
DUAL_POSITIVE = 1e-9      # a dual weight above this fixes its type
PRICING_SLACK = 1e-9      # a panel whose dual value exceeds mu by more than this is added
ATTAINABLE_SEATS = 1e-6   # a mix of panels this close (total seats, L1) to the relaxed optimum attains it
ATTAINABLE_CHANCE = 1e-6  # ... or this close in every type's chance (the tolerance the chances are compared at)


def fail(message):
    print('error: ' + message, file=sys.stderr)
    sys.exit(2)


def read_rows(folder, name):
    with open(os.path.join(folder, name), newline='', encoding='utf-8') as f:
        return list(csv.DictReader(f))


class Problem:
    """Types of interchangeable respondents, the quotas per (feature, value) and the shared households."""

    def __init__(self, members, quotas, k):
        self.k = k
        self.features = sorted({q['feature'] for q in quotas})
        self.bounds = {(q['feature'], q['value'].strip().lower()): (int(q['min']), int(q['max'])) for q in quotas}
        household_size = Counter(r['household_group'] for r in members)
        key_of = {}
        self.type_of = []                 # person -> type
        self.type_values = []             # type -> tuple of values (lower case)
        self.type_household = []          # type -> household group if shared, else None
        for r in members:
            values = tuple(r[f].strip().lower() for f in self.features)
            shared = household_size[r['household_group']] > 1
            key = ('person', r['pseudonym']) if shared else ('values', values)
            if key not in key_of:
                key_of[key] = len(self.type_values)
                self.type_values.append(values)
                self.type_household.append(r['household_group'] if shared else None)
            self.type_of.append(key_of[key])
        self.size = np.bincount(self.type_of, minlength=len(self.type_values)).astype(float)

    @property
    def types(self):
        return len(self.type_values)


class Pricing:
    """The integer programme over panel compositions: x_t seats for type t, quotas and households as rows."""

    def __init__(self, p):
        self.p, T = p, p.types
        h = self.h = highspy.Highs()
        h.setOptionValue('output_flag', False)
        h.setOptionValue('mip_rel_gap', 0.0)
        h.setOptionValue('mip_abs_gap', 1e-12)
        h.setOptionValue('mip_feasibility_tolerance', 1e-9)
        inf = highspy.kHighsInf
        for t in range(T):
            h.addVar(0.0, float(p.size[t]))
        h.changeColsIntegrality(T, np.arange(T, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * T))
        for lo, hi, idx in constraint_rows(p):
            h.addRow(lo, hi, len(idx), np.array(idx, dtype=np.int32), np.ones(len(idx)))
        h.changeObjectiveSense(highspy.ObjSense.kMaximize)

    def best(self, weights):
        """The composition maximising sum_t weights[t] * x_t, and its value."""
        T = self.p.types
        self.h.changeColsCost(T, np.arange(T, dtype=np.int32), np.asarray(weights, dtype=float))
        self.h.run()
        if self.h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError('the quotas cannot be met (the pricing programme has no optimal solution)')
        x = np.rint(np.array(self.h.getSolution().col_value)).astype(int)
        return x, float(np.dot(weights, x))


def leximin(p, stop_after_first=False):
    """Each type's LEXIMIN chance (or, with stop_after_first, the MAXIMIN value for everyone).

    One stage: max z s.t. sum_P lam_P c_tP - z >= 0 for each free type t, sum_P lam_P c_tP >= f_t for each fixed
    type, sum_P lam_P = 1, lam >= 0, where c_tP = x_t(P) / n_t is a member of type t's chance on panel P.
    The dual weights y_t >= 0 of the type rows price a new panel: the composition maximising sum_t y_t c_tP,
    added while its value exceeds mu = max over the known panels (the dual of sum lam = 1)."""
    pricing, T = Pricing(p), p.types
    master = highspy.Highs()
    master.setOptionValue('output_flag', False)
    master.setOptionValue('primal_feasibility_tolerance', 1e-10)
    master.setOptionValue('dual_feasibility_tolerance', 1e-10)
    inf = highspy.kHighsInf
    master.addVar(-inf, inf)                      # z, column 0
    master.changeColCost(0, 1.0)
    master.changeObjectiveSense(highspy.ObjSense.kMaximize)
    for t in range(T):                            # rows 0..T-1: sum c lam - z >= 0
        master.addRow(0.0, inf, 1, np.array([0], dtype=np.int32), np.array([-1.0]))
    master.addRow(1.0, 1.0, 0, np.array([], dtype=np.int32), np.array([]))   # row T: sum lam = 1
    columns, seen = [], set()

    def add(x):
        key = tuple(int(v) for v in x)
        if key in seen:
            return False
        seen.add(key)
        c = x / p.size
        columns.append(c)
        rows = [t for t in range(T) if c[t] > 0] + [T]
        master.addCol(0.0, 0.0, inf, len(rows), np.array(rows, dtype=np.int32), np.append(c[[t for t in rows if t < T]], 1.0))
        return True

    # First panels: cover every type that any panel can hold (greedy: reward the types not yet covered).
    covered = np.zeros(T, dtype=bool)
    while True:
        x, value = pricing.best((~covered).astype(float))
        if value < 0.5 or not add(x):
            break
        covered |= x > 0
    fixed = {}     # type -> chance
    while len(fixed) < T:
        free = [t for t in range(T) if t not in fixed]
        while True:
            master.run()
            if master.getModelStatus() != highspy.HighsModelStatus.kOptimal:
                raise RuntimeError(f'a LEXIMIN stage LP did not solve ({master.modelStatusToString(master.getModelStatus())})')
            level = float(master.getInfo().objective_function_value)
            y = np.abs(np.array(master.getSolution().row_dual[:T]))
            y[y < 1e-13] = 0.0
            mu = max(float(np.dot(y, c)) for c in columns)
            x, value = pricing.best(y / p.size)
            if value <= mu + PRICING_SLACK or not add(x):
                break
        if stop_after_first:
            return np.full(T, level)
        total = sum(y[t] for t in free)
        chosen = [t for t in free if y[t] > DUAL_POSITIVE * max(total, 1.0)] or [max(free, key=lambda t: y[t])]
        if level >= 1 - 1e-9:
            chosen = free
        for t in chosen:
            fixed[t] = min(level, 1.0)
            # Fixed: no longer raised with z, but kept at least at its level (1e-10 below, against rounding).
            master.changeCoeff(t, 0, 0.0)
            master.changeRowBounds(t, fixed[t] - 1e-10, inf)
    return np.array([fixed[t] for t in range(T)])


def relaxed_leximin(p):
    """LEXIMIN over the linear relaxation: each stage is one LP over expected seats e_t (0 <= e_t <= n_t) that meet
    the quotas and the household rows in expectation. Every distribution over real panels gives such a point, so
    if the optimum is attainable by real panels (`attainable`), it is the LEXIMIN itself."""
    T, inf = p.types, highspy.kHighsInf
    lp = quiet_lp()
    for t in range(T):
        lp.addVar(0.0, float(p.size[t]))
    lp.addVar(-inf, inf)                         # z, column T
    lp.changeColCost(T, 1.0)
    lp.changeObjectiveSense(highspy.ObjSense.kMaximize)
    for t in range(T):                           # rows 0..T-1: e_t / n_t - z >= 0
        lp.addRow(0.0, inf, 2, np.array([t, T], dtype=np.int32), np.array([1.0 / p.size[t], -1.0]))
    for lo, hi, idx in constraint_rows(p):
        lp.addRow(lo, hi, len(idx), np.array(idx, dtype=np.int32), np.ones(len(idx)))
    fixed = {}
    while len(fixed) < T:
        lp.run()
        if lp.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError('the quotas cannot be met even in expectation')
        level = float(lp.getInfo().objective_function_value)
        y = np.abs(np.array(lp.getSolution().row_dual[:T]))
        free = [t for t in range(T) if t not in fixed]
        chosen = [t for t in free if y[t] > DUAL_POSITIVE] or [max(free, key=lambda t: y[t])]
        if level >= 1 - 1e-9:
            chosen = free
        for t in chosen:
            fixed[t] = min(level, 1.0)
            lp.changeCoeff(t, T, 0.0)
            lp.changeRowBounds(t, fixed[t] - 1e-10, inf)
    return np.array([fixed[t] for t in range(T)])


def quiet_lp():
    lp = highspy.Highs()
    lp.setOptionValue('output_flag', False)
    lp.setOptionValue('primal_feasibility_tolerance', 1e-10)
    lp.setOptionValue('dual_feasibility_tolerance', 1e-10)
    return lp


def constraint_rows(p):
    """(lower, upper, types) for the panel size, every quota and every shared household."""
    T, rows = p.types, [(float(p.k), float(p.k), list(range(p.types)))]
    for (f, value), (lo, hi) in sorted(p.bounds.items()):
        fi = p.features.index(f)
        rows.append((float(lo), float(hi), [t for t in range(T) if p.type_values[t][fi] == value]))
    groups = defaultdict(list)
    for t, g in enumerate(p.type_household):
        if g is not None:
            groups[g].append(t)
    rows += [(-highspy.kHighsInf, 1.0, idx) for idx in groups.values()]
    return rows


def attainable(p, chances, known=()):
    """True when the expected seats n_t * chances_t are a mix of real panel compositions: column generation on
    min sum_t (u_t + v_t) s.t. sum_P lam_P x_tP + u_t - v_t = n_t chances_t, sum_P lam_P = 1 (zero = attainable).
    `known`: compositions of panels already checked against the quotas (the lottery's own), as first columns;
    they only speed the search up, the LP and the pricing ILP decide."""
    T, inf = p.types, highspy.kHighsInf
    target = p.size * chances
    pricing = Pricing(p)
    lp = quiet_lp()
    for t in range(T):
        lp.addRow(target[t], target[t], 0, np.array([], dtype=np.int32), np.array([]))
    lp.addRow(1.0, 1.0, 0, np.array([], dtype=np.int32), np.array([]))
    for t in range(T):
        lp.addCol(1.0, 0.0, inf, 1, np.array([t], dtype=np.int32), np.array([1.0]))
        lp.addCol(1.0, 0.0, inf, 1, np.array([t], dtype=np.int32), np.array([-1.0]))
    seen = set()
    for x in known:
        key = tuple(int(v) for v in x)
        if key not in seen:
            seen.add(key)
            rows = [t for t in range(T) if x[t] > 0]
            lp.addCol(0.0, 0.0, inf, len(rows) + 1, np.array(rows + [T], dtype=np.int32), np.append(x[rows].astype(float), 1.0))
    x, _ = pricing.best(chances)          # a first panel towards the target
    for _ in range(5000):
        key = tuple(int(v) for v in x)
        if key in seen:
            return False
        seen.add(key)
        rows = [t for t in range(T) if x[t] > 0]
        lp.addCol(0.0, 0.0, inf, len(rows) + 1, np.array(rows + [T], dtype=np.int32), np.append(x[rows].astype(float), 1.0))
        lp.run()
        # Zero up to the LPs' own accuracy: every type's chance within ATTAINABLE_CHANCE of a mix of real panels
        # (the solver tolerance at which the chances are compared anyway).
        slack = np.array(lp.getSolution().col_value[:2 * T]).reshape(T, 2).sum(axis=1) / p.size
        if float(lp.getInfo().objective_function_value) < ATTAINABLE_SEATS or float(slack.max()) <= ATTAINABLE_CHANCE:
            return True
        # HiGHS: col_dual = c - A^T y, so a panel improves when sum_t y_t x_t + y_convexity > 0.
        y = np.array(lp.getSolution().row_dual)
        x, value = pricing.best(y[:T])
        if value + y[T] <= 1e-9:
            return False
    return False


def main(argv):
    args, chances_out = list(argv), None
    if '--chances-out' in args:
        at = args.index('--chances-out')
        if at + 1 >= len(args):
            fail('--chances-out needs a file name')
        chances_out = args[at + 1]
        del args[at:at + 2]
    if len(args) != 1 or args[0].startswith('--'):
        fail('usage: python3 verify_fairness.py COMMITMENT_FOLDER [--chances-out FILE]')
    folder = args[0]
    manifest_path = os.path.join(folder, 'manifest.json')
    if not os.path.exists(manifest_path):
        fail(f'{manifest_path}: there is no manifest here; give the folder that `kleroterion commit` wrote')
    manifest = json.load(open(manifest_path, encoding='utf-8'))
    problems = []
    for name in ('lottery.csv', 'members.csv', 'quotas.csv'):
        p = os.path.join(folder, name)
        if not os.path.exists(p) or hashlib.sha256(open(p, 'rb').read()).hexdigest() != manifest['files'].get(name):
            problems.append(f'{name}: missing, or its SHA-256 differs from manifest.json')
    settings = manifest['settings']
    k, algorithm = settings['panel_size'], settings['algorithm']
    members, quotas = read_rows(folder, 'members.csv'), read_rows(folder, 'quotas.csv')
    lottery = [r['pseudonyms'].split(' ') for r in read_rows(folder, 'lottery.csv')]
    m = len(lottery)
    p = Problem(members, quotas, k)
    row_of = {r['pseudonym']: i for i, r in enumerate(members)}
    counts = np.zeros(len(members))
    broken = 0
    def valid(panel):
        rows = [row_of.get(x) for x in panel]
        if None in rows or not len(set(rows)) == k == len(rows):
            return False
        for fi, feature in enumerate(p.features):
            seats = Counter(p.type_values[p.type_of[i]][fi] for i in rows)
            for (f, value), (lo, hi) in p.bounds.items():
                if f == feature and not lo <= seats.get(value, 0) <= hi:
                    return False
        groups = [members[i]['household_group'] for i in rows]
        return len(set(groups)) == len(groups)

    for panel in lottery:
        broken += not valid(panel)
        for x in panel:
            if x in row_of:
                counts[row_of[x]] += 1
    # The distinct valid panels of the lottery, as compositions (first columns for the attainability check).
    known = {}
    for panel in lottery:
        rows = [row_of.get(x) for x in panel]
        if None not in rows:
            known.setdefault(tuple(sorted(panel)), np.bincount([p.type_of[i] for i in rows], minlength=p.types))
    known = list(known.values()) if not broken else []
    # fair_distribution.csv (the distribution before rounding) is a certificate: its panels are checked here like
    # the lottery's, and only then offered to the attainability LP. Nothing else is taken from it.
    certificate = os.path.join(folder, 'fair_distribution.csv')
    if os.path.exists(certificate) and hashlib.sha256(open(certificate, 'rb').read()).hexdigest() == manifest['files'].get('fair_distribution.csv'):
        for r in read_rows(folder, 'fair_distribution.csv'):
            panel = r['pseudonyms'].split(' ')
            if valid(panel):
                known.append(np.bincount([p.type_of[row_of[x]] for x in panel], minlength=p.types))
    if broken:
        problems.append(f'lottery.csv: {broken} of the {m} panels break the quotas, the panel size or the household rule')
    bound = float(manifest['rounding']['max_change'])
    if not 0 <= bound <= k / m:
        problems.append(f'manifest.json: the announced bound {bound} is not between 0 and k/m = {k / m}')
        bound = min(max(bound, 0.0), k / m)
    if algorithm not in ('leximin', 'maximin'):
        problems.append(f"manifest.json: the algorithm '{algorithm}' is not one whose chances can be recomputed")
        print('\n'.join(['NOT fair'] + problems))
        return 1
    started = time.time()
    if algorithm == 'maximin':
        per_type, route = leximin(p, stop_after_first=True), 'column generation'
    else:
        per_type, route = relaxed_leximin(p), 'the linear relaxation, proven attainable by real panels'
        if not attainable(p, per_type, known):
            per_type, route = leximin(p), 'column generation over panels (the relaxation was not attainable)'
    fair = np.array([per_type[p.type_of[i]] for i in range(len(members))])
    share = counts / m
    minimum = float(fair.min())
    tolerance = bound + SOLVER_TOLERANCE
    gap = np.maximum(0.0, minimum - share) if algorithm == 'maximin' else np.abs(share - fair)
    order = np.argsort(-gap, kind='stable')
    beyond = [i for i in order if gap[i] > tolerance]
    if beyond:
        worst = '; '.join(f"pseudonym {members[i]['pseudonym']}: {share[i]:.5f} in the lottery, fair chance {fair[i]:.5f}" for i in beyond[:5])
        problems.append(f'lottery.csv: {len(beyond)} respondents\' chances differ from the recomputed {algorithm} chances '
                        f'by more than the announced bound {bound:.5f} (+{SOLVER_TOLERANCE:g}); largest: {worst}')
    if chances_out:
        with open(chances_out, 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['pseudonym', 'fair_chance', 'lottery_chance'])
            for i, r in enumerate(members):
                w.writerow([r['pseudonym'], f'{fair[i]:.12f}', f'{share[i]:.12f}'])
    print(f'recomputed the {algorithm} chances of {len(members)} respondents ({p.types} types) in {time.time() - started:.1f} s via {route}; '
          f'smallest fair chance {minimum:.9f}; largest deviation of the lottery {float(gap.max()):.6f}; '
          f'allowed {tolerance:.6f} (announced bound {bound:.6f} + {SOLVER_TOLERANCE:g})')
    if problems:
        print('\n'.join(['NOT fair'] + problems))
        return 1
    print(f'fair: every respondent\'s share of the {m} panels is within the announced bound of their {algorithm} chance')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
