#!/usr/bin/env bash
# bench/catalog: search and film-page latency and search capacity through the gateway on a
# 10,000-film catalog generated for the run. See README.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export KB_HOME="$ROOT/target/bench-catalog" KB_PORT_BASE=26000 KB_GATEWAY_PORT=26080
# 47 classics + 9,953 generated films = 10,000 (seeded into the empty catalog at start).
export KB_CATALOG_DEMO_GENERATEDFILMS=9953
# Visitors are anonymous: their budget is per address, and here every request comes from one.
export KB_GATEWAY_RATE_LIMIT_ADDRESS_PER_SECOND=1000000 KB_GATEWAY_RATE_LIMIT_ADDRESS_BURST=1000000
SECONDS_PER_PHASE=${SECONDS_PER_PHASE:-30}
RATE=${RATE:-200}
WORKERS=${WORKERS:-16}
OUT="$ROOT/bench/results"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
# A fresh home, so the catalog is seeded with exactly the bench's films.
rm -rf "$KB_HOME"
mkdir -p "$OUT" "$KB_HOME"

source "$ROOT/bench/load/platform.sh"
start_platform
films=$(grep -ho 'seeded the demo library with [0-9]* films' "$KB_HOME/logs/platform.log" | grep -o '[0-9]*' | tail -1)
lines=$("$JAVA" "$ROOT/bench/catalog/CatalogBench.java" \
  "http://127.0.0.1:$KB_GATEWAY_PORT" "$SECONDS_PER_PHASE" "$RATE" "$WORKERS")
echo "$lines"

python3 - "$OUT" "$(git -C "$ROOT" rev-parse --short HEAD)" "$SECONDS_PER_PHASE" "$RATE" "$WORKERS" "$films" <<PY
import json, sys
sys.path.insert(0, "$ROOT/bench/load")
from results import write
out, commit, seconds, rate, workers, films = sys.argv[1:7]
phases = {p["phase"]: p for p in map(json.loads, """$lines""".strip().splitlines())}
s, c, f = phases["search-latency"], phases["search-capacity"], phases["film-page-latency"]
metrics = {
  "search_p99_ms": {"value": s["p99_ms"], "unit": "ms", "goal": f"<= 30 at {rate} req/s"},
  "search_rps": {"value": c["rps"], "unit": "req/s", "goal": f">= {rate} (capacity, {workers} closed-loop workers)"},
  "film_page_p99_ms": {"value": f["p99_ms"], "unit": "ms", "goal": f"reported at {rate} req/s"},
  "search_p50_ms": {"value": s["p50_ms"], "unit": "ms", "goal": f"reported at {rate} req/s"},
  "search_p90_ms": {"value": s["p90_ms"], "unit": "ms", "goal": f"reported at {rate} req/s"},
  "search_achieved_rps": {"value": s["rps"], "unit": "req/s", "goal": f"{rate} offered"},
  "search_capacity_p99_ms": {"value": c["p99_ms"], "unit": "ms", "goal": "reported"},
  "film_page_p50_ms": {"value": f["p50_ms"], "unit": "ms", "goal": f"reported at {rate} req/s"},
  "catalog_films": {"value": int(films), "unit": "films", "goal": "10000"},
  "errors": {"value": sum(p.get("errors", 0) for p in phases.values()), "unit": "count", "goal": "0"},
}
write(out, "catalog", commit, f"./kb up (all services in one JVM, real PostgreSQL 18) with a {films}-film catalog, on the same 2 cores "
           f"as the load generator (127.0.0.1); anonymous requests through the gateway: 18 searches (typos, prefixes, "
           f"stems in ru/en, genre chips, sorts, filters), open loop at {rate} req/s for {seconds} s after a warm-up (90 s closed loop, 60 s at the rate, 5 s of film pages), "
           f"then capacity with {workers} closed-loop workers, then film pages open loop at {rate} req/s", metrics)
PY
