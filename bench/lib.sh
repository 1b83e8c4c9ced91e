# Shared by the benchmarks: start a private Orion (or two), get a token. Source it; it sets ROOT, BASE and ORION_PID.
# ORION_PORT_OFFSET=N puts the benchmark's server at HTTP 8080+N, management 9990+N and its SMTP sink at 3025+N,
# 8025+N; by default N=1000, off the ports the integration tests' server takes (8080, 9990, 3025, 8025) and the
# cluster nodes' (offsets 200, 300), so a benchmark started by mistake beside the tests cannot take their ports.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# bench_ports <offset>: where the next start_orion puts its server (OFFSET, HTTP_PORT, MANAGEMENT_PORT, BASE).
bench_ports() {
  OFFSET=$1
  HTTP_PORT=$((8080 + OFFSET))
  MANAGEMENT_PORT=$((9990 + OFFSET))
  BASE="http://127.0.0.1:$HTTP_PORT"
}
bench_ports "${ORION_PORT_OFFSET:-1000}"
ORION_PIDS=()

say() { printf '\033[1;34m[bench]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[bench]\033[0m %s\n' "$*" >&2; exit 1; }

# require_tool <command> <debian package>
require_tool() {
  command -v "$1" >/dev/null && return
  [ "$(id -u)" = 0 ] || die "$1 is missing: sudo apt-get install $2"
  say "Installing $2"; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}

# private_maven_repository: `./orion run` builds with `mvn install`; the benchmark's build installs Orion's
# artifacts into a Maven repository of its own (a copy of ~/.m2/repository made once, under .orion-bench), so the
# shared ~/.m2 never holds a benchmark branch's modules. BENCH_M2 names another one.
private_maven_repository() {
  local repo="${BENCH_M2:-$ROOT/.orion-bench/m2}"
  if [ ! -d "$repo" ]; then
    say "Copying ~/.m2/repository to $repo (the benchmark's build installs there)"
    mkdir -p "$(dirname "$repo")"
    cp -r "$HOME/.m2/repository" "$repo.tmp" && mv "$repo.tmp" "$repo"
  fi
  export MAVEN_OPTS="${MAVEN_OPTS:-} -Dmaven.repo.local=$repo"
}

# start_orion <log file> [name]: its own server base and database (.orion-bench and orion_bench, or
# .orion-bench-<name> and orion_bench_<name>), rate limits lifted, at the ports bench_ports set; stopped on exit.
# ORION_CHECKOUT=<dir> runs that checkout's build instead of this one's (an A/B of two builds).
start_orion() {
  (exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT") 2>/dev/null && die "Something already listens on $HTTP_PORT; stop it first (the benchmark starts its own Orion)"
  private_maven_repository
  say "Starting Orion${2:+ $2} (HTTP $HTTP_PORT; log: $1)"
  export ORION_HOME="$ROOT/.orion-bench${2:+-$2}" ORION_DB_NAME="orion_bench${2:+_$2}" ORION_RATE_PLAN_STANDARD=1000000/2000000
  export ORION_PORT_OFFSET="$OFFSET" ORION_SMTP_PORT=$((3025 + OFFSET)) GREENMAIL_API_PORT=$((8025 + OFFSET))
  setsid "${ORION_CHECKOUT:-$ROOT}/orion" run >"$1" 2>&1 &
  ORION_PID=$!
  ORION_PIDS+=("$ORION_PID")
  trap stop_orions EXIT
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/health/ready" && return
    kill -0 $ORION_PID 2>/dev/null || die "Orion did not start; see $1"
    sleep 1
  done
  die "Orion was not ready within 10 minutes; see $1"
}

# stop_orions: stops every Orion start_orion started (their WildFly and SMTP sink with them). TERM: async jobs ignore INT.
stop_orions() {
  for pid in "${ORION_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${ORION_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  ORION_PIDS=()
}

# token <client id> <secret>
token() {
  curl -sf -u "$1:$2" -d grant_type=client_credentials "$BASE/api/v1/auth/token" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

# The benchmark server's JVM (a child of standalone.sh): its pid, for jcmd.
orion_jvm() {
  pgrep -f "java .*-Djboss.server.base.dir=$ORION_HOME/server" | head -1
}

# profile_start: with PROFILE=1, starts a JFR recording (the JDK's "profile" settings: a stack sample every 10 ms).
profile_start() {
  [ "${PROFILE:-0}" = 1 ] || return 0
  say "Profiling with JFR"
  jcmd "$(orion_jvm)" JFR.start name=bench settings=profile >/dev/null
}

# profile_stop <directory>: with PROFILE=1, saves the recording and a summary of its hot methods (profile.txt).
profile_stop() {
  [ "${PROFILE:-0}" = 1 ] || return 0
  local jfr="$1/profile.jfr"
  jcmd "$(orion_jvm)" JFR.stop name=bench filename="$jfr" >/dev/null
  # jfr print keeps 5 frames of each stack unless told: the totals per component and method need the whole stack
  jfr print --json --stack-depth 64 --events jdk.ExecutionSample "$jfr" | python3 "$ROOT/bench/jfr_top.py" >"$1/profile.txt"
  say "Profile: $1/profile.txt (recording: $jfr)"
}
