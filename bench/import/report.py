"""Prints the import benchmark: rates of the job and of psql \\copy, their ratio, the peak heap, the re-import."""
import json
import sys

rows = int(sys.argv[1])
first_seconds, first = float(sys.argv[2]), json.loads(sys.argv[3])
second_seconds, second = float(sys.argv[4]), json.loads(sys.argv[5])
copy_seconds = float(sys.argv[6])

peak_kb = 0.0
with open(sys.argv[7]) as samples:
    header = None
    for line in samples:
        fields = line.split()
        if fields and fields[0] == "S0C":
            header = fields
        elif header and len(fields) == len(header):
            values = dict(zip(header, map(float, fields)))
            peak_kb = max(peak_kb, sum(values.get(k, 0.0) for k in ("S0U", "S1U", "EU", "OU")))

for name, status in (("import", first), ("re-import", second)):
    if status["status"] != "COMPLETED" or status["rows_written"] + status["rows_skipped"] != rows:
        print(f"WARNING: the {name} ended {status['status']} with {status['rows_written']} written, "
              f"{status['rows_skipped']} skipped of {rows}")

job_rate, copy_rate, re_rate = rows / first_seconds, rows / copy_seconds, rows / second_seconds
print()
print(f"{'load':40} {'seconds':>9} {'rows/s':>10}")
print(f"{'product-import job (upload included)':40} {first_seconds:9.1f} {job_rate:10.0f}")
copy_label = "psql \\copy into a plain table"
print(f"{copy_label:40} {copy_seconds:9.1f} {copy_rate:10.0f}")
print(f"{'re-import, 10% of rows changed':40} {second_seconds:9.1f} {re_rate:10.0f}")
print()
ratio = job_rate / copy_rate
print(f"ratio job / psql copy = {ratio:.2f}   (target >= 0.5: {'PASS' if ratio >= 0.5 else 'FAIL'})")
if peak_kb:
    print(f"peak heap used during the import = {peak_kb / 1024:.0f} MB   (target < 512 MB: {'PASS' if peak_kb / 1024 < 512 else 'FAIL'})")
else:
    print("peak heap: not measured (no jstat samples)")
