#!/usr/bin/env bash
# Quick start (1): installs what is missing, builds the agent, and runs its main job (a full sync)
# against the embedded simulator of Azure and Kubernetes loaded with the bundled demo scenario.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake --preset dev >/dev/null
cmake --build --preset dev --target azure-msi-operator

build/dev/agent/azure-msi-operator --demo "$@"
