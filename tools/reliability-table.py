#!/usr/bin/env python3
"""Prints the figures the reliability suites recorded (a GIFTING_RELIABILITY_REPORT file) as markdown tables."""
import json
import sys
from collections import defaultdict

rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
print("| item | suite | cases | faults | violations | seed |")
print("|---|---|---:|---:|---:|---|")
for r in rows:
    seed = r.get("seed") or ""
    print(f"| {r['item']} | {r['suite']} | {r['cases']:,} | {r['faults']:,} | {r['violations']} | {seed} |")
totals = defaultdict(lambda: [0, 0, 0, 0])
for r in rows:
    t = totals[r["item"]]
    t[0] += 1
    t[1] += r["cases"]
    t[2] += r["faults"]
    t[3] += r["violations"]
print()
print("| item | suites | cases | faults | violations |")
print("|---|---:|---:|---:|---:|")
for item, (n, c, f, v) in totals.items():
    print(f"| {item} | {n} | {c:,} | {f:,} | {v} |")
