"""Reads the rounds' wrk --latency outputs (round-N-refused/me/products.txt in the directory given) and prints
throughputs, percentiles, the ratios and the targets per round; exits 1 when a target is missed in any round.
With the second server's outputs (round-N-<endpoint>-nolog.txt: ORION_REQUEST_LOG_ENABLED=false) it also prints
the request log's cost: per round each endpoint's rate with the log and without, and their ratio. With a baseline
server's outputs instead (round-N-<endpoint>-base.txt: COMPARE_WITH, another checkout's build measured in turn with
this one) it prints the baseline's figures and targets too, and per round each endpoint's rate here / there."""
import os
import re
import sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}
RUNS = (("refused", "GET /api/v1/me, no token (401)", 401), ("me", "GET /api/v1/me", 200),
        ("products", "GET /api/v1/products?limit=50", 200))


def parse(path):
    text = open(path).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    percentiles = {p: float(v) * UNITS[u] for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    return rps, percentiles["50"], percentiles["99"], int(errors.group(1)) if errors else 0, requests


def verdict(ok):
    return "PASS" if ok else "FAIL"


directory, rounds = sys.argv[1], int(sys.argv[2])
failed = untrustworthy = False


def report_round(round_no, suffix=""):
    """The round's figures and targets on one server (suffix: its files'); whether a target failed, and whether a
    response had an unexpected status."""
    figures = {key: parse(f"{directory}/round-{round_no}-{key}{suffix}.txt") for key, _, _ in RUNS}
    print(f"{'endpoint':34} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
    odd = missed = False
    for key, name, status in RUNS:
        rps, p50, p99, bad, requests = figures[key]
        print(f"{name:34} {rps:8.0f} {p50:8.2f} {p99:8.2f} {bad:8d}")
        # the refusal must be all 401s (non-2xx), the others all 2xx
        odd |= (bad != requests) if status == 401 else bad > 0
    me_ratio = figures["me"][0] / figures["refused"][0]
    products_ratio = figures["products"][0] / figures["me"][0]
    tail = figures["products"][2] / figures["products"][1]
    targets = ((f"authenticated /me / refusal = {me_ratio:.2f}", "target >= 0.6", me_ratio >= 0.6),
               (f"products / authenticated /me = {products_ratio:.2f}", "target >= 0.5", products_ratio >= 0.5),
               (f"products p99 / p50 = {tail:.1f}", "target < 10", tail < 10))
    for text, target, ok in targets:
        print(f"  {text:40} ({target}: {verdict(ok)})")
        missed |= not ok
    return missed, odd


for round_no in range(1, rounds + 1):
    print(f"\nRound {round_no}")
    missed, odd = report_round(round_no)
    failed |= missed
    untrustworthy |= odd

# A/B against another checkout's build (COMPARE_WITH): its own targets, and the rates here / there per round. Only
# this server's targets decide the verdict; the baseline is there to be compared with.
if os.path.exists(f"{directory}/round-1-me-base.txt"):
    for round_no in range(1, rounds + 1):
        print(f"\nRound {round_no}, baseline (COMPARE_WITH)")
        untrustworthy |= report_round(round_no, "-base")[1]
    print("\nThis build / the baseline, req/s, same load, measured in turn")
    print(f"{'round':6} {'endpoint':34} {'this':>8} {'baseline':>8} {'ratio':>7}")
    for round_no in range(1, rounds + 1):
        for key, name, _ in RUNS:
            this, base = parse(f"{directory}/round-{round_no}-{key}.txt"), parse(f"{directory}/round-{round_no}-{key}-base.txt")
            print(f"{round_no:<6} {name:34} {this[0]:8.0f} {base[0]:8.0f} {this[0] / base[0]:7.2f}")

# The request log's cost. Only authenticated calls are logged (the log is per API client); the refusal is not, so
# its ratio is how much the two servers differ by themselves (another JVM, its JIT's choices), the noise floor.
LOG_TARGET = 0.95
if os.path.exists(f"{directory}/round-1-me-nolog.txt"):
    print("\nRequest log: req/s with it (as shipped) and without it (ORION_REQUEST_LOG_ENABLED=false), same load")
    print(f"{'round':6} {'endpoint':34} {'log on':>8} {'log off':>8} {'on/off':>7}")
    logged = {"me": [], "products": []}
    for round_no in range(1, rounds + 1):
        for key, name, status in RUNS:
            on = parse(f"{directory}/round-{round_no}-{key}.txt")
            off = parse(f"{directory}/round-{round_no}-{key}-nolog.txt")
            untrustworthy |= (off[3] != off[4]) if status == 401 else off[3] > 0
            ratio = on[0] / off[0]
            if key in logged:
                logged[key].append(ratio)
            print(f"{round_no:<6} {name:34} {on[0]:8.0f} {off[0]:8.0f} {ratio:7.2f}")
    for key, ratios in logged.items():
        mean = sum(ratios) / len(ratios)
        ok = mean >= LOG_TARGET
        failed |= not ok
        print(f"  {key} with the log / without, mean of {len(ratios)} rounds = {mean:.2f}"
              f" (target >= {LOG_TARGET}: {verdict(ok)})")
print(f"\nOver {rounds} rounds: {verdict(not failed)}")
if untrustworthy:
    print("WARNING: some responses had an unexpected status; the figures are not trustworthy")
    sys.exit(1)
sys.exit(1 if failed else 0)
