"""Prints the import benchmark: report.py ROWS RESULTS HEAP_SAMPLES DIR. RESULTS holds 'name seconds' lines written
by bench/import/run; the job's final statuses are DIR/status-<name>.json."""
import json
import re
import subprocess
import sys
from pathlib import Path

rows, results, heap, folder = int(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
seconds, search = {}, []
for line in results.read_text().splitlines():
    if line.startswith("search "):
        words, value = line[len("search "):].rsplit(" ", 1)
        search.append((words, float(value)))
    else:
        name, value = line.split()
        seconds[name] = float(value)
rate = {name: rows / s for name, s in seconds.items()}

for name in ("job-first", "job-unchanged", "job-changed"):
    status = json.loads((folder / f"status-{name}.json").read_text())
    if status["status"] != "COMPLETED" or status["rows_written"] + status["rows_skipped"] != rows:
        print(f"WARNING: {name} ended {status['status']} with {status['rows_written']} written, "
              f"{status['rows_skipped']} skipped of {rows}")

peak_kb = 0.0
header = None
for line in heap.read_text().splitlines():
    fields = line.split()
    if fields and fields[0] == "S0C":
        header = fields
    elif header and len(fields) == len(header):
        values = dict(zip(header, map(float, fields)))
        peak_kb = max(peak_kb, sum(values.get(k, 0.0) for k in ("S0U", "S1U", "EU", "OU")))

LABELS = {
    "job-first": "job: first import (upload included)",
    "sql-first-before": "bare SQL: \\copy to staging + one upsert, before",
    "sql-first-after": "bare SQL: \\copy to staging + one upsert, after",
    "copy": "psql \\copy into a plain table",
    "job-unchanged": "job: re-import, unchanged",
    "sql-unchanged-before": "bare SQL: upsert re-run, unchanged, before",
    "sql-unchanged-after": "bare SQL: upsert re-run, unchanged, after",
    "job-changed": "job: re-import, 10% changed",
    "sql-changed": "bare SQL: upsert re-run, 10% changed",
}
print()
print(f"{rows} rows")
print(f"{'load':50} {'seconds':>9} {'rows/s':>10}")
for name, label in LABELS.items():
    if name in seconds:
        print(f"{label:50} {seconds[name]:9.1f} {rate[name]:10.0f}")
print()


def target(label, job, bare, limit):
    """The job's rate over the bare rate: against the bare load before it, after it, and their mean (the verdict)."""
    before, after = seconds[bare + "-before"], seconds[bare + "-after"]
    mean = (before + after) / 2
    ratio = mean / seconds[job]
    print(f"{label:58} {ratio:6.2f}   (target >= {limit}: {'PASS' if ratio >= limit else 'FAIL'};"
          f" against the bare load before {before / seconds[job]:.2f}, after {after / seconds[job]:.2f})")


target("first import / bare-SQL upsert (mean of 2)", "job-first", "sql-first", 0.8)
ratio = rate["job-first"] / rate["copy"]
label = "first import / \\copy into a plain table"
print(f"{label:58} {ratio:6.2f}   (target >= 0.1: {'PASS' if ratio >= 0.1 else 'FAIL'})")
target("unchanged re-import / bare unchanged re-run (mean of 2)", "job-unchanged", "sql-unchanged", 0.5)
unchanged = (seconds["sql-unchanged-before"] + seconds["sql-unchanged-after"]) / 2
print(f"{'10%-changed re-import / bare-SQL unchanged re-run (mean)':58} {unchanged / seconds['job-changed']:6.2f}"
      f"   (/ bare-SQL 10%-changed re-run: {rate['job-changed'] / rate['sql-changed']:.2f})")
if peak_kb:
    mb = peak_kb / 1024
    print(f"{'peak heap used during the first import (MB)':58} {mb:6.0f}   (target < 512: {'PASS' if mb < 512 else 'FAIL'})")
else:
    print("peak heap: not measured (no jstat samples)")


def seconds(duration):  # JFR's ISO-8601 durations, PT0.0038S
    match = re.fullmatch(r"PT(?:(\d+)M)?([\d.]+)S", duration or "PT0S")
    return (int(match.group(1) or 0) * 60 + float(match.group(2))) if match else 0.0


# The jstat peak counts garbage not yet collected, so it follows the heap's size more than the import's needs. The
# JFR recording of the first import tells what survives each collection (the live set, and old garbage not yet
# collected), the heap's maximum and what collecting cost.
recording = folder / "import.jfr"
if recording.exists():
    events = json.loads(subprocess.run(["jfr", "print", "--json", "--events",
                                        "jdk.GCHeapSummary,jdk.GarbageCollection,jdk.GCHeapConfiguration", str(recording)],
                                       check=True, capture_output=True, text=True).stdout)["recording"]["events"]
    after = [e["values"]["heapUsed"] for e in events if e["type"] == "jdk.GCHeapSummary" and e["values"]["when"] == "After GC"]
    collections = [e["values"] for e in events if e["type"] == "jdk.GarbageCollection"]
    maximum = next((e["values"]["maxSize"] for e in events if e["type"] == "jdk.GCHeapConfiguration"), 0)
    pauses = sum(seconds(c.get("sumOfPauses")) for c in collections)
    longest = max((seconds(c.get("longestPause")) for c in collections), default=0.0)
    print(f"{'  heap maximum (-Xmx) of the server (MB)':58} {maximum / 2 ** 20:6.0f}")
    if after:
        print(f"{'  peak heap used after a collection (MB)':58} {max(after) / 2 ** 20:6.0f}   (what survived: the live set and old garbage)")
    print(f"{'  collections during the first import':58} {len(collections):6d}   (pauses {pauses:.2f} s in all, longest {longest * 1000:.0f} ms)")
print()
for words, value in search:
    print(f"search q={words!r:16} median: {value * 1000:7.1f} ms")
