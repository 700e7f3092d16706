"""The soak run's report: requests, verdicts and latency per kind, deliveries, memory and handles over time.

report.py BASE OUT SECRETS DRAIN_SECONDS MAX_FD_GROWTH APP_LOG

Reads the wrk results (OUT/*.result) and the samples (OUT/samples.csv), waits up to DRAIN_SECONDS for the corporate
orders to be delivered, compares the org's orders with the local mailbox, prints the report and exits 1 if any
response was a 5xx or not one the request expects, a socket error occurred, an order was not fully delivered (every
line sent, each recipient exactly once in the mailbox), or a process's open handles grew by more than MAX_FD_GROWTH
from the middle third of the run to the last. Never prints a code, a token or a message body.
"""
import csv
import glob
import json
import statistics
import sys
import time
import urllib.parse
import urllib.request

BASE, OUT, SECRETS, DRAIN, MAX_FD_GROWTH, APP_LOG = (sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]),
                                                     int(sys.argv[5]), sys.argv[6])
KINDS = ["redeem", "bad", "balance", "debit", "order"]
failures = []


def read(name):
    with open(f"{SECRETS}/{name}") as f:
        return f.read().strip()


def get(path, token=None):
    request = urllib.request.Request(BASE + path)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.load(response)


def results():
    runs = {}
    for path in glob.glob(f"{OUT}/*.result"):
        with open(path) as f:
            fields = f.read().split()
        kind, numbers, tally = fields[0], fields[1:13], fields[13:]
        run = dict(zip(["requests", "seconds", "p50", "p90", "p99", "max", "mean", "connect", "read", "write",
                        "timeout", "exhausted"], map(float, numbers)))
        run["tally"] = {}
        for item in tally:
            key, count = item.rsplit("=", 1)
            variant, status, verdict = key.split(":")
            run["tally"][(variant, int(status), verdict)] = int(count)
        runs[kind] = run
    return runs


def traffic(runs):
    print("## Requests per kind (latency in ms, the pacing wait excluded)")
    print()
    with open(f"{OUT}/profile.txt") as f:
        profile = {k: float(c) * float(r) for k, c, r in (line.split() for line in f if line.strip())}
    print("| kind | requests | per s (at most) | ok (2xx) | expected refusals | unexpected | 5xx | socket errors "
          "| p50 | p90 | p99 | max |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    totals = [0] * 6
    for kind in KINDS:
        run = runs.get(kind)
        if run is None:
            failures.append(f"{kind}: wrk left no result")
            continue
        tally = run["tally"]
        ok = sum(c for (_, s, v), c in tally.items() if v == "ok")
        refused = sum(c for (_, s, v), c in tally.items() if v == "refused")
        server = sum(c for (_, s, v), c in tally.items() if s >= 500)
        unexpected = sum(c for (_, s, v), c in tally.items() if v == "unexpected" and s < 500)
        sockets = int(run["connect"] + run["read"] + run["write"] + run["timeout"])
        row = [int(run["requests"]), ok, refused, unexpected, server, sockets]
        totals = [a + b for a, b in zip(totals, row)]
        rate = f"{run['requests'] / run['seconds']:.1f} ({profile.get(kind, 0):g})"
        print(f"| {kind} | {row[0]:,} | {rate} | {ok:,} | {refused:,} | "
              f"{unexpected:,} | {server:,} | {sockets:,} | {run['p50']:.1f} | {run['p90']:.1f} | "
              f"{run['p99']:.1f} | {run['max']:.1f} |")
        if server:
            failures.append(f"{kind}: {server} responses 5xx")
        if unexpected:
            failures.append(f"{kind}: {unexpected} responses not of the statuses expected")
        if sockets:
            failures.append(f"{kind}: {sockets} socket errors (connect {run['connect']:.0f}, read {run['read']:.0f}, "
                            f"write {run['write']:.0f}, timeout {run['timeout']:.0f})")
        if run["exhausted"]:
            print(f"|  | fresh codes ran out before the end |  |  |  |  |  |  |  |  |  |  |")
    total = totals[0] or 1
    print(f"| all | {totals[0]:,} |  | {totals[1]:,} | {totals[2]:,} | {totals[3]:,} | {totals[4]:,} | "
          f"{totals[5]:,} |  |  |  |  |")
    print()
    print(f"Error rate: expected refusals {100 * totals[2] / total:.2f} %, unexpected {100 * totals[3] / total:.2f} %, "
          f"5xx {100 * totals[4] / total:.2f} %, socket errors {100 * totals[5] / total:.2f} % of "
          f"{totals[0]:,} requests.")
    print()
    print("Responses by variant (variant status verdict: count):")
    for kind in KINDS:
        if kind in runs:
            items = sorted(runs[kind]["tally"].items())
            print(f"- {kind}: " + ", ".join(f"{v} {s} {verdict}: {c:,}" for (v, s, verdict), c in items))
    print()
    return runs


def orders(buyer):
    found, cursor = [], None
    while True:
        query = {"limit": "100"} | ({"cursor": cursor} if cursor else {})
        page = get("/api/orders?" + urllib.parse.urlencode(query), buyer)
        found += page["items"]
        cursor = page.get("nextCursor")
        if not cursor:
            return found


def delivery(runs):
    buyer, run_id = read("buyer.txt"), read("run.txt")
    placed = sum(c for (v, s, verdict), c in runs.get("order", {"tally": {}})["tally"].items()
                 if v == "new" and verdict == "ok")
    started = time.monotonic()
    while True:
        listed = orders(buyer)
        pending = [o for o in listed if o["counts"]["sent"] + o["counts"]["failed"] < o["counts"]["lines"]]
        if not pending or time.monotonic() - started > DRAIN:
            break
        time.sleep(2)
    waited = time.monotonic() - started
    lines = sum(o["counts"]["lines"] for o in listed)
    sent = sum(o["counts"]["sent"] for o in listed)
    failed = sum(o["counts"]["failed"] for o in listed)
    statuses = {}
    for o in listed:
        statuses[o["status"]] = statuses.get(o["status"], 0) + 1
    mailbox = get("/api/dev/mailbox")["items"]
    ours = [m for m in mailbox if m["to"].startswith(f"soak-{run_id}-o") or m["to"].startswith("+1999")]
    recipients = {m["to"] for m in ours}
    linked = sum(1 for m in ours if m.get("links"))
    print("## Orders and delivery")
    print()
    print(f"Orders accepted (new, 202): {placed:,}; listed for the org: {len(listed):,} "
          f"({', '.join(f'{k} {v:,}' for k, v in sorted(statuses.items()))}); lines {lines:,}, sent {sent:,}, "
          f"failed {failed:,}, still pending {len(pending):,} order(s) after waiting {waited:.0f} s for the queues "
          f"to drain.")
    print(f"Mailbox: {len(ours):,} messages to this run's recipients ({len(recipients):,} distinct, {linked:,} with "
          f"a link) of {len(mailbox):,} in all.")
    print()
    if len(listed) != placed:
        failures.append(f"orders: {placed} accepted but {len(listed)} listed for the org")
    if pending or sent != lines or failed:
        failures.append(f"orders: {lines} lines, {sent} sent, {failed} failed, {len(pending)} orders not finished")
    if any(o["status"] != "completed" for o in listed):
        failures.append("orders: not every order is completed")
    if len(ours) != lines or len(recipients) != lines or linked != lines:
        failures.append(f"mailbox: {lines} lines but {len(ours)} messages to {len(recipients)} recipients "
                        f"({linked} with a link)")


def at(rows, t):
    return min(rows, key=lambda r: abs(r["seconds"] - t))


def resources():
    with open(f"{OUT}/samples.csv") as f:
        rows = [r for r in csv.DictReader(f) if r["rss_kib"]]
    print("## Memory and handles (sampled from /proc)")
    print()
    print("| process | figure | start | middle | end | median, middle third | median, last third | last / middle |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name in dict.fromkeys(r["process"] for r in rows):
        mine = [{"seconds": float(r["seconds"]), "rss": int(r["rss_kib"]) / 1024, "fds": int(r["fds"]),
                 "threads": int(r["threads"])} for r in rows if r["process"] == name]
        span = mine[-1]["seconds"]
        middle = [r for r in mine if span / 3 <= r["seconds"] < 2 * span / 3] or [at(mine, span / 2)]
        last = [r for r in mine if r["seconds"] >= 2 * span / 3]
        for figure, label in (("rss", "RSS (MiB)"), ("fds", "open handles"), ("threads", "threads")):
            m, l = statistics.median(r[figure] for r in middle), statistics.median(r[figure] for r in last)
            fmt = (lambda v: f"{v:.1f}") if figure == "rss" else (lambda v: f"{v:g}")
            print(f"| {name} | {label} | {fmt(mine[0][figure])} | {fmt(at(mine, span / 2)[figure])} | "
                  f"{fmt(mine[-1][figure])} | {fmt(m)} | {fmt(l)} | {l / m:.3f} |")
            if figure == "fds" and l - m > MAX_FD_GROWTH:
                failures.append(f"{name}: open handles grew from a median of {m:g} (middle third) to {l:g} "
                                f"(last third), more than {MAX_FD_GROWTH}")
    print()
    print(f"{len(rows)} samples over {max(float(r['seconds']) for r in rows):.0f} s; the handle bound: the last "
          f"third's median at most {MAX_FD_GROWTH} above the middle third's, for each process.")
    print()


def log():
    """Counts the app's warnings and errors after it said it serves (its log level is SOAK_LOG_LEVEL)."""
    counts, serving = {}, False
    with open(APP_LOG, errors="replace") as f:
        for line in f:
            serving = serving or line.startswith("Gifting is serving")
            level = line.split(":", 1)[0]
            if serving and level in ("warn", "fail", "crit"):
                counts[level] = counts.get(level, 0) + 1
    print(f"App log after start-up: {counts.get('warn', 0)} warnings, {counts.get('fail', 0)} errors, "
          f"{counts.get('crit', 0)} critical (not a failure by itself; see {APP_LOG}).")
    print()


runs = traffic(results())
log()
try:
    delivery(runs)
except OSError as e:
    failures.append(f"orders: could not read the orders or the mailbox ({e})")
resources()
if failures:
    print("FAILED:")
    for failure in failures:
        print(f"- {failure}")
    sys.exit(1)
print("PASSED: no 5xx, no unexpected status, no socket error, every order line delivered once, handles flat.")
