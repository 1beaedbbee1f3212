#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan+UBSan) and fuzzes each for a while, then runs the Go
# template tests in the same sanitizer build. `scripts/test.sh` calls it with the default time; for a
# longer run: `AMO_FUZZ_SECONDS=600 bash scripts/fuzz.sh` (see docs/fuzzing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
seconds="${AMO_FUZZ_SECONDS:-20}"
cmake --preset fuzz -DAMO_FUZZ_SECONDS="$seconds" >/dev/null
cmake --build --preset fuzz
ctest --preset fuzz
