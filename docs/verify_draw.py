#!/usr/bin/env python3
"""Check a Kleroterion lottery draw without Kleroterion (Python 3, standard library only). GPL-3.0-or-later.

Usage: python3 verify_draw.py FOLDER "SEED" [ANNOUNCED_FINGERPRINT]
Checks every file's SHA-256 against manifest.json (and manifest.json against the announced fingerprint),
computes the panel number from the seed (rule sha256-rejection-v1, see docs/verification.md), checks that
this panel meets the quotas and the one-per-household rule, and compares with audit.json if there is one.
"""
import csv, hashlib, json, os, sys

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
panels = [r['member_ids'].split(' ') for r in rows('lottery.csv')]
m, h = len(panels), hashlib.sha256(fingerprint.encode() + b'\x1f' + seed.encode('utf-8')).digest()
accepted = lambda h: [w for w in (int.from_bytes(h[i:i + 8], 'big') for i in range(0, 32, 8)) if w < 2**64 - 2**64 % m]
while not accepted(h):  # all four 64-bit words rejected (bias-free rule): hash again
    h = hashlib.sha256(h).digest()
number = 1 + accepted(h)[0] % m
panel, members = panels[number - 1], {r['id']: r for r in rows('members.csv')}
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
for audit_path in (os.path.join(folder, 'draw', 'audit.json'), path('audit.json')):
    if os.path.exists(audit_path):
        audit = json.load(open(audit_path, encoding='utf-8'))
        if (audit['seed'], audit['panel'], audit['manifest_sha256']) != (seed, number, fingerprint):
            problems.append(f'{audit_path}: it records another draw (seed, panel or manifest differ)')
        break
print('\n'.join(['NOT verified'] + problems) if problems else f'verified: the seed gives panel {number} of {m}: {" ".join(panel)}')
sys.exit(1 if problems else 0)
