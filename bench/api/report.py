"""Reads two wrk --latency outputs (no-op baseline, products) and prints throughputs, ratio and percentiles."""
import re
import sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def parse(path):
    text = open(path).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    percentiles = {p: float(v) * UNITS[u] for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return rps, percentiles["50"], percentiles["99"], int(errors.group(1)) if errors else 0


noop, products = parse(sys.argv[1]), parse(sys.argv[2])
print()
print(f"{'endpoint':32} {'req/s':>10} {'p50 ms':>9} {'p99 ms':>9} {'non-2xx':>8}")
for name, (rps, p50, p99, bad) in (("GET /api/v1/me (no-op)", noop), ("GET /api/v1/products?limit=50", products)):
    print(f"{name:32} {rps:10.0f} {p50:9.2f} {p99:9.2f} {bad:8d}")
ratio = products[0] / noop[0]
tail = products[2] / products[1]
print()
print(f"throughput ratio products / no-op = {ratio:.2f}   (target >= 0.5: {'PASS' if ratio >= 0.5 else 'FAIL'})")
print(f"products p99 / p50 = {tail:.1f}              (target < 10: {'PASS' if tail < 10 else 'FAIL'})")
if noop[3] or products[3]:
    print("WARNING: some responses were not 2xx; the figures are not trustworthy")
    sys.exit(1)
