#!/usr/bin/env python3
"""Prints the mutation score per folder of core/ from a Stryker.NET JSON report, as docs/reliability.md quotes it.

Usage: tools/mutation-table.py <mutation-report.json> [--survivors FOLDER]

The score is Stryker's: (killed + timeout) / (killed + timeout + survived + not covered). Mutants that do not
compile and ignored mutants are counted but not scored. With --survivors, the surviving and uncovered mutants of one
folder are listed with their line, so that a test can be written for each.
"""
import collections
import json
import sys

MONEY = ["Ledger", "Debits", "Refunds", "Redemptions", "Promotions", "Adjustments", "Reloads", "Funding", "Cards"]
COLUMNS = ["Killed", "Timeout", "Survived", "NoCoverage", "CompileError", "Ignored"]


def folder_of(path):
    relative = path.replace("\\", "/").split("core/Gifting.Core/")[-1]
    return relative.split("/")[0] if "/" in relative else "(root)"


def score(counts):
    detected = counts["Killed"] + counts["Timeout"]
    scored = detected + counts["Survived"] + counts["NoCoverage"]
    return f"{100 * detected / scored:.1f}%" if scored else "n/a"


def row(name, counts):
    cells = [str(counts[c]) for c in COLUMNS]
    return f"| {name} | " + " | ".join(cells) + f" | {score(counts)} |"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    report = json.load(open(sys.argv[1], encoding="utf-8"))
    if len(sys.argv) == 4 and sys.argv[2] == "--survivors":
        for path, data in sorted(report["files"].items()):
            if folder_of(path) != sys.argv[3]:
                continue
            source = data["source"].split("\n")
            for mutant in sorted(data["mutants"], key=lambda m: m["location"]["start"]["line"]):
                if mutant["status"] in ("Survived", "NoCoverage"):
                    line = mutant["location"]["start"]["line"]
                    name = path.replace("\\", "/").split("/")[-1]
                    print(f"{mutant['status']} {name}:{line} {mutant['mutatorName']} -> "
                          f"{mutant.get('replacement', '')!r:.60}\n    {source[line - 1].strip()[:110]}")
        return
    folders = collections.defaultdict(collections.Counter)
    for path, data in report["files"].items():
        for mutant in data["mutants"]:
            folders[folder_of(path)][mutant["status"]] += 1
    print("| folder | killed | timeout | survived | not covered | not compiled | ignored | score |")
    print("|---|" + "---:|" * (len(COLUMNS) + 1))
    money = collections.Counter()
    for name in MONEY:
        if name in folders:
            print(row(name, folders[name]))
            money += folders[name]
    print(row("**money folders**", money))
    rest = sorted(name for name in folders if name not in MONEY)
    everything = collections.Counter(money)
    for name in rest:
        print(row(name, folders[name]))
        everything += folders[name]
    if rest:
        print(row("**all mutated files**", everything))


if __name__ == "__main__":
    main()
