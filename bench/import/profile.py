"""Where the first import's time went: profile.py RECORDING.jfr DB_SAMPLES. Prints the server's hottest methods
(JFR execution samples: top frame, and the first Orion, JBeret, Hibernate or driver frame below it) and the share
of PostgreSQL's samples per wait event and statement."""
import collections
import json
import subprocess
import sys

recording, db_samples = sys.argv[1], sys.argv[2]
events = json.loads(subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample", recording],
                                   check=True, capture_output=True, text=True).stdout)["recording"]["events"]
top, owner = collections.Counter(), collections.Counter()
OWNERS = ("dev.orion.", "org.jberet.", "org.hibernate.", "org.postgresql.", "org.apache.commons.csv.",
          "org.jboss.weld.", "org.jboss.as.", "org.jboss.jca.", "com.arjuna.")
for event in events:
    frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
    if not frames:
        continue
    name = lambda f: f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
    top[name(frames[0])] += 1
    first = next((name(f) for f in frames if name(f).startswith(OWNERS)), "(other)")
    owner[first.rsplit(".", 2)[0] if not first.startswith("dev.orion.") else first] += 1
total = sum(top.values()) or 1
print(f"Server (JFR, {total} execution samples of Java threads during the first import)")
print("  hottest top frames:")
for method, count in top.most_common(12):
    print(f"    {100 * count / total:5.1f}%  {method}")
print("  by first Orion method or library package on the stack:")
for method, count in owner.most_common(15):
    print(f"    {100 * count / total:5.1f}%  {method}")

waits, statements = collections.Counter(), collections.Counter()
with open(db_samples) as lines:
    for line in lines:
        parts = line.rstrip("\n").split("|", 2)
        if len(parts) == 3:
            waits[parts[0] + ":" + parts[1]] += 1
            statements[parts[2]] += 1
total = sum(waits.values()) or 1
print(f"PostgreSQL (pg_stat_activity sampled every 0.2 s, {total} active-backend samples)")
for wait, count in waits.most_common(8):
    print(f"    {100 * count / total:5.1f}%  {wait}")
for statement, count in statements.most_common(8):
    print(f"    {100 * count / total:5.1f}%  {statement}")
