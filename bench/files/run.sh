#!/usr/bin/env bash
# bench/files: upload and download throughput of the files service vs a raw S3 client on the same
# store, the service's heap during a 1 GiB upload, and range-read latency. See README.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export KB_HOME="$ROOT/target/bench-files" KB_PORT_BASE=24000 KB_GATEWAY_PORT=24080
# files in its own JVM with the heap the goal allows (full JIT: the default separate JVM is C1-only)
export KB_JVM_OPTS_FILES="-Xms64m -Xmx256m -XX:+UseSerialGC"
export KB_FILES_PURGE_AFTER=0s
SIZE_MIB=${SIZE_MIB:-256}
ROUNDS=${ROUNDS:-3}
RANGE_SECONDS=${RANGE_SECONDS:-30}
OUT="$ROOT/bench/results"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
rm -rf "$KB_HOME"
mkdir -p "$OUT" "$KB_HOME"

source "$ROOT/bench/load/platform.sh"
start_platform --separate auth files
secret=$(grep '^s3.secret-key=' "$KB_HOME/secrets.properties" | cut -d= -f2)
files_pid=$(pgrep -f "run-service files" | head -1)
cd "$ROOT"
line=$("$JAVA" -cp "$(cat "$ROOT/launcher/target/classpath.txt")" "$ROOT/bench/files/FilesBench.java" \
  "http://127.0.0.1:$KB_GATEWAY_PORT" "http://127.0.0.1:$((KB_PORT_BASE + 105))" \
  "http://127.0.0.1:$((KB_PORT_BASE + 333))" kinobezdna "$secret" kinobezdna-files \
  "$SIZE_MIB" "$ROUNDS" "$RANGE_SECONDS" "$files_pid" 2>"$KB_HOME/bench.err" | tail -1)
echo "$line"

python3 - "$OUT" "$(git -C "$ROOT" rev-parse --short HEAD)" <<PY
import json, sys
sys.path.insert(0, "$ROOT/bench/load")
from results import write
out, commit = sys.argv[1:3]
r = json.loads('''$line''')
rng = r["range"]
metrics = {
  "upload_ratio_vs_raw_s3": {"value": round(r["service_upload_mibps"] / r["raw_upload_mibps"], 3), "unit": "ratio", "goal": ">= 0.8"},
  "multipart_upload_ratio_vs_raw_s3": {"value": round(r["service_form_upload_mibps"] / r["raw_upload_mibps"], 3), "unit": "ratio", "goal": "reported (multipart/form-data; the site sends the raw body)"},
  "download_ratio_vs_raw_s3": {"value": round(r["service_download_mibps"] / r["raw_download_mibps"], 3), "unit": "ratio", "goal": ">= 0.8"},
  "heap_peak_mib_1gib_upload": {"value": round(r["heap_peak_mib"], 1), "unit": "MiB", "goal": "<= 256"},
  "range_read_p99_ms": {"value": rng["p99_ms"], "unit": "ms", "goal": "reported"},
  "range_read_p50_ms": {"value": rng["p50_ms"], "unit": "ms", "goal": "reported"},
  "range_read_rps": {"value": rng["rps"], "unit": "req/s", "goal": "reported (8 closed-loop readers, 256 KiB each)"},
  "service_upload_mibps": {"value": r["service_upload_mibps"], "unit": "MiB/s", "goal": "reported"},
  "service_multipart_upload_mibps": {"value": r["service_form_upload_mibps"], "unit": "MiB/s", "goal": "reported"},
  "raw_upload_mibps": {"value": r["raw_upload_mibps"], "unit": "MiB/s", "goal": "reported"},
  "service_download_mibps": {"value": r["service_download_mibps"], "unit": "MiB/s", "goal": "reported"},
  "raw_download_mibps": {"value": r["raw_download_mibps"], "unit": "MiB/s", "goal": "reported"},
  "gib_upload_seconds": {"value": r["gib_upload_seconds"], "unit": "s", "goal": "reported"},
  "errors": {"value": rng["errors"], "unit": "count", "goal": "0"},
}
write(out, "files", commit, f"./kb up --separate auth files: files in its own JVM (-Xmx256m, SerialGC), S3Proxy on the local filesystem, "
           f"PostgreSQL, the load generator on the same 2 cores (127.0.0.1). {r['rounds']} rounds of {r['size_mib']} MiB "
           f"alternating a raw AWS SDK v2 PutObject/GetObject with the service's uploads (the raw body with X-File-Name, as "
           f"the site sends it; and multipart/form-data) and GET, waiting for its metadata extraction in between; then one "
           f"1 GiB multipart/form-data upload with the service's heap read every 20 ms (jstat: young + old generations in use); then "
           f"random 256 KiB range reads of that file by 8 closed-loop readers", metrics)
PY
