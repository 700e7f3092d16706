"""Samples processes every INTERVAL seconds until SIGTERM, then once more, into a CSV.

sample.py CSV INTERVAL NAME=PID [NAME=PID ...]

Columns: seconds (since the first sample), process, pid, rss_kib (VmRSS of /proc/PID/status), threads (Threads:
of the same), fds (entries of /proc/PID/fd). A process that has exited is sampled as empty figures.
"""
import os
import signal
import sys
import threading
import time

path, interval = sys.argv[1], float(sys.argv[2])
processes = [(name, int(pid)) for name, pid in (arg.split("=") for arg in sys.argv[3:])]
stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stop.set())
signal.signal(signal.SIGINT, lambda *_: stop.set())


def figures(pid):
    try:
        status = {}
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                key, _, value = line.partition(":")
                status[key] = value.split()
        return int(status["VmRSS"][0]), int(status["Threads"][0]), len(os.listdir(f"/proc/{pid}/fd"))
    except (FileNotFoundError, ProcessLookupError, KeyError):
        return None


start = time.monotonic()
with open(path, "w", buffering=1) as out:
    out.write("seconds,process,pid,rss_kib,threads,fds\n")
    while True:
        now = time.monotonic() - start
        for name, pid in processes:
            sample = figures(pid)
            out.write(f"{now:.1f},{name},{pid}," + (",".join(map(str, sample)) if sample else ",,") + "\n")
        if stop.is_set():
            break
        stop.wait(interval - (time.monotonic() - start) % interval)
