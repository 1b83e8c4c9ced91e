"""Summarises JFR stack samples (jfr print --json --events jdk.ExecutionSample, on stdin): the methods where the
samples were taken (self time), and the dev.orion, database, Redis and JWT frames seen anywhere on a sampled stack
(total time), each as a share of all samples."""
import collections
import json
import sys

TOTAL_PREFIXES = ("dev.orion.", "org.postgresql.", "org.redisson.", "io.smallrye.jwt.", "org.jose4j.", "com.lowagie.",
                  "org.apache.commons.csv.", "org.hibernate.", "org.jboss.resteasy.", "io.undertow.", "org.jberet.")

events = json.load(sys.stdin)["recording"]["events"]
self_time, total_time = collections.Counter(), collections.Counter()
for event in events:
    frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
    names = [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in frames]
    if names:
        self_time[names[0]] += 1
    for name in set(names):
        if name.startswith(TOTAL_PREFIXES):
            total_time[name] += 1
samples = max(1, len(events))
print(f"{len(events)} stack samples (one every 10 ms per running thread)\n")
print("Self time (where the samples were taken):")
for name, count in self_time.most_common(30):
    print(f"  {100 * count / samples:5.1f}%  {name}")
print("\nTotal time (on the stack), Orion and the libraries of the request path:")
for name, count in total_time.most_common(60):
    print(f"  {100 * count / samples:5.1f}%  {name}")
