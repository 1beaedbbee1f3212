#!/usr/bin/env bash
# Measures the agent's peak memory (maximum RSS) for one full sync of a generated world:
#   scripts/measure-memory.sh [MSIS] [BUILD_DIR]      (defaults: 10000 build/dev)
# The simulator serves MSIS MSIs in MSIS/20 namespaces with MSIS/10 bindings, 10 % drifted; the agent
# runs --sync.once with binding sync, expiry and namespaced identities, and a raised client-side rate
# limit so the first sync's writes do not take minutes. The figure sizes the Deployment's memory limit.
set -euo pipefail
msis="${1:-10000}"
build="${2:-build/dev}"
cd "$(dirname "$0")/.."
sandbox="$build/shared/sandbox/azure-msi-sandbox"
agent="$build/agent/azure-msi-operator"
[ -x "$sandbox" ] && [ -x "$agent" ] || { echo "build azure-msi-sandbox and azure-msi-operator in $build first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time (Debian package: time)" >&2; exit 1; }

work="$(mktemp -d)"
sandbox_pid=""
cleanup() { [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$sandbox" --generate "$msis:$((msis / 20 > 0 ? msis / 20 : 1)):$((msis / 10)):0.1" > "$work/scenario.json"
"$sandbox" --scenario "$work/scenario.json" --out "$work/out" > "$work/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 100); do [ -f "$work/out/sandbox.env" ] && break; sleep 0.2; done
[ -f "$work/out/sandbox.env" ] || { cat "$work/sandbox.log" >&2; exit 1; }
set -a; . "$work/out/sandbox.env"; set +a

status=0
/usr/bin/time -f '%M' -o "$work/maxrss" "$agent" --sync.once --azureidentity.binding.sync --azureidentity.expiry \
    --azureidentity.namespaced --kubernetes.qps=2000 --kubernetes.burst=2000 --server.bind=127.0.0.1:0 \
    > "$work/agent.out" 2> "$work/agent.log" || status=$?
kib="$(tail -n 1 "$work/maxrss")"
echo "msis=$msis peak_rss_kib=$kib peak_rss_mib=$((kib / 1024)) sync_once_exit=$status"
