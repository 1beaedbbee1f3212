#!/usr/bin/env bash
# Quick start (1): installs what is missing, builds the agent, and runs its main job on bundled example data.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev --target azure-msi-operator

echo "== AzureIdentity manifests for resources/examples/msis.json (skips are listed on stderr)"
build/dev/agent/azure-msi-operator --render resources/examples/msis.json "$@"
