#!/usr/bin/env bash
# bench/commerce: cart.List of 20 items sequential vs worker pool (catalog latency injected, rate
# limit lifted, then kept on), the shared rate limit's real rate, and checkout throughput and p99
# over gRPC. See README.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export KB_HOME="$ROOT/target/bench-commerce" KB_PORT_BASE=23000 KB_GATEWAY_PORT=23080
LATENCY_MS=${LATENCY_MS:-100}
CHECKOUT_SECONDS=${CHECKOUT_SECONDS:-30}
CHECKOUT_WORKERS=${CHECKOUT_WORKERS:-16}
CHECKOUT_WARMUP_SECONDS=${CHECKOUT_WARMUP_SECONDS:-150}
CHECKOUT_RATE=${CHECKOUT_RATE:-300}
CHECKOUT_SETTLE_SECONDS=${CHECKOUT_SETTLE_SECONDS:-60}
OUT="$ROOT/bench/results"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
rm -rf "$KB_HOME"
mkdir -p "$OUT" "$KB_HOME"

source "$ROOT/bench/load/platform.sh"
start_platform auth catalog orders cart notifications
password=$(grep '^auth.demo-password=' "$KB_HOME/secrets.properties" | cut -d= -f2)
cd "$ROOT"
line=$("$JAVA" -Xmx1g -cp "$(cat "$ROOT/launcher/target/classpath.txt")" "$ROOT/bench/commerce/CommerceBench.java" \
  "$KB_HOME" "$KB_PORT_BASE" "http://127.0.0.1:$KB_GATEWAY_PORT" "$password" \
  "$LATENCY_MS" "$CHECKOUT_SECONDS" "$CHECKOUT_WORKERS" "$CHECKOUT_WARMUP_SECONDS" "$CHECKOUT_RATE" "$CHECKOUT_SETTLE_SECONDS" 2>"$KB_HOME/bench.err" | grep '^{"latency_ms"' | tail -1)
echo "$line"

python3 - "$OUT" "$(git -C "$ROOT" rev-parse --short HEAD)" <<PY
import json, sys
sys.path.insert(0, "$ROOT/bench/load")
from results import write
out, commit = sys.argv[1:3]
r = json.loads('''$line''')
metrics = {
  "worker_pool_speedup": {"value": round(r["sequential_ms"] / r["pool_ms"], 2), "unit": "ratio", "goal": "reported (sequential time / pool time, 20-item cart.List)"},
  "cart_list_20_sequential_ms": {"value": r["sequential_ms"], "unit": "ms", "goal": "reported"},
  "cart_list_20_pool_ms": {"value": r["pool_ms"], "unit": "ms", "goal": "reported (8 workers)"},
  "cart_list_20_rate_limited_ms": {"value": r["limited_ms"], "unit": "ms", "goal": "reported (8 workers, 10 RPS limit on)"},
  "rate_limited_rps": {"value": r["rate_limited_rps"], "unit": "calls/s", "goal": "10 ± 1"},
  "checkouts_per_s": {"value": r["checkouts_per_s"], "unit": "req/s", "goal": ">= 300 (capacity, $CHECKOUT_WORKERS closed-loop clients)"},
  "checkout_p99_ms": {"value": r["checkout_p99_ms"], "unit": "ms", "goal": f"<= 100 at {r['checkout_rate']} checkouts/s"},
  "checkout_p50_ms": {"value": r["checkout_p50_ms"], "unit": "ms", "goal": f"reported at {r['checkout_rate']} checkouts/s"},
  "checkout_achieved_rps": {"value": r["checkout_achieved_rps"], "unit": "req/s", "goal": f"{r['checkout_rate']} offered"},
  "checkout_capacity_p50_ms": {"value": r["checkout_capacity_p50_ms"], "unit": "ms", "goal": "reported (closed loop)"},
  "checkout_capacity_p99_ms": {"value": r["checkout_capacity_p99_ms"], "unit": "ms", "goal": "reported (closed loop)"},
  "checkout_errors": {"value": r["checkout_errors"], "unit": "count", "goal": "0"},
}
write(out, "commerce", commit, f"./kb up auth catalog orders cart notifications (one JVM), PostgreSQL, Redis, Kafka; the load generator on the "
           f"same 2 cores (127.0.0.1). Part A: three cart instances started by the bench against a catalog stand-in answering "
           f"GetProduct after {r['latency_ms']} ms: 1 worker and 8 workers with the rate limit lifted (median of 5 lists of a "
           f"20-item cart), 8 workers with the 10 RPS limit on (median of 2), then 12 concurrent lists for 12 s through the "
           f"limited instance, the calls catalog saw counted in seconds 2–10. Part B: {r['checkouts']} cart.Checkout calls over "
           f"gRPC to the platform's cart after a $CHECKOUT_WARMUP_SECONDS s warm-up: capacity with $CHECKOUT_WORKERS closed-loop clients for "
           f"$CHECKOUT_SECONDS s, then an open loop at {r['checkout_rate']} checkouts/s (asynchronous client, latency from each planned start): "
           f"$CHECKOUT_SETTLE_SECONDS s to settle, then $CHECKOUT_SECONDS s measured; each "
           f"creating an order of 2 digital SKUs in orders (reservation + order + outbox in one transaction); carts filled in "
           f"the cart database beforehand", metrics)
PY
