#!/usr/bin/env python3
"""Constant API load through one dependency outage, and the figures per phase.

    load.py BASE TOKEN LABEL BEFORE_S DURING_S AFTER_S CUT_CMD RESTORE_CMD

CLIENTS threads each call GET /api/v1/products?limit=50 every PAUSE seconds (8 x 0.5 s: about 16 requests/s,
under the rate plan) for BEFORE_S seconds, then CUT_CMD runs, DURING_S seconds later RESTORE_CMD, then AFTER_S
seconds more. Prints p50/p99 and the answers of each phase, the ratios against "before", and how long after the
restore the first 200 came.
"""
import http.client
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from urllib.parse import urlparse

BASE, TOKEN, LABEL = sys.argv[1], sys.argv[2], sys.argv[3]
BEFORE, DURING, AFTER = (float(x) for x in sys.argv[4:7])
CUT, RESTORE = sys.argv[7], sys.argv[8]
CLIENTS, PAUSE, TIMEOUT = 8, 0.5, 30
url = urlparse(BASE)
results = []  # (start, seconds, answer, retry_after)
lock = threading.Lock()
stop = threading.Event()


def client():
    connection = None
    while not stop.is_set():
        start = time.monotonic()
        answer, retry_after = None, None
        try:
            if connection is None:
                connection = http.client.HTTPConnection(url.hostname, url.port, timeout=TIMEOUT)
            connection.request("GET", "/api/v1/products?limit=50", headers={"Authorization": "Bearer " + TOKEN})
            response = connection.getresponse()
            response.read()
            answer, retry_after = str(response.status), response.getheader("Retry-After")
        except Exception as e:  # a refused or dropped connection is an answer too: the client saw it
            answer = type(e).__name__
            connection = None
        elapsed = time.monotonic() - start
        with lock:
            results.append((start, elapsed, answer, retry_after))
        stop.wait(max(0.0, PAUSE - elapsed))


threads = [threading.Thread(target=client, daemon=True) for _ in range(CLIENTS)]
t0 = time.monotonic()
for t in threads:
    t.start()
time.sleep(BEFORE)
cut_at = time.monotonic()
subprocess.run(CUT, shell=True, check=True)
time.sleep(DURING)
restore_at = time.monotonic()
subprocess.run(RESTORE, shell=True, check=True)
time.sleep(AFTER)
stop.set()
for t in threads:
    t.join(TIMEOUT + 5)


def phase(name, lo, hi):
    rows = [r for r in results if lo <= r[0] < hi]
    ms = sorted(r[1] * 1000 for r in rows)
    p50 = statistics.median(ms) if ms else float("nan")
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))] if ms else float("nan")
    answers = Counter(r[2] for r in rows)
    with_retry_after = sum(1 for r in rows if r[2] == "503" and r[3])
    return name, len(rows), p50, p99, answers, with_retry_after


phases = [phase("before", t0, cut_at), phase("during", cut_at, restore_at), phase("after", restore_at, float("inf"))]
print(f"\n{LABEL}: {CLIENTS} clients, one call each per {PAUSE} s; {DURING:.0f} s outage")
print(f"{'phase':8} {'calls':>6} {'p50 ms':>9} {'p99 ms':>9}  answers")
for name, n, p50, p99, answers, retry in phases:
    detail = ", ".join(f"{k}: {v}" for k, v in sorted(answers.items()))
    retry_note = f" (503 with Retry-After: {retry})" if "503" in answers else ""
    print(f"{name:8} {n:6d} {p50:9.1f} {p99:9.1f}  {detail}{retry_note}")
before_p50 = phases[0][2]
for name, n, p50, p99, answers, retry in phases[1:]:
    print(f"{name} / before: p50 {p50 / before_p50:.2f}x, p99 {p99 / phases[0][3]:.2f}x")
first_ok = min((r[0] + r[1] for r in results if r[0] >= restore_at and r[2] == "200"), default=None)
errors_5xx = sum(v for k, v in phases[1][4].items() if k.startswith("5") and k != "503")
print(f"first 200 after the restore: {('%.1f s' % (first_ok - restore_at)) if first_ok else 'none'}; "
      f"500-class answers other than 503 during the outage: {errors_5xx}")
