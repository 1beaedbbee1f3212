#!/usr/bin/env bash
# Quick start (2): installs what is missing, builds everything with warnings as errors, and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
# Reuse compiled objects across clones of the repository (CI builds a fresh clone).
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1

cmake --preset dev
cmake --build --preset dev

# The headless split must hold: the agent configures without the GUI.
cmake --preset agent-only >/dev/null
echo "agent-only configure: ok"

bash scripts/check-format.sh

bash scripts/with-keyring.sh ctest --preset dev

# libFuzzer targets and the Go template tests under clang with ASan+UBSan (docs/fuzzing.md).
bash scripts/fuzz.sh
