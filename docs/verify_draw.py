#!/usr/bin/env python3
"""Check a Kleroterion lottery draw without Kleroterion (Python 3, standard library only). GPL-3.0-or-later.

Usage: python3 verify_draw.py FOLDER "SEED" [ANNOUNCED_FINGERPRINT]
Checks every file's SHA-256 against manifest.json (and manifest.json against the announced fingerprint),
writes the seed in its canonical form under the manifest's seed format, computes the panel number (rule
sha256-rejection-v2, see docs/verification.md), checks that this panel meets the quotas and the one-per-household
rule, and compares with audit.json if there is one. Fairness (the chances) is checked by verify_fairness.py.
For a commitment with alternates (commit --alternates) it also checks that the drawn panel's alternates keep the rules
(as many as the manifest says, each once, none on the panel or in a member's household, one per household) and match
audit.json; that they are the ones the committed rule chooses is recomputed by `kleroterion verify` only.
"""
import csv, hashlib, json, os, re, sys, unicodedata

folder, seed = sys.argv[1], sys.argv[2]
path = lambda name: os.path.join(folder, name)
sha = lambda p: hashlib.sha256(open(p, 'rb').read()).hexdigest()
rows = lambda name: list(csv.DictReader(open(path(name), newline='', encoding='utf-8')))
problems, fingerprint = [], sha(path('manifest.json'))
if len(sys.argv) > 3 and sys.argv[3].lower() != fingerprint:
    problems.append(f'manifest.json: its SHA-256 is {fingerprint}, not the announced {sys.argv[3]}')
manifest = json.load(open(path('manifest.json'), encoding='utf-8'))
for name, expected in sorted(manifest['files'].items()):
    if not os.path.exists(path(name)) or sha(path(name)) != expected:
        problems.append(f'{name}: missing, or its SHA-256 differs from manifest.json')


def canonical(fmt, text):
    """The seed's one canonical text under its declared format (docs/verification.md), or exit 2."""
    text = ' '.join(re.split(r'\s+', unicodedata.normalize('NFC', text).replace('\u00a0', ' ').replace('\u202f', ' '))).strip()
    kind = fmt.split(':')
    tokens = [t for t in re.split(r'[ ,;\-\u2013\u2014./|+]+', text) if t]
    if kind[0] == 'dice':
        n = int(kind[1])
        if len(tokens) == 1 and n > 1 and len(tokens[0]) == n:
            tokens = list(tokens[0])
        if len(tokens) != n or not all(t.isdigit() and 1 <= int(t) <= 6 for t in tokens):
            sys.exit(f'error: the seed is not {n} die faces 1 to 6 (format {fmt})')
        return ' '.join(str(int(t)) for t in tokens)
    if kind[0] == 'lotto':
        k, n = map(int, kind[1].split('/'))
        if len(tokens) != k or not all(t.isdigit() and 1 <= int(t) <= n for t in tokens) or len({int(t) for t in tokens}) != k:
            sys.exit(f'error: the seed is not {k} different numbers from 1 to {n} (format {fmt})')
        return ' '.join(str(int(t)) for t in tokens)
    if kind[0] == 'beacon':
        digits = 64 if kind[1] == 'drand' else 128
        h = text.lower().replace(' ', '')
        h = h[2:] if h.startswith('0x') else h
        if len(h) != digits or not re.fullmatch('[0-9a-f]*', h):
            sys.exit(f'error: the seed is not {digits} hexadecimal digits (format {fmt})')
        return h
    if not text:
        sys.exit('error: the seed is empty')
    return text


fmt = manifest['seed']['format']
seed = canonical(fmt, seed)
table = rows('lottery.csv')
panels = [r['pseudonyms'].split(' ') for r in table]
m = len(panels)
h = hashlib.sha256(manifest['files']['lottery.csv'].encode() + b'\x1f' + fmt.encode() + b'\x1f' + seed.encode('utf-8')).digest()
accepted = lambda h: [w for w in (int.from_bytes(h[i:i + 8], 'big') for i in range(0, 32, 8)) if w < 2**64 - 2**64 % m]
while not accepted(h):  # all four 64-bit words rejected (bias-free rule): hash again
    h = hashlib.sha256(h).digest()
number = 1 + accepted(h)[0] % m
panel, members = panels[number - 1], {r['pseudonym']: r for r in rows('members.csv')}
if len(panel) != manifest['settings']['panel_size'] or any(i not in members for i in panel):
    problems.append(f'lottery.csv: panel {number} does not have {manifest["settings"]["panel_size"]} known members')
else:
    def has(row, q):  # a combination row 'gender&age_band,vrouw&16-24' matches on every part
        fs, vs = ([q['feature']], [q['value']]) if q['feature'] in row else (q['feature'].split('&'), q['value'].split('&'))
        return all(row[f.strip()].strip().lower() == v.strip().lower() for f, v in zip(fs, vs))
    for q in rows('quotas.csv'):
        n = sum(has(members[i], q) for i in panel)
        if not int(q['min']) <= n <= int(q['max']):
            problems.append(f"lottery.csv: panel {number} has {n} seats for {q['feature']} = {q['value']}")
    if len({members[i]['household_group'] for i in panel}) < len(panel):
        problems.append(f'lottery.csv: panel {number} has two people from one household')
alternates = None
if 'alternates' in manifest:  # the drawn panel's committed alternates, in rank order
    alternates = rows(manifest['alternates']['file'])[number - 1]['alternates'].split()
    homes = {members[i]['household_group'] for i in panel if i in members}
    known = [a for a in alternates if a in members]
    if (len(alternates) != manifest['alternates']['count'] or len(known) < len(alternates) or len(set(alternates)) < len(alternates)
            or any(a in panel or members[a]['household_group'] in homes for a in known)
            or len({members[a]['household_group'] for a in known}) < len(known)):
        problems.append(f"{manifest['alternates']['file']}: panel {number}'s alternates break the rules (count, listed once, off the panel, one per household)")
for audit_path in (os.path.join(folder, 'draw', 'audit.json'), path('audit.json')):
    if os.path.exists(audit_path):
        audit = json.load(open(audit_path, encoding='utf-8'))
        if (audit['seed'], audit['panel'], audit['manifest_sha256']) != (seed, number, fingerprint):
            problems.append(f'{audit_path}: it records another draw (seed, panel or manifest differ)')
        if audit.get('alternate_pseudonyms') != alternates:
            problems.append(f'{audit_path}: its alternates are not those of panel {number}')
        break
named = f'; alternates in rank order: {" ".join(alternates)}' if alternates is not None else ''
print('\n'.join(['NOT verified'] + problems) if problems else f'verified: the seed "{seed}" gives panel {number} of {m}: {" ".join(panel)}{named}')
sys.exit(1 if problems else 0)
