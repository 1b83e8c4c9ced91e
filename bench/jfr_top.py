"""Summarises JFR stack samples (jfr print --json --events jdk.ExecutionSample, on stdin): the share of samples per
component of the request path (a sample counts for every component on its stack), the methods where the samples were
taken (self time), and the Orion and library frames seen anywhere on a sampled stack (total time). Stacks are cut at
JFR's 64 frames, so the components near the root (Undertow) are under-counted."""
import collections
import json
import sys

COMPONENTS = (("Undertow (HTTP)", "io.undertow."), ("RESTEasy (JAX-RS)", "org.jboss.resteasy."),
              ("Weld (CDI)", "org.jboss.weld."), ("Micrometer", "io.micrometer."),
              ("SmallRye Fault Tolerance", "io.smallrye.faulttolerance."), ("Redisson (Redis)", "org.redisson."),
              ("SmallRye JWT / jose4j", ("io.smallrye.jwt.", "org.jose4j.")), ("Hibernate", "org.hibernate."),
              ("PgJDBC", "org.postgresql."), ("Yasson / Parsson (JSON)", ("org.eclipse.yasson.", "org.eclipse.parsson.")),
              ("EJB", "org.jboss.as.ejb3."), ("JBeret", "org.jberet."), ("OpenPDF", "com.lowagie."),
              ("Commons CSV", "org.apache.commons.csv."), ("Orion", "dev.orion."))
TOTAL_PREFIXES = ("dev.orion.", "io.micrometer.", "org.postgresql.", "org.redisson.", "io.smallrye.", "org.jose4j.",
                  "com.lowagie.", "org.apache.commons.csv.", "org.hibernate.", "org.jboss.resteasy.", "io.undertow.",
                  "org.jberet.")

events = json.load(sys.stdin)["recording"]["events"]
self_time, total_time, components = collections.Counter(), collections.Counter(), collections.Counter()
for event in events:
    frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
    names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
    if names:
        self_time[names[0]] += 1
    for name in set(names):
        if name.startswith(TOTAL_PREFIXES):
            total_time[name] += 1
    for component, prefix in COMPONENTS:
        if any(name.startswith(prefix) for name in names):
            components[component] += 1
samples = max(1, len(events))
print(f"{len(events)} stack samples (one every 10 ms per thread running Java code)\n")
print("By component (on the stack):")
for name, count in components.most_common():
    print(f"  {100 * count / samples:5.1f}%  {name}")
print("\nSelf time (where the samples were taken):")
for name, count in self_time.most_common(25):
    print(f"  {100 * count / samples:5.1f}%  {name}")
print("\nTotal time (on the stack), Orion and the libraries of the request path:")
for name, count in total_time.most_common(40):
    print(f"  {100 * count / samples:5.1f}%  {name}")
