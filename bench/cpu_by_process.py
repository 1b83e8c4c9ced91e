"""CPU seconds per process name over an interval (user + system, children not included), from /proc:
cpu_by_process.py SECONDS. Prints each name's share of the machine's CPU time in that interval (all cores), so a
benchmark shows where the cores went outside the JVM (the kernel's work for a process is counted as its system time)."""
import os
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def java_role(pid):
    """Tells JVMs apart: a WildFly by its server base directory (the benchmark's is under .orion-bench), else Maven."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            args = f.read().decode(errors="replace").split("\0")
    except OSError:
        return "java"
    for arg in args:
        if arg.startswith("-Djboss.server.base.dir="):
            return "java wildfly (bench)" if ".orion-bench" in arg else "java wildfly (other)"
    return "java maven" if any("maven" in arg or "plexus" in arg for arg in args) else "java (other)"


def snapshot():
    cpu = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        if name == "java":
            name = java_role(pid)
        fields = stat[stat.rindex(")") + 2:].split()
        cpu[(pid, name)] = (int(fields[11]), int(fields[12]))  # utime, stime
    return cpu


def machine():
    with open("/proc/stat") as f:
        values = list(map(int, f.readline().split()[1:]))
    return sum(values), values[3] + values[4]  # all, idle + iowait


seconds = float(sys.argv[1])
before, (all0, idle0) = snapshot(), machine()
time.sleep(seconds)
after, (all1, idle1) = snapshot(), machine()
total = all1 - all0
by_name = {}
for key, (user, system) in after.items():
    u0, s0 = before.get(key, (0, 0))
    name = key[1].split("/")[0] if key[1].startswith("postgres") else key[1]
    u, s = by_name.get(name, (0, 0))
    by_name[name] = (u + user - u0, s + system - s0)
print(f"CPU over {seconds:.0f} s, {os.cpu_count()} cores: busy {100 * (total - (idle1 - idle0)) / total:.0f} %")
print(f"{'process':24} {'user %':>7} {'system %':>9}")
for name, (user, system) in sorted(by_name.items(), key=lambda kv: -sum(kv[1]))[:10]:
    if user + system:
        print(f"{name:24} {100 * user / total:7.1f} {100 * system / total:9.1f}")
