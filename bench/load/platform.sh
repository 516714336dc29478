# Sourced by bench/<name>/run.sh: starts `./kb up` on the scenario's own KB_HOME and ports and
# waits until the gateway reports every part up; the platform stops when the script exits.
# Arguments go to `./kb up` (e.g. --separate files: some services only, each in its own JVM).
# Without tracing (ADR 0017): benchmarks measure the platform, not its span exports; set
# KB_BENCH_TRACING=1 to measure with every request traced.
start_platform() {
  "$ROOT/kb" build >/dev/null
  local tracing=--no-tracing
  [ "${KB_BENCH_TRACING:-0}" = 1 ] && tracing=
  setsid "$ROOT/kb" up --no-build $tracing "$@" >"$KB_HOME/up.log" 2>&1 &
  up_pid=$!
  trap 'kill -TERM -- -$up_pid 2>/dev/null || true; wait $up_pid 2>/dev/null || true' EXIT
  until curl -fsS "http://127.0.0.1:$KB_GATEWAY_PORT/api/status" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$up_pid" 2>/dev/null || { cat "$KB_HOME/up.log"; exit 1; }
    sleep 0.5
  done
}
