"""The arithmetic of bench/load/run.sh, over its runs.txt (one line per wrk run, FIELDS below).

report.py pace RUNS MODE ENDPOINT THREADS CONNECTIONS
                                      connections and mean delay (ms) to try next for half the peak rate, and
                                      whether the last calibration run was close enough
report.py table RUNS                  the markdown table: medians of the runs, min-max spreads, ratios to bare
"""
import math
import statistics
import sys

FIELDS = ("mode endpoint phase conns delay rps p50 p90 p99 max mean status errors consumed exhausted").split()
ENDPOINTS = {"bare": "`GET /api/dev/ping` (bare)", "balance": "`GET /api/balance`",
             "redemption": "`POST /api/redemptions`"}
MODES = {"memory": "in-memory", "emulator": "emulator"}
MIN_DELAY_MS = 5.0


def runs(path):
    rows = []
    for line in open(path):
        values = line.split()
        row = dict(zip(FIELDS, values))
        for key in FIELDS[3:]:
            row[key] = float(row[key])
        rows.append(row)
    return rows


def pick(rows, mode, endpoint, phase):
    return [r for r in rows if (r["mode"], r["endpoint"], r["phase"]) == (mode, endpoint, phase)]


def pace(rows, mode, endpoint, threads, most):
    """Fewer connections first: wrk with one timer per paced request costs it more CPU than the app at high rates.

    Closed-loop runs bisect the connections between 1 and the peak's; only if one connection already runs well
    above half of peak are the requests paced, on as few connections as keep the mean delay near MIN_DELAY_MS.
    """
    peak = pick(rows, mode, endpoint, "peak")
    target = statistics.median(r["rps"] for r in peak) / 2
    tried = pick(rows, mode, endpoint, "calibrate")
    closed = {int(r["conns"]): r["rps"] for r in tried if r["delay"] == 0}
    paced = [r for r in tried if r["delay"] > 0]
    near = lambda rps: abs(rps / target - 1) <= 0.15
    if paced:
        last = paced[-1]
        # Time per request on a connection that is not the delay: latency plus wrk's own overhead, as observed.
        busy = max(last["conns"] * 1000 / last["rps"] - last["delay"], 0.05)
        conns = int(last["conns"])
        print(conns, f"{max(conns * 1000 / target - busy, 0.0):.2f}", f"{target:.1f}",
              "ok" if near(last["rps"]) else "again")
        return
    if 1 not in closed:
        print(1, 0, f"{target:.1f}", "again")
        return
    if closed[1] > target * 1.15:
        busy = 1000 / closed[1]
        conns = min(most, max(threads, math.ceil(target * (MIN_DELAY_MS + busy) / 1000)))
        print(conns, f"{max(conns * 1000 / target - busy, 0.0):.2f}", f"{target:.1f}", "again")
        return
    closed.setdefault(most, target * 2)
    best = min(closed, key=lambda c: abs(closed[c] - target))
    below = max((c for c, rps in closed.items() if rps < target), default=1)
    above = min(c for c, rps in closed.items() if rps >= target)
    if near(closed[best]) or above - below <= 1:
        print(best, 0, f"{target:.1f}", "ok")
    else:
        print((below + above) // 2, 0, f"{target:.1f}", "again")


def spread(values, fmt):
    return f"{fmt(statistics.median(values))} ({fmt(min(values))}–{fmt(max(values))})"


def table(rows):
    count = lambda v: f"{v:,.0f}"
    ms = lambda v: f"{v:.2f}"
    pct = lambda v: f"{v:.0%}" if v >= 0.1 else f"{v:.1%}"
    print("| Stores | Endpoint | Req/s at peak | vs bare | p50 ms | p99 ms | Req/s at half peak (of peak) "
          "| p99 ms at half peak | Errors |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for mode in MODES:
        bare = pick(rows, mode, "bare", "peak")
        if not bare:
            continue
        for endpoint, label in ENDPOINTS.items():
            peak, half = pick(rows, mode, endpoint, "peak"), pick(rows, mode, endpoint, "half")
            if not peak:
                continue
            rps = [r["rps"] for r in peak]
            # Each round's ratio is to the bare run of the same round, a few seconds earlier.
            ratios = [p["rps"] / b["rps"] for p, b in zip(peak, bare)]
            peak_rps = statistics.median(rps)
            half_cell = p99_half = "—"
            if half:
                half_rps = statistics.median(r["rps"] for r in half)
                half_cell = f"{count(half_rps)} ({half_rps / peak_rps:.0%})"
                p99_half = spread([r["p99"] for r in half], ms)
            errors = sum(r["status"] + r["errors"] for r in peak + half)
            short = " †" if any(r["exhausted"] for r in peak + half) else ""
            print(f"| {MODES[mode]} | {label} | {spread(rps, count)}{short} | {spread(ratios, pct)} "
                  f"| {ms(statistics.median(r['p50'] for r in peak))} | {spread([r['p99'] for r in peak], ms)} "
                  f"| {half_cell} | {p99_half} | {errors:.0f} |")
    if any(r["exhausted"] for r in rows if r["phase"] in ("peak", "half")):
        print("\n† a run ran out of fresh codes and stopped early; its requests/s are understated.")


if __name__ == "__main__":
    if sys.argv[1] == "pace":
        pace(runs(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6]))
    else:
        table(runs(sys.argv[2]))
