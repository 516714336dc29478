#!/usr/bin/env bash
# bench/gateway: the same authenticated request mix sent to the users service directly and
# through the gateway, in one run on one platform; then login latency. See README.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export KB_HOME="$ROOT/target/bench-gateway" KB_PORT_BASE=25000 KB_GATEWAY_PORT=25080
# The edge still checks every request's rate budget in Redis; the budget is raised so the
# benchmark measures the gateway's cost, not its refusals.
export KB_GATEWAY_RATE_LIMIT_USER_PER_SECOND=1000000 KB_GATEWAY_RATE_LIMIT_USER_BURST=1000000
SECONDS_PER_PHASE=${SECONDS_PER_PHASE:-30}
WORKERS=${WORKERS:-16}
RATE=${RATE:-100}
OUT="$ROOT/bench/results"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
mkdir -p "$OUT" "$KB_HOME"

source "$ROOT/bench/load/platform.sh"
start_platform
password=$(grep '^auth.demo-password=' "$KB_HOME/secrets.properties" | cut -d= -f2)
lines=$("$JAVA" "$ROOT/bench/gateway/GatewayBench.java" \
  "http://127.0.0.1:$KB_GATEWAY_PORT" "http://127.0.0.1:$((KB_PORT_BASE + 102))" \
  demo@kinobezdna.local "$password" "$SECONDS_PER_PHASE" "$WORKERS" "$RATE")
echo "$lines"

# with KB_BENCH_TRACING=1 every request is traced into Zipkin: results as gateway-traced
NAME=gateway
TRACING="no tracing (--no-tracing)"
if [ "${KB_BENCH_TRACING:-0}" = 1 ]; then
  NAME=gateway-traced
  TRACING="every request traced (sampling 1.0, spans to the devstack's Zipkin)"
fi

python3 - "$OUT" "$(git -C "$ROOT" rev-parse --short HEAD)" "$SECONDS_PER_PHASE" "$WORKERS" "$RATE" <<PY
import json, sys
sys.path.insert(0, "$ROOT/bench/load")
from results import write
out, commit, seconds, workers, rate = sys.argv[1:6]
phases = {p["phase"]: p for p in map(json.loads, """$lines""".strip().splitlines())}
cd, cg = phases["capacity-direct"], phases["capacity-gateway"]
sd, sg = phases["saturated-direct"], phases["saturated-gateway"]
ld, lg, l = phases["latency-direct"], phases["latency-gateway"], phases["login"]
metrics = {
  "throughput_ratio_vs_direct": {"value": round(sg["rps"] / sd["rps"], 3), "unit": "ratio", "goal": ">= 0.80"},
  f"throughput_ratio_at_{workers}_in_flight": {"value": round(cg["rps"] / cd["rps"], 3), "unit": "ratio", "goal": "reported"},
  "added_p50_ms": {"value": round(lg["p50_ms"] - ld["p50_ms"], 3), "unit": "ms", "goal": "<= 1"},
  "added_p99_ms": {"value": round(lg["p99_ms"] - ld["p99_ms"], 3), "unit": "ms", "goal": "reported"},
  "login_p99_ms": {"value": round(l["p99_ms"], 1), "unit": "ms", "goal": "reported"},
  "direct_capacity_rps": {"value": sd["rps"], "unit": "req/s", "goal": "reported"},
  "gateway_capacity_rps": {"value": sg["rps"], "unit": "req/s", "goal": "reported"},
  f"direct_rps_at_{workers}_in_flight": {"value": cd["rps"], "unit": "req/s", "goal": "reported"},
  f"gateway_rps_at_{workers}_in_flight": {"value": cg["rps"], "unit": "req/s", "goal": "reported"},
  "direct_p50_ms": {"value": ld["p50_ms"], "unit": "ms", "goal": f"reported at {rate} req/s"},
  "gateway_p50_ms": {"value": lg["p50_ms"], "unit": "ms", "goal": f"reported at {rate} req/s"},
  "direct_p99_ms": {"value": ld["p99_ms"], "unit": "ms", "goal": f"reported at {rate} req/s"},
  "gateway_p99_ms": {"value": lg["p99_ms"], "unit": "ms", "goal": f"reported at {rate} req/s"},
  "login_p50_ms": {"value": round(l["p50_ms"], 1), "unit": "ms", "goal": "reported"},
  "errors": {"value": sum(p.get("errors", 0) for p in phases.values()), "unit": "count", "goal": "0"},
}
write(out, "$NAME", commit, f"./kb up (all services in one JVM, real PostgreSQL/Redis; $TRACING) on the same 2 cores as the load generator (127.0.0.1); users' request mix (/me, a "
           f"profile, followers, people search) with a bearer token, directly and via the gateway (JWT check, leased "
           f"Redis rate-limit permits, breaker, retry, proxy): capacity closed-loop with {int(workers) * 4} in flight (ratio goal) and {workers}, latency "
           f"open-loop at {rate} req/s, {seconds} s per side and phase in alternating 5 s slices after 120 s of alternating warm-up; "
           f"then 200 sequential logins via the gateway", metrics)
PY
